import PostlintCore

/// `kind: values`: a field's value (or each item of a list) is one of the allowed values.
struct AllowedValuesCheck: DeclarativeCheck {
    let field: String
    let allowed: Set<String>
    let display: String
    let ignoreCase: Bool
    var defaultMessage: String { "\"{field}\" is \"{value}\", which is not one of: {values}" }

    struct Options: TypedRuleOptions {
        var field = ""
        var values: [String] = []
        var ignoreCase = false
        init() {}
        static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field"),
            .strings("values", \.values, "the allowed values"),
            .boolean("ignore-case", \.ignoreCase, "compare without regard to letter case"),
        ]
    }
    static let requiredKeys = ["field", "values"]

    init(_ options: Options) throws(KindError) {
        field = options.field
        ignoreCase = options.ignoreCase
        let values = options.values
        guard !values.isEmpty else { throw KindError(key: "values", message: "lists no value") }
        allowed = Set(ignoreCase ? values.map { $0.lowercased() } : values)
        display = values.joined(separator: ", ")
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context) else { return [] }
        let name = context.fieldNames.name(of: field)
        return FieldValues.strings(node).filter { item in
            !allowed.contains(ignoreCase ? item.text.lowercased() : item.text)
        }.map { item in
            (["field": name, "value": item.text, "values": display], item.range)
        }
    }
}
