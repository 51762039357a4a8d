import PostlintCore

/// The outcome of a run, as every reporter receives it.
public struct LintReport: Sendable {
    /// Findings in report order (path, line, column, rule).
    public var findings: FindingList
    /// How many files were checked.
    public var fileCount: Int
    /// The metadata of every rule that ran (SARIF's rule table, help links).
    public var rules: [RuleMetadata]
    /// The tool's version, as the command line knows it.
    public var toolVersion: String
    /// The paths of the files checked, when the caller has them: the JUnit report lists a file
    /// without findings as a passing test only if it is named here. May be empty.
    public var files: [String]
    /// With `--write-baseline`: how many findings were recorded in the baseline instead of being
    /// reported (the text summary says so rather than "No problems").
    public var recordedInBaseline: Int?

    public init(
        findings: FindingList, fileCount: Int, rules: [RuleMetadata], toolVersion: String,
        files: [String] = []
    ) {
        self.findings = findings
        self.fileCount = fileCount
        self.rules = rules
        self.toolVersion = toolVersion
        self.files = files
    }

    public init(
        findings: [Finding], fileCount: Int, rules: [RuleMetadata], toolVersion: String,
        files: [String] = []
    ) {
        self.init(
            findings: FindingList(findings), fileCount: fileCount, rules: rules, toolVersion: toolVersion,
            files: files)
    }

    public var errorCount: Int { findings.count(of: .error) }
    public var warningCount: Int { findings.count(of: .warning) }
    public var infoCount: Int { findings.count(of: .info) }
}
