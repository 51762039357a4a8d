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

/// A built-in rule: static metadata and construction from its typed options.
public protocol BuiltInRule: Rule {
    /// The rule's options; `NoOptions` for a rule without any.
    associatedtype Options: TypedRuleOptions = NoOptions
    /// The rule's metadata; its `options` are `Options.declared`.
    static var metadata: RuleMetadata { get }
    init(options: Options)
}

extension BuiltInRule {
    public var metadata: RuleMetadata { Self.metadata }

    /// The rule with every option at its default.
    public init() { self.init(options: Options()) }

    /// The rule with configured option values (checked when the configuration loaded).
    public init(options values: RuleOptions) { self.init(options: Options(values)) }

    /// The factory that registers this rule.
    public static var factory: RuleFactory {
        RuleFactory(metadata: metadata) { Self(options: Options($0)) }
    }
}

/// A built-in site-level rule: static metadata and construction from its typed options.
public protocol BuiltInSiteRule: SiteRule {
    /// The rule's options; `NoOptions` for a rule without any.
    associatedtype Options: TypedRuleOptions = NoOptions
    /// The rule's metadata; its `options` are `Options.declared`.
    static var metadata: RuleMetadata { get }
    init(options: Options)
}

extension BuiltInSiteRule {
    public var metadata: RuleMetadata { Self.metadata }

    /// The rule with every option at its default.
    public init() { self.init(options: Options()) }

    /// The rule with configured option values (checked when the configuration loaded).
    public init(options values: RuleOptions) { self.init(options: Options(values)) }

    /// The factory that registers this rule.
    public static var factory: SiteRuleFactory {
        SiteRuleFactory(metadata: metadata) { Self(options: Options($0)) }
    }
}
