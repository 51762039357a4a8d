/// A check of one document. A rule instance is an immutable value built once with its options
/// (all expensive preparation happens at construction) and shared across tasks.
public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    /// Findings in `document`. Pure: never prints, reads configuration or touches the file system
    /// except through `context`.
    func check(_ document: Document, context: RuleContext) -> [Diagnostic]
}

extension Rule {
    public var id: String { metadata.id }

    /// A diagnostic of this rule at its default severity.
    public func diagnostic(_ message: String, at range: ByteRange, fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: metadata.id, severity: metadata.defaultSeverity, message: message, range: range, fix: fix)
    }
}

/// A check across every post of a site. It sees small facts gathered from each document, never
/// whole documents, so memory stays bounded by the facts.
public protocol SiteRule: Sendable {
    var metadata: RuleMetadata { get }
    /// The facts this rule needs from one document.
    func facts(of document: Document, context: RuleContext) -> [SiteFact]
    /// Findings over the facts of every post. The facts come as a view of the run's compact store
    /// (`SiteFacts`), decoded as they are read, rather than as an array of values: for a large
    /// site the array would be the largest thing the run ever holds.
    func check(_ facts: SiteFacts) -> [Finding]
}

/// A small, positioned fact about one post (its slug, its title). A rule returns these per
/// document; the run keeps them compactly (`SiteFactStore`) and hands them back as `SiteFacts`.
public struct SiteFact: Sendable, Hashable {
    public var path: String
    public var key: String
    public var value: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(path: String, key: String, value: String, start: SourceLocation, end: SourceLocation) {
        self.path = path
        self.key = key
        self.value = value
        self.start = start
        self.end = end
    }
}
