/// Puts values into a permalink pattern (`/:categories/:year/:title:output_ext`) in one pass: a
/// token is `:` and the longest run of letters, digits and `_` after it that names a value; a
/// value is asked for only when the pattern holds its token.
enum PermalinkPattern {
    static func expand(_ pattern: String, value: (Substring) -> String?) -> String {
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
