#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// `/`-separated path arithmetic without touching the file system.
public enum PathUtilities {
    /// The process's working folder.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `path` made absolute against `base` and normalized (`.` and `..` removed; no symlinks resolved).
    public static func absolute(_ path: String, base: String) -> String {
        normalize(path.hasPrefix("/") ? path : join(base, path))
    }

    public static func normalize(_ path: String) -> String {
        // Most paths (every link already written plainly) are normal: they are returned as they are.
        isNormal(path) ? path : normalizedBySegments(path)
    }

    /// Whether `normalize` would return `path` unchanged: not empty, no empty, `.` or `..`
    /// segment, and no `/` at the end but for `/` itself.
    static func isNormal(_ path: String) -> Bool {
        isNormal(bytes: path.utf8)
    }

    /// `isNormal` of a path's bytes.
    static func isNormal<Bytes: BidirectionalCollection<UInt8>>(bytes: Bytes) -> Bool {
        guard let first = bytes.first else { return false }
        if bytes.count == 1 { return first != UInt8(ascii: ".") }
        if bytes.last == UInt8(ascii: "/") { return false }
        // The length of the segment read so far, and whether it is dots only.
        var length = first == UInt8(ascii: "/") ? -1 : 0
        var dotsOnly = true
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (dotsOnly && length <= 2 && length > 0) { return false }
                length = 0
                dotsOnly = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return !(dotsOnly && length <= 2)
    }

    /// `normalize`'s result, segment by segment.
    static func normalizedBySegments(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", path.hasPrefix("/") { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    public static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty || base == "." { return name }
        return base.hasSuffix("/") ? concatenated(base, name) : concatenated(base, "/", name)
    }

    /// The strings one after another, in a string of exactly their size (appending leaves spare
    /// capacity, which adds up over the paths a run keeps for every post).
    static func concatenated(_ parts: String...) -> String {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + index).initialize(from: source, count: bytes.count)
                    index += bytes.count
                }
            }
            return index
        }
    }

    /// The index of the last `.` character in a file name: found on its bytes when the name is
    /// ASCII (nearly every name), a character at a time otherwise (a `.` with a mark after it is
    /// another character).
    static func lastDot(in name: String) -> String.Index? {
        ByteScanning.isASCII(name) ? name.utf8.lastIndex(of: UInt8(ascii: ".")) : name.lastIndex(of: ".")
    }

    /// The folder part of a path (`.` for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` relative to `directory` when it lies below it (both absolute and normalized).
    public static func relative(_ path: String, to directory: String) -> String? {
        if directory == "/" { return String(path.dropFirst()) }
        if path == directory { return "" }
        guard path.hasPrefix(directory + "/") else { return nil }
        return String(path.dropFirst(directory.count + 1))
    }
}
