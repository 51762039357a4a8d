import PostlintCore

/// The JSON report, version 1. External tools parse it: fields are only ever added (with a new
/// `version` when an existing field changes meaning), and keys are written in declaration order.
///
/// ```
/// {"version": 1, "tool": {"name": "postlint", "version": "X.Y.Z"},
///  "summary": {"files": N, "errors": N, "warnings": N, "infos": N},
///  "diagnostics": [{"path": "...", "line": 1, "column": 1, "endLine": 1, "endColumn": 9,
///                   "rule": "slug-format", "severity": "error", "message": "...", "fixable": false}]}
/// ```
///
/// Lines and columns are 1-based; columns count Unicode scalars; `endLine`/`endColumn` is the
/// position just past the reported range (equal to the start for an empty range).
public struct JSONReportDocument: Codable, Sendable, Equatable {
    /// The format's version: 1.
    public var version: Int
    public var tool: Tool
    public var summary: Summary
    public var diagnostics: [Entry]

    public static let formatVersion = 1

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var files: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
    }

    /// One finding.
    public struct Entry: Codable, Sendable, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var rule: String
        public var severity: Severity
        public var message: String
        public var fixable: Bool
    }

    /// The document for a report; with `includingDiagnostics` false, its `diagnostics` are left
    /// empty (for a reporter that writes them one at a time).
    public init(_ report: LintReport, includingDiagnostics: Bool = true) {
        version = Self.formatVersion
        tool = Tool(name: ToolIdentity.name, version: report.toolVersion)
        summary = Summary(
            files: report.fileCount, errors: report.errorCount, warnings: report.warningCount,
            infos: report.infoCount)
        diagnostics = includingDiagnostics ? report.findings.map(Self.entry(for:)) : []
    }

    /// The entry for one finding.
    public static func entry(for finding: Finding) -> Entry {
        Entry(
            path: finding.path, line: finding.start.line, column: finding.start.column,
            endLine: finding.end.line, endColumn: finding.end.column, rule: finding.ruleID,
            severity: finding.severity, message: finding.message, fixable: finding.isFixable)
    }
}
