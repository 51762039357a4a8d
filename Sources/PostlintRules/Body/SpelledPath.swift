import PostlintCore

/// Lexical path arithmetic on UTF-8 bytes, for `LocalFileCheck`, which runs for every image and
/// link of every post: splitting paths into arrays of `String` names and joining them again cost
/// more than everything else the check does. Names are index ranges into the bytes, so walking a
/// path neither allocates nor retains anything.
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
    static func spelling(of path: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var spelled: [UInt8] = []
        spelled.reserveCapacity(path.count)
        let absolute = path.first == slash
        if absolute { spelled.append(slash) }
        var start = 0
        while start < path.count {
            let end = nameEnd(in: path, from: start)
            let name = start..<end
            start = end + 1
            if name.isEmpty || isDot(path, name) { continue }
            if isDotDot(path, name) {
                if let last = lastNameStart(in: spelled), !isDotDot(spelled, last..<spelled.count) {
                    removeLastName(from: &spelled, startingAt: last)
                    continue
                }
                if absolute { continue }
            }
            append(path, name, to: &spelled)
        }
        return spelled
    }

    static func spelling(of path: String) -> [UInt8] {
        var path = path
        return path.withUTF8 { spelling(of: $0) }
    }

    /// The spelled folder holding the file at `path`.
    static func folder(ofFile path: String) -> [UInt8] {
        var path = path
        let asciiFolder = path.withUTF8 { bytes -> [UInt8]? in
            // Split at the last slash byte when every byte is ASCII (a slash then stands alone).
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let lastSlash = bytes.lastIndex(of: slash) else { return [] }
            if lastSlash == 0 { return [slash] }
            let folder = UnsafeBufferPointer(rebasing: bytes[..<lastSlash])
            // A folder of plain names (nearly always) is spelled as it is written.
            return isPlain(folder, from: 0) ? Array(folder) : spelling(of: folder)
        }
        // Otherwise where `String` finds its last `/` character: a slash followed by a combining
        // mark is not one.
        return asciiFolder ?? spelling(of: folder(ofNonASCIIFile: path))
    }

    private static func folder(ofNonASCIIFile path: String) -> String {
        guard let lastSlash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<lastSlash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// `destination` (a path's bytes) spelled below `base` into `joined` (its contents replaced);
    /// false when it climbs above `base` and `rootRelative` is set, or above the file system's
    /// root. A `..` with no name to fold into in a relative path is kept.
    static func join(
        _ destination: UnsafeBufferPointer<UInt8>, to base: [UInt8], rootRelative: Bool,
        into joined: inout [UInt8]
    ) -> Bool {
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: base)
        // Nearly always every name is a plain one: then the names go below `base` as written.
        let namesFrom = rootRelative ? 1 : 0
        if isPlain(destination, from: namesFrom) {
            if joined.count > namesStart(of: joined) { joined.append(slash) }
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: destination[namesFrom...]))
            return true
        }
        let absolute = base.first == slash
        var depth = 0
        var start = 0
        while start < destination.count {
            let end = nameEnd(in: destination, from: start)
            let name = start..<end
            start = end + 1
            if name.isEmpty || isDot(destination, name) { continue }
            if isDotDot(destination, name) {
                if rootRelative, depth == 0 { return false }
                depth -= 1
                if let last = lastNameStart(in: joined), !isDotDot(joined, last..<joined.count) {
                    removeLastName(from: &joined, startingAt: last)
                } else if absolute {
                    return false
                } else {
                    append(destination, name, to: &joined)
                }
            } else {
                depth += 1
                append(destination, name, to: &joined)
            }
        }
        return true
    }

    /// Whether `destination` from `start` on is names none of which is empty, `.` or `..` (nor
    /// is there none).
    static func isPlain(_ destination: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard start < destination.count, destination[destination.count - 1] != slash else { return false }
        var nameStart = start
        while true {
            // Not empty, not `.`, not `..`.
            guard destination[nameStart] != slash else { return false }
            if destination[nameStart] == dot {
                let next = nameStart + 1
                if next == destination.count || destination[next] == slash { return false }
                if destination[next] == dot, next + 1 == destination.count || destination[next + 1] == slash {
                    return false
                }
            }
            guard let nextSlash = ByteScanning.firstIndex(of: slash, in: destination, from: nameStart) else {
                return true
            }
            // Not the last byte (checked above), so a name follows.
            nameStart = nextSlash + 1
        }
    }

    /// Whether the names of `path` start with all the names of `root` (both spelled, both
    /// absolute or both relative).
    static func hasPrefix(_ path: [UInt8], _ root: [UInt8]) -> Bool {
        guard (path.first == slash) == (root.first == slash) else { return false }
        var pathStart = namesStart(of: path)
        var rootStart = namesStart(of: root)
        while rootStart < root.count {
            guard pathStart < path.count else { return false }
            let pathEnd = nameEnd(in: path, from: pathStart)
            let rootEnd = nameEnd(in: root, from: rootStart)
            guard sameName(path, pathStart..<pathEnd, root, rootStart..<rootEnd) else { return false }
            pathStart = pathEnd + 1
            rootStart = rootEnd + 1
        }
        return true
    }

    /// Where the first name of `path` that `base` does not share with it starts (`path.count`
    /// when there is none): `path` was joined to `base`, and the names they share need no look-up.
    static func endOfSharedNames(_ path: [UInt8], _ base: [UInt8]) -> Int {
        // Nearly always `path` is `base` with names below it: then it shares all of them.
        if base.count > namesStart(of: base), path.count >= base.count,
            path.count == base.count || path[base.count] == slash, bytesEqual(path, 0..<base.count, base, 0..<base.count)
        {
            return min(base.count + 1, path.count)
        }
        var pathStart = namesStart(of: path)
        var baseStart = namesStart(of: base)
        while pathStart < path.count, baseStart < base.count {
            let pathEnd = nameEnd(in: path, from: pathStart)
            let baseEnd = nameEnd(in: base, from: baseStart)
            guard sameName(path, pathStart..<pathEnd, base, baseStart..<baseEnd) else { break }
            pathStart = pathEnd + 1
            baseStart = baseEnd + 1
        }
        return min(pathStart, path.count)
    }

    /// Whether two names are the same `String`: the same bytes, or (when either is not ASCII)
    /// canonically equivalent.
    static func sameName(_ one: [UInt8], _ oneName: Range<Int>, _ other: [UInt8], _ otherName: Range<Int>) -> Bool {
        if one[oneName].elementsEqual(other[otherName]) { return true }
        if one[oneName].allSatisfy({ $0 < 0x80 }), other[otherName].allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: one[oneName], as: UTF8.self) == String(decoding: other[otherName], as: UTF8.self)
    }

    /// Whether `path[range]` holds exactly the bytes of `other[otherRange]`.
    static func bytesEqual(_ path: [UInt8], _ range: Range<Int>, _ other: [UInt8], _ otherRange: Range<Int>) -> Bool {
        guard range.count == otherRange.count, range.lowerBound >= 0, range.upperBound <= path.count,
            otherRange.lowerBound >= 0, otherRange.upperBound <= other.count
        else { return false }
        return path.withUnsafeBufferPointer { pathBytes in
            other.withUnsafeBufferPointer { otherBytes in
                ByteScanning.equal(
                    UnsafeBufferPointer(rebasing: pathBytes[range]),
                    UnsafeBufferPointer(rebasing: otherBytes[otherRange]))
            }
        }
    }

    /// Where the names of a spelled path start: after the slash of an absolute one.
    static func namesStart(of path: [UInt8]) -> Int {
        path.first == slash ? 1 : 0
    }

    /// The end of the name starting at `start`: the next slash, or the end of the path.
    static func nameEnd(in path: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < path.count, path[end] != slash { end += 1 }
        return end
    }

    static func nameEnd(in path: [UInt8], from start: Int) -> Int {
        var end = start
        while end < path.count, path[end] != slash { end += 1 }
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

    /// The name at `name` in `source` appended below a spelled path.
    static func append(_ source: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, to path: inout [UInt8]) {
        if path.count > namesStart(of: path) { path.append(slash) }
        path.append(contentsOf: UnsafeBufferPointer(rebasing: source[name]))
    }

    static func append(_ source: [UInt8], _ name: Range<Int>, to path: inout [UInt8]) {
        if path.count > namesStart(of: path) { path.append(slash) }
        path.append(contentsOf: source[name])
    }

    /// The path (or its first `count` bytes) as text: the current folder is `.`.
    static func string(_ path: [UInt8], count: Int? = nil) -> String {
        let count = count ?? path.count
        return count == 0 ? "." : string(path, 0..<count)
    }

    /// The bytes at `range` as text.
    static func string(_ path: [UInt8], _ range: Range<Int>) -> String {
        path.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    static func isDot(_ path: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        name.count == 1 && path[name.lowerBound] == dot
    }

    static func isDotDot(_ path: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        name.count == 2 && path[name.lowerBound] == dot && path[name.lowerBound + 1] == dot
    }

    static func isDotDot(_ path: [UInt8], _ name: Range<Int>) -> Bool {
        name.count == 2 && path[name.lowerBound] == dot && path[name.lowerBound + 1] == dot
    }
}
