import PostlintCore

/// `kind: appears-in`: a field's value, or each item of a list field, occurs (case-insensitively,
/// on word boundaries) in at least one of the named scopes.
struct AppearsInCheck: DeclarativeCheck {
    let field: String
    let scopes: [String]
    var defaultMessage: String { "\"{value}\" from \"{field}\" appears in none of: {scopes}" }

    struct Options: TypedRuleOptions {
        var field = ""
        var scopes: [String] = []
        init() {}
        static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field (a string or a list of strings)"),
            .strings("in", \.scopes, "where it must occur: front matter field names, body, first-paragraph, headings"),
        ]
    }
    static let requiredKeys = ["field", "in"]

    init(_ options: Options) throws(KindError) {
        field = options.field
        scopes = options.scopes
        guard !scopes.isEmpty else { throw KindError(key: "in", message: "names no scope") }
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context) else { return [] }
        var searches = ScopeSearches(scopes: scopes)
        var missing: [(text: String, range: ByteRange)] = []
        for value in FieldValues.strings(node) {
            let phrase = value.text.trimmingWhitespace()
            guard !phrase.isEmpty else { continue }
            if !searches.anyContains(phrase, in: document, context: context) { missing.append(value) }
        }
        guard !missing.isEmpty else { return [] }
        let name = context.fieldNames.name(of: field)
        let scopeList = scopes.map { TextScope.bodyScopes.contains($0) ? $0 : context.fieldNames.name(of: $0) }
            .joined(separator: ", ")
        return missing.map { value in
            (["field": name, "value": value.text, "scopes": scopeList], value.range)
        }
    }
}

/// One search per scope, each built the first time a phrase gets that far: phrases found in the
/// title never cost the body anything, and what one phrase lowered of the body serves the next.
/// Scopes are tried in order, so the searches built are always the first few.
private struct ScopeSearches {
    let scopes: [String]
    private var searches: [WordSearch] = []

    init(scopes: [String]) {
        self.scopes = scopes
        searches.reserveCapacity(scopes.count)
    }

    mutating func anyContains(_ phrase: String, in document: Document, context: RuleContext) -> Bool {
        // A short keyword lower-cased stays a small string: its bytes are read in place.
        var lowered = phrase.lowercased()
        return lowered.withUTF8 { needle in
            for position in scopes.indices {
                if position == searches.count {
                    searches.append(WordSearch(TextScope.text(of: scopes[position], in: document, context: context)))
                }
                if searches[position].contains(lowercasedPhrase: needle) { return true }
            }
            return false
        }
    }
}
