import PostlintCore

/// The result of a run: findings in report order, and the problems that kept files from being
/// checked (each one makes the run end with exit code 2).
public struct LintOutcome: Sendable {
    /// A whole site's findings are kept compactly and made one at a time as they are read.
    public var findings: FindingList
    public var fileCount: Int
    public var files: [String]
    public var problems: [PostlintError]
    /// The metadata of every rule known to the run (for reports that describe rules).
    public var rules: [RuleMetadata]
}
