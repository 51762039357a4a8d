import PostlintCore

/// The closed set of declarative rule kinds. Each kind declares its keys (with defaults, which
/// become the rule's options) and builds its check from option values.
public enum RuleKind: String, Sendable, CaseIterable {
    /// Fields that must be present and non-empty.
    case required
    /// A field's type (string, list, number, integer, boolean, date, map).
    case type
    /// A string field's length in characters (user-perceived), words or bytes, with min and max.
    case length
    /// A pattern that a field (or each item of a list field) must or must not match.
    case pattern
    /// A field's value is one of a list of allowed values.
    case values
    /// A list field's item count, item emptiness and uniqueness.
    case list
    /// A field's value (or each item of a list) occurs in other parts of the post.
    case appearsIn = "appears-in"

    /// The check type that implements the kind; its `Options` declare the kind's keys.
    var checkType: any DeclarativeCheck.Type {
        switch self {
        case .required: return RequiredFieldsCheck.self
        case .type: return FieldTypeCheck.self
        case .length: return FieldLengthCheck.self
        case .pattern: return FieldPatternCheck.self
        case .values: return AllowedValuesCheck.self
        case .list: return ListItemsCheck.self
        case .appearsIn: return AppearsInCheck.self
        }
    }

    /// The kind's keys: names, types, defaults, bounds, summaries (from the check's `Options`).
    var declaredOptions: [RuleOption] { checkType.declaredOptions }

    /// The keys a rule file of this kind must give.
    var requiredKeys: [String] { checkType.requiredKeys }

    /// The document parts a check of this kind reads, given its options.
    func reads(_ options: RuleOptions) -> DocumentParts {
        switch self {
        case .appearsIn:
            let scopes = AppearsInCheck.Options(options).scopes
            return scopes.contains(where: { TextScope.bodyScopes.contains($0) }) ? [.frontMatter, .markdown] : [.frontMatter]
        default:
            return [.frontMatter]
        }
    }

    /// Builds the check; invalid option values (a bad pattern, min above max) throw.
    func makeCheck(_ options: RuleOptions) throws(KindError) -> any DeclarativeCheck {
        try checkType.make(options)
    }
}

/// An invalid option value for a kind: the key and why.
struct KindError: Error {
    var key: String
    var message: String
}
