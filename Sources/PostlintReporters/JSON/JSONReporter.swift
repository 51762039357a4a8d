import PostlintCore

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

    public func render(_ report: LintReport) -> String {
        let document = JSONReportDocument(report)
        // The report's types encode only strings, integers and booleans: encoding cannot fail.
        guard let value = try? OrderedJSONEncoder().encode(document) else { return "{}\n" }
        return value.serialized(layout) + "\n"
    }
}
