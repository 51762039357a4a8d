/// Puts values into a permalink pattern (`/:categories/:year/:title:output_ext`) in one pass: a
/// token is `:` and the longest run of letters, digits and `_` after it that names a value; a
/// value is asked for only when the pattern holds its token.
enum PermalinkPattern {
    static func expand(_ pattern: String, value: (Substring) -> String?) -> String {
        let bytes = pattern.utf8
        // An ASCII pattern (every generator's default, nearly every site's own): a byte at a time.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return expandByCharacters(pattern, value: value) }
        var result = ""
        result.reserveCapacity(bytes.count + 32)
        var rest = bytes.startIndex
        while let colon = bytes[rest...].firstIndex(of: UInt8(ascii: ":")) {
            result += pattern[rest..<colon]
            let nameStart = bytes.index(after: colon)
            var nameEnd = nameStart
            while nameEnd < bytes.endIndex, isNameByte(bytes[nameEnd]) { nameEnd = bytes.index(after: nameEnd) }
            // The longest known token that the run starts with (`:title` in `:titles` is not cut).
            var end = nameEnd
            var replaced: String?
            while end > nameStart {
                if let found = value(pattern[nameStart..<end]) {
                    replaced = found
                    break
                }
                end = bytes.index(before: end)
            }
            if let replaced {
                result += replaced
                rest = end
            } else {
                result += ":"
                rest = nameStart
            }
        }
        result += pattern[rest...]
        return result
    }

    /// An ASCII letter, digit or `_`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// `expand`, a character at a time: for a pattern that is not all ASCII.
    static func expandByCharacters(_ pattern: String, value: (Substring) -> String?) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let colon = rest.firstIndex(of: ":") {
            result += rest[..<colon]
            let nameStart = rest.index(after: colon)
            var nameEnd = nameStart
            while nameEnd < rest.endIndex, rest[nameEnd].isASCII,
                rest[nameEnd].isLetter || rest[nameEnd].isNumber || rest[nameEnd] == "_"
            {
                nameEnd = rest.index(after: nameEnd)
            }
            // The longest known token that the run starts with (`:title` in `:titles` is not cut).
            var end = nameEnd
            var replaced: String?
            while end > nameStart {
                if let found = value(rest[nameStart..<end]) {
                    replaced = found
                    break
                }
                end = rest.index(before: end)
            }
            if let replaced {
                result += replaced
                rest = rest[end...]
            } else {
                result += ":"
                rest = rest[nameStart...]
            }
        }
        result += rest
        return result
    }
}
