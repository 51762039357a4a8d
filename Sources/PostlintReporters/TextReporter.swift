import PostlintCore

/// The text report (`--format text`), for people and for editors' problem matchers: one line per
/// finding in the form compilers use,
///
///     posts/tea.md:3:7: error: slug "Tea Notes" is not lower-case … [slug-format]
///
/// then one summary line (`3 errors, 1 warning, 0 infos in 5 files`, or `No problems in 5 files`).
/// Control and bidirectional-override characters in paths and messages are printed as visible
/// escapes so that a hostile file cannot break the line format or drive the terminal.
public struct TextReporter: Reporter {
    /// ANSI colour: only when the caller says so (a terminal, `NO_COLOR` unset).
    public var colored: Bool
    /// Errors only, as eslint's and markdownlint's `--quiet`; the summary then counts errors only.
    public var quiet: Bool

    public init(colored: Bool, quiet: Bool = false) {
        self.colored = colored
        self.quiet = quiet
    }

    public func write(_ report: LintReport, to output: ReportOutput) {
        var fixable = 0
        var line = ""
        for finding in report.findings where !quiet || finding.severity == .error {
            if finding.isFixable { fixable += 1 }
            line.removeAll(keepingCapacity: true)
            line += paint(.bold, TerminalText.sanitized(finding.path) + ":\(finding.start.line):\(finding.start.column):")
            line += " " + paint(Self.style(for: finding.severity), finding.severity.rawValue + ":")
            line += " " + TerminalText.sanitized(finding.message)
            line += " " + paint(.dim, "[" + TerminalText.sanitized(finding.ruleID) + "]") + "\n"
            output.write(line)
        }
        output.write(summary(report, fixable: fixable) + "\n")
    }

    private func summary(_ report: LintReport, fixable: Int) -> String {
        let files = Self.counted(report.fileCount, "file", "files")
        if let recorded = report.recordedInBaseline {
            return paint(.green, "\(Self.counted(recorded, "finding", "findings")) in \(files) written to the baseline")
        }
        let errors = report.errorCount
        if quiet {
            if errors == 0 { return paint(.green, "No errors in \(files)") }
            return paint(.red, "\(Self.counted(errors, "error", "errors")) in \(files)") + fixHint(fixable)
        }
        let warnings = report.warningCount
        // Findings of rules that report what they could not judge (links no route covers): counted apart.
        let uncheckedIDs = Set(report.rules.lazy.filter { $0.capabilities.contains(.reportsUnchecked) }.map(\.id))
        let unchecked = uncheckedIDs.isEmpty ? 0 : report.findings.reduce(0) { $0 + (uncheckedIDs.contains($1.ruleID) ? 1 : 0) }
        let infos = report.infoCount - unchecked
        let notChecked = unchecked == 0 ? "" : " (\(unchecked) \(unchecked == 1 ? "link" : "links") not checked)"
        if errors + warnings + infos == 0 { return paint(.green, "No problems in \(files)" + notChecked) }
        let text =
            "\(Self.counted(errors, "error", "errors")), \(Self.counted(warnings, "warning", "warnings")), "
            + "\(Self.counted(infos, "info", "infos")) in \(files)" + notChecked
        let style: Style = errors > 0 ? .red : (warnings > 0 ? .yellow : .cyan)
        return paint(style, text) + fixHint(fixable)
    }

    private func fixHint(_ fixable: Int) -> String {
        fixable == 0 ? "" : " (\(fixable) fixable with `postlint fix`)"
    }

    private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "1;36"
        case green = "1;32"
    }

    private static func style(for severity: Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .cyan
        }
    }

    private func paint(_ style: Style, _ text: String) -> String {
        colored ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
