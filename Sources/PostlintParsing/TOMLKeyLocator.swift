import PostlintCore

/// Finds where `key = value` lines of a TOML block sit, keyed by the dotted path of table headers
/// (`[params]`, `[[menu]]`) and keys, so diagnostics can point at a field's value.
///
/// A path is kept as its hash (the parts fed one by one to the process's seeded `Hasher`), not as
/// an array of strings: a key under a table 127 levels deep would otherwise cost 128 strings.
struct TOMLKeyLocator {
    struct Position {
        var key: ByteRange
        var value: ByteRange
    }

    private var positions: [Int: Position] = [:]

    init(source: SourceText, content: ByteRange) {
        let bytes = source.bytes
        let index = source.lineIndex
        var table = Hasher()
        var line = index.lineIndex(containing: content.lowerBound)
        while line < index.lineCount, index.lineStarts[line] < content.upperBound {
            let range = index.contentRange(ofLine: line)
            line += 1
            var start = range.lowerBound
            while start < range.upperBound, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            guard start < range.upperBound else { continue }
            if bytes[start] == UInt8(ascii: "[") {
                var end = start
                while end < range.upperBound, bytes[end] != UInt8(ascii: "]") { end += 1 }
                let inner = String(decoding: bytes[start..<end], as: UTF8.self)
                    .trimmingCharacters(in: "[] \t")
                table = Self.hasher(of: Self.splitKey(inner))
                continue
            }
            guard bytes[start] != UInt8(ascii: "#") else { continue }
            var equals = start
            var quote: UInt8 = 0
            while equals < range.upperBound {
                let byte = bytes[equals]
                if quote != 0 { if byte == quote { quote = 0 } } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "=") { break }
                equals += 1
            }
            guard equals < range.upperBound else { continue }
            var keyEnd = equals
            while keyEnd > start, bytes[keyEnd - 1] == 0x20 || bytes[keyEnd - 1] == 0x09 { keyEnd -= 1 }
            var valueStart = equals + 1
            while valueStart < range.upperBound, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
            var valueEnd = range.upperBound
            while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            let key = String(decoding: bytes[start..<keyEnd], as: UTF8.self)
            var hasher = table
            for part in Self.splitKey(key) { hasher.combine(part) }
            let path = hasher.finalize()
            if positions[path] == nil {
                positions[path] = Position(key: start..<keyEnd, value: valueStart..<valueEnd)
            }
        }
    }

    func position(of path: [String]) -> Position? {
        positions[Self.hasher(of: path).finalize()]
    }

    /// A hasher fed the parts of a path in order.
    private static func hasher(of parts: [String]) -> Hasher {
        var hasher = Hasher()
        for part in parts { hasher.combine(part) }
        return hasher
    }

    /// `a."b.c".d` → `["a", "b.c", "d"]`
    static func splitKey(_ key: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in key {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: " \t"))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: " \t"))
        return parts
    }
}

extension String {
    /// The string without leading and trailing characters from `set` (no Foundation needed).
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
