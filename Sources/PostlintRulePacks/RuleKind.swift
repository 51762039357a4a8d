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

    /// The kind's keys with their defaults (`nil` default: required in the rule file).
    var keys: [(name: String, defaultValue: OptionValue?, summary: String)] {
        switch self {
        case .required:
            return [("fields", nil, "front matter fields that must be present and non-empty")]
        case .type:
            return [("field", nil, "the front matter field"),
                    ("type", nil, "string, list, number, integer, boolean, date or map"),
                    ("items", .string(""), "for a list: the type of each item (empty: any)")]
        case .length:
            return [("field", nil, "the front matter field"),
                    ("unit", .string("characters"), "characters (user-perceived), words or bytes"),
                    ("min", .int(0), "the least length (0: no minimum)"),
                    ("max", .int(0), "the greatest length (0: no maximum)")]
        case .pattern:
            return [("field", nil, "the front matter field"),
                    ("pattern", nil, "a regular expression"),
                    ("must", .string("match"), "match or not-match"),
                    ("ignore-case", .bool(false), "match without regard to letter case")]
        case .values:
            return [("field", nil, "the front matter field"),
                    ("values", nil, "the allowed values"),
                    ("ignore-case", .bool(false), "compare without regard to letter case")]
        case .list:
            return [("field", nil, "the front matter field"),
                    ("min-items", .int(0), "the fewest items (0: no minimum)"),
                    ("max-items", .int(0), "the most items (0: no maximum)"),
                    ("unique", .bool(true), "items must differ, ignoring letter case"),
                    ("non-empty-items", .bool(true), "each item must be a non-empty string")]
        case .appearsIn:
            return [("field", nil, "the front matter field (a string or a list of strings)"),
                    ("in", nil, "where it must occur: front matter field names, body, first-paragraph, headings")]
        }
    }

    /// The document parts a check of this kind reads, given its options.
    func reads(_ options: RuleOptions) -> DocumentParts {
        switch self {
        case .appearsIn:
            let scopes = options.strings("in")
            return scopes.contains(where: { TextScope.bodyScopes.contains($0) }) ? [.frontMatter, .markdown] : [.frontMatter]
        default:
            return [.frontMatter]
        }
    }

    /// Builds the check; invalid option values (a bad pattern, an unknown unit) throw.
    func makeCheck(_ options: RuleOptions) throws(KindError) -> any DeclarativeCheck {
        switch self {
        case .required: return try RequiredFieldsCheck(options)
        case .type: return try FieldTypeCheck(options)
        case .length: return try FieldLengthCheck(options)
        case .pattern: return try FieldPatternCheck(options)
        case .values: return try AllowedValuesCheck(options)
        case .list: return try ListItemsCheck(options)
        case .appearsIn: return try AppearsInCheck(options)
        }
    }
}

/// An invalid option value for a kind: the key and why.
struct KindError: Error {
    var key: String
    var message: String
}
