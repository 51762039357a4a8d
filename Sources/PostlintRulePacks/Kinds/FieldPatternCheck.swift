import PostlintCore

/// `kind: pattern`: a field (or each item of a list field) must, or must not, match a regular
/// expression. The pattern is compiled once, when the rule is built.
struct FieldPatternCheck: DeclarativeCheck {
    let field: String
    let pattern: String
    let mustMatch: Bool
    let regex: CompiledPattern
    var defaultMessage: String {
        mustMatch
            ? "\"{field}\" value \"{value}\" does not match {pattern}" : "\"{field}\" value \"{value}\" contains \"{match}\""
    }

    struct Options: TypedRuleOptions {
        var field = ""
        var pattern = ""
        var must = "match"
        var ignoreCase = false
        init() {}
        static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field"),
            .string("pattern", \.pattern, "a regular expression"),
            .string("must", \.must, "match or not-match", allowed: ["match", "not-match"]),
            .boolean("ignore-case", \.ignoreCase, "match without regard to letter case"),
        ]
    }
    static let requiredKeys = ["field", "pattern"]

    init(_ options: Options) throws(KindError) {
        field = options.field
        pattern = options.pattern
        let must = options.must
        guard must == "match" || must == "not-match" else {
            throw KindError(key: "must", message: "must be match or not-match")
        }
        mustMatch = must == "match"
        do {
            regex = try CompiledPattern(pattern, ignoreCase: options.ignoreCase)
        } catch {
            throw KindError(key: "pattern", message: "is not a valid regular expression: \(error)")
        }
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context) else { return [] }
        let name = context.fieldNames.name(of: field)
        var results: [(values: [String: String], range: ByteRange)] = []
        // One budget for every value of this post: many long values cost no more than one.
        var budget = regex.makeBudget()
        for (text, range) in FieldValues.strings(node) {
            switch regex.firstMatch(in: text, budget: &budget) {
            case .matched(let match):
                if !mustMatch {
                    results.append((["field": name, "value": text, "pattern": pattern, "match": match], range))
                }
            case .notMatched:
                if mustMatch {
                    results.append((["field": name, "value": text, "pattern": pattern], range))
                }
            case .stopped:
                let message =
                    "pattern \(pattern) gave up on the \"\(name)\" value: matching this post's values took "
                    + "more steps than a pattern may (the rest were not checked); nested quantifiers such as (a+)+ "
                    + "backtrack exponentially"
                results.append(([DeclarativeFindingKey.verbatimMessage: message], range))
            }
            if budget.isExhausted { break }
        }
        return results
    }
}
