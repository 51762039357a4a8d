import PostlintCore

/// `kind: required`: each listed field is present and not empty.
struct RequiredFieldsCheck: DeclarativeCheck {
    let fields: [String]
    /// The values of each field's finding when it is missing under its own name, made once: a
    /// site whose posts lack a field has this finding in every post.
    private let missingValues: [[String: String]]
    var defaultMessage: String { "{problem}" }

    struct Options: TypedRuleOptions {
        var fields: [String] = []
        init() {}
        static let fields: [OptionField<Self>] = [
            .strings("fields", \.fields, "front matter fields that must be present and non-empty")
        ]
    }
    static let requiredKeys = ["fields"]

    init(_ options: Options) throws(KindError) {
        fields = options.fields
        guard !fields.isEmpty else { throw KindError(key: "fields", message: "lists no field") }
        missingValues = fields.map { Self.missingValues(name: $0) }
    }

    private static func missingValues(name: String) -> [String: String] {
        ["field": name, "problem": "missing required field \"\(name)\""]
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let root = document.frontMatter?.root, case .mapping = root.value else { return [] }
        var results: [(values: [String: String], range: ByteRange)] = []
        for (index, field) in fields.enumerated() {
            let name = context.fieldNames.name(of: field)
            guard let entry = root.entry(named: name) else {
                let values = ByteScanning.equal(name, field) ? missingValues[index] : Self.missingValues(name: name)
                results.append((values, missingFieldRange(in: document)))
                continue
            }
            if FieldValues.isEmpty(entry.value) {
                results.append(
                    (
                        ["field": name, "problem": "required field \"\(name)\" is empty"],
                        entry.value.range.isEmpty ? entry.keyRange : entry.value.range
                    ))
            }
        }
        return results
    }
}
