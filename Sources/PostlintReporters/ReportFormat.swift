/// The report formats `postlint check --format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [rule-id]` lines and a summary, for people and editors.
    case text
    /// One JSON document (`JSONReportDocument`), for other tools.
    case json
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// GitHub Actions workflow commands, which become annotations on a pull request.
    case github
    /// JUnit XML, for CI servers that show test reports (GitLab, Jenkins).
    case junit

    /// The reporter for this format.
    ///
    /// - Parameters:
    ///   - colored: ANSI colour in the text format (the command line decides: a terminal, and
    ///     `NO_COLOR` unset). Other formats never colour.
    ///   - files: the files checked, for the JUnit format's passing tests; added to
    ///     `LintReport.files`.
    ///   - quiet: the text format shows errors only.
    ///   - compact: JSON and SARIF on one line instead of indented.
    public func makeReporter(
        colored: Bool = false, files: [String] = [], quiet: Bool = false,
        compact: Bool = false
    ) -> any Reporter {
        switch self {
        case .text: return TextReporter(colored: colored, quiet: quiet)
        case .json: return JSONReporter(layout: compact ? .compact : .pretty)
        case .sarif: return SARIFReporter(layout: compact ? .compact : .pretty)
        case .github: return GitHubActionsReporter()
        case .junit: return JUnitReporter(files: files)
        }
    }
}
