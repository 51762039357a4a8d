/// Everything known about a rule besides its code: read by the engine, the tests, the docs and
/// `postlint explain`.
public struct RuleMetadata: Sendable {
    /// Stable kebab-case identifier; tools outside the project depend on it.
    public var id: String
    public var category: RuleCategory
    /// One line: what the rule checks.
    public var summary: String
    /// Why it matters.
    public var rationale: String
    public var defaultSeverity: Severity
    public var isEnabledByDefault: Bool
    public var options: [RuleOption]
    public var isFixable: Bool
    /// The document parts the rule reads.
    public var reads: DocumentParts
    /// What the engine does with the rule beyond running it.
    public var capabilities: RuleCapabilities
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]
    /// A site rule's examples: small sites of several posts.
    public var triggeringSiteExamples: [SiteRuleExample]
    public var nonTriggeringSiteExamples: [SiteRuleExample]
    public var corrections: [RuleCorrection]
    /// Where the rule comes from: `built-in`, or the rule file's path for a declarative rule.
    public var origin: String

    public init(
        id: String, category: RuleCategory, summary: String, rationale: String,
        defaultSeverity: Severity, isEnabledByDefault: Bool = true, options: [RuleOption] = [],
        isFixable: Bool = false, reads: DocumentParts, capabilities: RuleCapabilities = [],
        triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample],
        triggeringSiteExamples: [SiteRuleExample] = [], nonTriggeringSiteExamples: [SiteRuleExample] = [],
        corrections: [RuleCorrection] = [], origin: String = "built-in"
    ) {
        self.id = id
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.isEnabledByDefault = isEnabledByDefault
        self.options = options
        self.isFixable = isFixable
        self.reads = reads
        self.capabilities = capabilities
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.triggeringSiteExamples = triggeringSiteExamples
        self.nonTriggeringSiteExamples = nonTriggeringSiteExamples
        self.corrections = corrections
        self.origin = origin
    }

    /// The declared option named `name`.
    public func option(named name: String) -> RuleOption? {
        options.first { $0.name == name }
    }

    /// Whether `id` is kebab-case: lower-case ASCII words joined by single hyphens (packs may
    /// namespace theirs with dots: `house.no-tbd`).
    public static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { part in
            let words = part.split(separator: "-", omittingEmptySubsequences: false)
            return !words.isEmpty
                && words.allSatisfy { word in
                    !word.isEmpty && word.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
                }
        }
    }
}
