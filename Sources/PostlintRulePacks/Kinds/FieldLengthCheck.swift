import PostlintCore

/// `kind: length`: a string field's length in characters (user-perceived), words or bytes.
struct FieldLengthCheck: DeclarativeCheck {
    let field: String
    let unit: String
    let min: Int
    let max: Int
    var defaultMessage: String { "\"{field}\" is {length} {unit} long, {problem}" }

    struct Options: TypedRuleOptions {
        var field = ""
        var unit = "characters"
        var min = 0
        var max = 0
        init() {}
        static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field"),
            .string("unit", \.unit, "characters (user-perceived), words or bytes", allowed: ["characters", "words", "bytes"]),
            .integer("min", \.min, "the least length (0: no minimum)", minimum: 0),
            .integer("max", \.max, "the greatest length (0: no maximum)", minimum: 0),
        ]
    }
    static let requiredKeys = ["field"]

    init(_ options: Options) throws(KindError) {
        field = options.field
        unit = options.unit
        min = options.min
        max = options.max
        guard ["characters", "words", "bytes"].contains(unit) else {
            throw KindError(key: "unit", message: "must be characters, words or bytes")
        }
        guard min >= 0, max >= 0, max == 0 || min <= max else {
            throw KindError(key: "min", message: "min and max must be positive, with min no greater than max")
        }
    }

    static func length(of text: String, unit: String) -> Int {
        switch unit {
        case "words": return text.split(whereSeparator: { $0.isWhitespace }).count
        case "bytes": return text.utf8.count
        default: return characterCount(of: text)
        }
    }

    /// `text.count`, counted from the bytes when they are all ASCII: then every character is one
    /// byte except a CR LF pair, which is one character of two bytes. Counting characters otherwise
    /// finds each grapheme cluster boundary, dozens of instructions a character.
    static func characterCount(of text: String) -> Int {
        let asciiCount: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard ByteScanning.isASCII(bytes) else { return nil }
            var pairs = 0
            var from = 0
            while let carriageReturn = ByteScanning.firstIndex(of: 0x0D, in: bytes, from: from) {
                if carriageReturn + 1 < bytes.count, bytes[carriageReturn + 1] == 0x0A { pairs += 1 }
                from = carriageReturn + 1
            }
            return bytes.count - pairs
        }
        if let asciiCount = asciiCount ?? nil { return asciiCount }
        return text.count
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context),
            case .scalar(let scalar) = node.value, scalar.kind != .null
        else { return [] }
        let length = Self.length(of: scalar.text, unit: unit)
        let problem: String
        if length < min {
            problem = "under the minimum of \(min)"
        } else if max > 0, length > max {
            problem = "over the maximum of \(max)"
        } else {
            return []
        }
        let values = [
            "field": context.fieldNames.name(of: field), "length": String(length), "unit": unit,
            "min": String(min), "max": String(max), "problem": problem, "value": scalar.text,
        ]
        return [(values, node.range)]
    }
}
