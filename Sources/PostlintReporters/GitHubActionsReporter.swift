import PostlintCore

/// GitHub Actions workflow commands (`--format github`): one line per finding, which the runner
/// turns into an annotation on the file and lines,
///
///     ::error file=posts/tea.md,line=3,col=7,endLine=3,endColumn=18,title=slug-format::slug "…" is …
///
/// `error`, `warning`, and `notice` for info. The message is escaped as GitHub's toolkit does
/// (`%` → `%25`, CR → `%0D`, LF → `%0A`); property values also escape `:` (`%3A`) and `,` (`%2C`).
/// Every other control character (C0, tab included, DEL and C1) and each bidirectional control,
/// which a hostile file name or value could carry into the log, is written as a visible escape
/// (`\u{1B}`, `\u{0}`), so no raw ESC or NUL byte reaches the runner's log.
/// Nothing is printed when there are no findings.
public struct GitHubActionsReporter: Reporter {
    public init() {}

    public func write(_ report: LintReport, to output: ReportOutput) {
        var line = ""
        for finding in report.findings {
            line.removeAll(keepingCapacity: true)
            line += "::" + Self.command(for: finding.severity)
            line += " file=" + Self.escapedProperty(finding.path)
            line += ",line=\(finding.start.line),col=\(finding.start.column)"
            line += ",endLine=\(finding.end.line),endColumn=\(finding.end.column)"
            line += ",title=" + Self.escapedProperty(finding.ruleID)
            line += "::" + Self.escapedData(finding.message) + "\n"
            output.write(line)
        }
    }

    /// The workflow command for a severity.
    public static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// A command's message: `%`, CR and LF percent-encoded.
    public static func escapedData(_ text: String) -> String {
        escaped(text, alsoDelimiters: false)
    }

    /// A property value: as a message, and also `:` and `,`.
    public static func escapedProperty(_ text: String) -> String {
        escaped(text, alsoDelimiters: true)
    }

    private static func escaped(_ text: String, alsoDelimiters: Bool) -> String {
        let special: (Unicode.Scalar) -> Bool = { scalar in
            scalar == "%" || scalar == "\r" || scalar == "\n" || (alsoDelimiters && (scalar == ":" || scalar == ","))
                || scalar == "\t" || TerminalText.needsEscape(scalar)
        }
        guard text.unicodeScalars.contains(where: special) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":" where alsoDelimiters: output += "%3A"
            case "," where alsoDelimiters: output += "%2C"
            case _ where scalar == "\t" || TerminalText.needsEscape(scalar):
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
