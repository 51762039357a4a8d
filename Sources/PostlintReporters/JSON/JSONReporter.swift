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
        let document = skeleton.replacing("diagnostics", with: .string(Self.diagnosticsMarker))
        if let (compact, order) = report.findings.compactStorage {
            CompactEntryWriter(compact: compact).withStreamedArray(
                marker: Self.diagnosticsMarker, order: order, layout: layout
            ) { diagnostics in
                document.write(layout, streaming: diagnostics, to: output)
            }
        } else {
            let diagnostics = JSONValue.StreamedArray(marker: Self.diagnosticsMarker, count: report.findings.count) {
                index, object in
                Self.write(report.findings[index], to: &object)
            }
            document.write(layout, streaming: diagnostics, to: output)
        }
        output.write("\n")
    }

    /// The members of an entry, in the order `write(_:to:)` writes them.
    static let entryKeys = ["path", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "fixable"]

    /// A finding's entry as `JSONReportDocument.Entry` encodes it (its keys in declaration order),
    /// written directly: through the encoder, or as a value, each entry's containers cost more
    /// than writing it.
    static func write(_ finding: Finding, to object: inout JSONValue.ObjectWriter) {
        object.string("path", finding.path)
        object.integer("line", finding.start.line)
        object.integer("column", finding.start.column)
        object.integer("endLine", finding.end.line)
        object.integer("endColumn", finding.end.column)
        object.string("rule", finding.ruleID)
        object.string("severity", finding.severity.rawValue)
        object.string("message", finding.message)
        object.bool("fixable", finding.isFixable)
    }

    /// Stands for the diagnostics in the document's skeleton (no report text holds a NUL).
    static let diagnosticsMarker = "\u{0}postlint-diagnostics\u{0}"
}
