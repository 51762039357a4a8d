/// What `postlint audit` does beyond the configuration. Which rules are its checks, and which of
/// them concern the site rather than a post, the rules declare in their metadata
/// (`RuleCapabilities.isSearchCheck`, `.concernsTheSite`; a pack rule's `audit:` key).
public struct AuditOptions: Sendable {
    /// Skip what the repository's ignore files ignore when walking folders.
    public var honoursIgnoreFiles = true

    public init() {}
}
