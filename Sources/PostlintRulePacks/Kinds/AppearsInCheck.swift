import PostlintCore

/// `kind: appears-in`: a field's value, or each item of a list field, occurs (case-insensitively,
/// on word boundaries) in at least one of the named scopes.
struct AppearsInCheck: DeclarativeCheck {
    let field: String
    let scopes: [String]
    var defaultMessage: String { "\"{value}\" from \"{field}\" appears in none of: {scopes}" }

    init(_ options: RuleOptions) throws(KindError) {
        field = options.string("field")
        scopes = options.strings("in")
        guard !scopes.isEmpty else { throw KindError(key: "in", message: "names no scope") }
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context) else { return [] }
        let values = FieldValues.strings(node).filter { !$0.text.trimmingWhitespace().isEmpty }
        guard !values.isEmpty else { return [] }
        let searches = scopes.map { WordSearch(TextScope.text(of: $0, in: document, context: context)) }
        let name = context.fieldNames.name(of: field)
        let scopeList = scopes.map { TextScope.bodyScopes.contains($0) ? $0 : context.fieldNames.name(of: $0) }
            .joined(separator: ", ")
        return values.filter { value in
            let phrase = value.text.trimmingWhitespace()
            return !searches.contains { $0.contains(phrase) }
        }.map { value in
            (["field": name, "value": value.text, "scopes": scopeList], value.range)
        }
    }
}
