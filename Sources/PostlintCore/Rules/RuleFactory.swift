/// Builds a rule from its options: how the engine instantiates built-in and declarative rules alike.
public struct RuleFactory: Sendable {
    public var metadata: RuleMetadata
    public var make: @Sendable (RuleOptions) throws -> any Rule

    public init(metadata: RuleMetadata, make: @escaping @Sendable (RuleOptions) throws -> any Rule) {
        self.metadata = metadata
        self.make = make
    }
}

/// Builds a site-level rule from its options.
public struct SiteRuleFactory: Sendable {
    public var metadata: RuleMetadata
    public var make: @Sendable (RuleOptions) -> any SiteRule

    public init(metadata: RuleMetadata, make: @escaping @Sendable (RuleOptions) -> any SiteRule) {
        self.metadata = metadata
        self.make = make
    }
}

/// A built-in rule: static metadata and construction from options.
public protocol BuiltInRule: Rule {
    static var metadata: RuleMetadata { get }
    init(options: RuleOptions)
}

extension BuiltInRule {
    public var metadata: RuleMetadata { Self.metadata }

    /// The factory that registers this rule.
    public static var factory: RuleFactory {
        RuleFactory(metadata: metadata) { Self(options: $0) }
    }
}
