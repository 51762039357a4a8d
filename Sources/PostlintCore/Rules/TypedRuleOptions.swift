/// A rule's options as a typed value: each stored property holds one option, its initial value is
/// the option's default, and `fields` names it and says what it does. Everything else (the
/// option list in the rule's metadata, `postlint explain`, `docs/rules.md`, the configuration's
/// checks and its JSON Schema) is derived from this one declaration.
///
/// ```swift
/// public struct Options: TypedRuleOptions {
///     public var minWords = 300
///     public init() {}
///     public static let fields: [OptionField<Self>] = [
///         .integer("min-words", \.minWords, "the fewest words the body should have", minimum: 0),
///     ]
/// }
/// ```
public protocol TypedRuleOptions: Sendable, Equatable {
    /// Every option at its default.
    init()
    /// The options in the order the documentation lists them.
    static var fields: [OptionField<Self>] { get }
}

extension TypedRuleOptions {
    /// The declared options with their defaults, for the rule's metadata.
    public static var declared: [RuleOption] {
        let defaults = Self()
        return fields.map { $0.declaration(defaults: defaults) }
    }

    /// The defaults overlaid with configured `values` (checked against `declared` when the
    /// configuration loaded). A value of another type is ignored and one outside its declared
    /// bounds is brought within them, so no value that reaches a rule is out of its range.
    public init(_ values: RuleOptions) {
        self.init()
        guard !values.values.isEmpty else { return }
        for field in Self.fields {
            if let value = values[field.name] { field.assign(value, to: &self) }
        }
    }

    /// The options as configuration values, by name.
    public var values: [String: OptionValue] {
        var values: [String: OptionValue] = [:]
        for field in Self.fields { values[field.name] = field.value(in: self) }
        return values
    }
}

/// The options of a rule that has none.
public struct NoOptions: TypedRuleOptions {
    public init() {}
    public static let fields: [OptionField<NoOptions>] = []
}
