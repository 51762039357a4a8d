import PostlintCore
import PostlintJSON

/// The JSON report (`--format json`): one `JSONReportDocument`, pretty-printed with two-space
/// indentation by default (or compact, one line), always followed by a newline.
///
/// Keys come out in the documented order on every run, and any message text is escaped: quotes,
/// backslashes and every control character are written as escapes, the rest as UTF-8.
public struct JSONReporter: Reporter {
    public var layout: JSONValue.Layout

    public init(layout: JSONValue.Layout = .pretty) {
        self.layout = layout
    }

    public func write(_ report: LintReport, to output: ReportOutput) {
        // The report's types encode only strings, integers and booleans: encoding cannot fail.
        let encoder = OrderedJSONEncoder()
        guard let skeleton = try? encoder.encode(JSONReportDocument(report, includingDiagnostics: false)) else {
            output.write("{}\n")
            return
        }
        // The diagnostics are encoded and written one at a time, and handed on as they are: a
        // tree of every finding's entry, or the whole text, took more memory than the run's
        // linting on a large site.
        let diagnostics = JSONValue.StreamedArray(marker: Self.diagnosticsMarker, count: report.findings.count) { index in
            Self.entry(for: report.findings[index])
        }
        skeleton.replacing("diagnostics", with: .string(Self.diagnosticsMarker))
            .write(layout, streaming: diagnostics, to: output)
        output.write("\n")
    }

    /// A finding's entry as `JSONReportDocument.Entry` encodes it (its keys in declaration order),
    /// built directly: through the encoder, each entry's containers cost more than writing it.
    static func entry(for finding: Finding) -> JSONValue {
        .object([
            (key: "path", value: .string(finding.path)),
            (key: "line", value: .number(String(finding.start.line))),
            (key: "column", value: .number(String(finding.start.column))),
            (key: "endLine", value: .number(String(finding.end.line))),
            (key: "endColumn", value: .number(String(finding.end.column))),
            (key: "rule", value: .string(finding.ruleID)),
            (key: "severity", value: .string(finding.severity.rawValue)),
            (key: "message", value: .string(finding.message)),
            (key: "fixable", value: .bool(finding.isFixable)),
        ])
    }

    /// Stands for the diagnostics in the document's skeleton (no report text holds a NUL).
    static let diagnosticsMarker = "\u{0}postlint-diagnostics\u{0}"
}
