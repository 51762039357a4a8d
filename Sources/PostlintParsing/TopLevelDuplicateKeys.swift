/// Finds keys repeated at the top level of a block-style YAML mapping, textually, so that they can
/// be reported as a warning while the later value wins (libyaml-based Yams refuses them outright).
enum TopLevelDuplicateKeys {
    struct Key {
        var name: String
        var range: Range<Int>
    }

    struct Result {
        /// Whole lines of each earlier entry of a repeated key (key line and its continuation lines).
        var earlierEntryRanges: [Range<Int>] = []
        /// The later occurrences of each repeated key.
        var laterKeys: [Key] = []
    }

    static func find(in bytes: [UInt8]) -> Result {
        var entries: [(key: Key, entry: Range<Int>)] = []
        var index = 0
        let count = bytes.count
        var currentStart: Int?
        var currentKey: Key?
        func close(at end: Int) {
            if let key = currentKey, let start = currentStart { entries.append((key, start..<end)) }
            currentKey = nil
            currentStart = nil
        }
        while index < count {
            let lineStart = index
            while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            let lineEnd = index
            if index < count, bytes[index] == 0x0D { index += 1 }
            if index < count, bytes[index] == 0x0A { index += 1 }
            guard lineEnd > lineStart else { continue }
            let first = bytes[lineStart]
            if first == 0x20 || first == 0x09 || first == UInt8(ascii: "#") { continue }
            close(at: lineStart)
            if let key = plainKey(bytes, lineStart, lineEnd) {
                currentKey = key
                currentStart = lineStart
            }
        }
        close(at: count)

        var result = Result()
        var lastByName: [String: Int] = [:]
        for (position, item) in entries.enumerated() {
            if let earlier = lastByName[item.key.name] {
                result.earlierEntryRanges.append(entries[earlier].entry)
                result.laterKeys.append(item.key)
            }
            lastByName[item.key.name] = position
        }
        return result
    }

    /// Bytes that cannot start a plain key.
    private static let indicatorBytes: Set<UInt8> = Set("-?:,[]{}#&*!|>%@`".utf8)

    /// A plain or quoted key at the start of a line followed by `:` and a space or the line's end.
    private static func plainKey(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Key? {
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var index = start + 1
            while index < end, bytes[index] != first { index += 1 }
            guard index + 1 < end + 1, index < end else { return nil }
            let colon = index + 1
            guard colon < end, bytes[colon] == UInt8(ascii: ":"),
                  colon + 1 == end || bytes[colon + 1] == 0x20 || bytes[colon + 1] == 0x09 else { return nil }
            return Key(name: String(decoding: bytes[(start + 1)..<index], as: UTF8.self), range: start..<(index + 1))
        }
        if indicatorBytes.contains(first) { return nil }
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: ":"), index + 1 == end || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09 {
                var keyEnd = index
                while keyEnd > start, bytes[keyEnd - 1] == 0x20 || bytes[keyEnd - 1] == 0x09 { keyEnd -= 1 }
                guard keyEnd > start else { return nil }
                return Key(name: String(decoding: bytes[start..<keyEnd], as: UTF8.self), range: start..<keyEnd)
            }
            index += 1
        }
        return nil
    }
}
