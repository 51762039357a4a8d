import PostlintCore

/// Puts values into a permalink pattern (`/:categories/:year/:title:output_ext`) in one pass: a
/// token is `:` and the longest run of letters, digits and `_` after it that names a value; a
/// value is asked for only when the pattern holds its token.
enum PermalinkPattern {
    static func expand(_ pattern: String, value: (Substring) -> String?) -> String {
        // An ASCII pattern (every generator's default, nearly every site's own): a byte at a time.
        guard ByteScanning.isASCII(pattern) else { return expandByCharacters(pattern, value: value) }
        return expand(pattern, through: pattern.utf8, colon: UInt8(ascii: ":"), isName: isNameByte, value: value)
    }

    /// `expand`, a character at a time: for a pattern that is not all ASCII.
    static func expandByCharacters(_ pattern: String, value: (Substring) -> String?) -> String {
        expand(
            pattern, through: pattern, colon: ":",
            isName: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, value: value)
    }

    /// The expansion, read through `view` (the pattern's bytes or its characters, which share its
    /// indices).
    private static func expand<View: BidirectionalCollection>(
        _ pattern: String, through view: View, colon: View.Element, isName: (View.Element) -> Bool,
        value: (Substring) -> String?
    ) -> String where View.Index == String.Index, View.Element: Equatable {
        var result = ""
        result.reserveCapacity(pattern.utf8.count + 32)
        var rest = view.startIndex
        while let colonIndex = view[rest...].firstIndex(of: colon) {
            result += pattern[rest..<colonIndex]
            let nameStart = view.index(after: colonIndex)
            var nameEnd = nameStart
            while nameEnd < view.endIndex, isName(view[nameEnd]) { nameEnd = view.index(after: nameEnd) }
            // The longest known token that the run starts with (`:title` in `:titles` is not cut).
            var end = nameEnd
            var replaced: String?
            while end > nameStart {
                if let found = value(pattern[nameStart..<end]) {
                    replaced = found
                    break
                }
                end = view.index(before: end)
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
}
