/// Lexical path arithmetic on UTF-8 bytes, for `LocalFileCheck`, which runs for every image and
/// link of every post: splitting paths into arrays of `String` names and joining them again cost
/// more than everything else the check does.
///
/// A *spelled* path is the bytes of a path with `.` names dropped, `..` folded into the name before
/// it where there is one, and names separated by single slashes; an absolute one starts with a
/// slash (the root itself is `/`), and the current folder is empty (shown as `.`). Names are
/// compared the way `String` compares them (canonical equivalence), so a name spelled composed
/// (`é`) and one spelled decomposed (`e` and a combining accent) are the same name, as they were
/// when names were strings.
enum SpelledPath {
    static let slash: UInt8 = 0x2F
    static let dot: UInt8 = 0x2E

    /// `path` spelled: `.` dropped, `..` folded where it can be (above an absolute path's root it
    /// is dropped, in a relative path with nothing to fold it is kept).
    static func spelling(of path: ArraySlice<UInt8>) -> [UInt8] {
        var spelled: [UInt8] = []
        spelled.reserveCapacity(path.count)
        let absolute = path.first == slash
        if absolute { spelled.append(slash) }
        var start = path.startIndex
        while start < path.endIndex {
            let end = nameEnd(in: path, from: start)
            let name = path[start..<end]
            start = end + 1
            if name.isEmpty || isDot(name) { continue }
            if isDotDot(name) {
                if let last = lastNameStart(in: spelled), !isDotDot(spelled[last...]) {
                    removeLastName(from: &spelled, startingAt: last)
                    continue
                }
                if absolute { continue }
            }
            append(name, to: &spelled)
        }
        return spelled
    }

    /// The spelled folder holding the file at `path`.
    static func folder(ofFile path: String) -> [UInt8] {
        let bytes = Array(path.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            // Split where `String` finds its last `/` character: a slash followed by a combining
            // mark is not one.
            return spelling(of: Array(folder(ofNonASCIIFile: path).utf8)[...])
        }
        guard let lastSlash = bytes.lastIndex(of: slash) else { return [] }
        if lastSlash == 0 { return [slash] }
        return spelling(of: bytes[..<lastSlash])
    }

    private static func folder(ofNonASCIIFile path: String) -> String {
        guard let lastSlash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<lastSlash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// `destination` (a path's bytes) spelled below `base` into `joined` (its contents replaced);
    /// false when it climbs above `base` and `rootRelative` is set, or above the file system's
    /// root. A `..` with no name to fold into in a relative path is kept.
    static func join(_ destination: [UInt8], to base: [UInt8], rootRelative: Bool, into joined: inout [UInt8]) -> Bool {
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: base)
        let absolute = base.first == slash
        var depth = 0
        var start = 0
        while start < destination.count {
            let end = nameEnd(in: destination[...], from: start)
            let name = destination[start..<end]
            start = end + 1
            if name.isEmpty || isDot(name) { continue }
            if isDotDot(name) {
                if rootRelative, depth == 0 { return false }
                depth -= 1
                if let last = lastNameStart(in: joined), !isDotDot(joined[last...]) {
                    removeLastName(from: &joined, startingAt: last)
                } else if absolute {
                    return false
                } else {
                    append(name, to: &joined)
                }
            } else {
                depth += 1
                append(name, to: &joined)
            }
        }
        return true
    }

    /// Whether the names of `path` start with all the names of `root` (both spelled, both
    /// absolute or both relative).
    static func hasPrefix(_ path: [UInt8], _ root: [UInt8]) -> Bool {
        guard (path.first == slash) == (root.first == slash) else { return false }
        var pathStart = namesStart(of: path)
        var rootStart = namesStart(of: root)
        while rootStart < root.count {
            guard pathStart < path.count else { return false }
            let pathEnd = nameEnd(in: path[...], from: pathStart)
            let rootEnd = nameEnd(in: root[...], from: rootStart)
            guard sameName(path[pathStart..<pathEnd], root[rootStart..<rootEnd]) else { return false }
            pathStart = pathEnd + 1
            rootStart = rootEnd + 1
        }
        return true
    }

    /// Where the first name of `path` that `base` does not share with it starts (`path.count`
    /// when there is none): `path` was joined to `base`, and the names they share need no look-up.
    static func endOfSharedNames(_ path: [UInt8], _ base: [UInt8]) -> Int {
        var pathStart = namesStart(of: path)
        var baseStart = namesStart(of: base)
        while pathStart < path.count, baseStart < base.count {
            let pathEnd = nameEnd(in: path[...], from: pathStart)
            let baseEnd = nameEnd(in: base[...], from: baseStart)
            guard sameName(path[pathStart..<pathEnd], base[baseStart..<baseEnd]) else { break }
            pathStart = pathEnd + 1
            baseStart = baseEnd + 1
        }
        return min(pathStart, path.count)
    }

    /// Whether two names are the same `String`: the same bytes, or (when either is not ASCII)
    /// canonically equivalent.
    static func sameName(_ one: ArraySlice<UInt8>, _ other: ArraySlice<UInt8>) -> Bool {
        if one.elementsEqual(other) { return true }
        if one.allSatisfy({ $0 < 0x80 }), other.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: one, as: UTF8.self) == String(decoding: other, as: UTF8.self)
    }

    /// Where the names of a spelled path start: after the slash of an absolute one.
    static func namesStart(of path: [UInt8]) -> Int {
        path.first == slash ? 1 : 0
    }

    /// The end of the name starting at `start`: the next slash, or the end of the path.
    static func nameEnd(in path: ArraySlice<UInt8>, from start: Int) -> Int {
        var end = start
        while end < path.endIndex, path[end] != slash { end += 1 }
        return end
    }

    /// Where the last name of a spelled path starts (nil when it has none).
    static func lastNameStart(in path: [UInt8]) -> Int? {
        let first = namesStart(of: path)
        guard path.count > first else { return nil }
        var start = path.count
        while start > first, path[start - 1] != slash { start -= 1 }
        return start
    }

    /// The spelled path without its last name, which starts at `start`.
    static func removeLastName(from path: inout [UInt8], startingAt start: Int) {
        let kept = start == namesStart(of: path) ? start : start - 1
        path.removeLast(path.count - kept)
    }

    /// `name` appended below a spelled path.
    static func append(_ name: ArraySlice<UInt8>, to path: inout [UInt8]) {
        if path.count > namesStart(of: path) { path.append(slash) }
        path.append(contentsOf: name)
    }

    /// The path as text: the current folder is `.`.
    static func string(_ path: ArraySlice<UInt8>) -> String {
        path.isEmpty ? "." : String(decoding: path, as: UTF8.self)
    }

    static func isDot(_ name: ArraySlice<UInt8>) -> Bool {
        name.count == 1 && name.first == dot
    }

    static func isDotDot(_ name: ArraySlice<UInt8>) -> Bool {
        name.count == 2 && name.first == dot && name.last == dot
    }
}
