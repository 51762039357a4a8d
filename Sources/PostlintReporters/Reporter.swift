import PostlintCore

/// Turns a run's findings into one output format. One type per format.
public protocol Reporter: Sendable {
    /// Writes the report to `output` as it goes, one finding at a time (UTF-8); the caller calls
    /// `output.finish()` after.
    func write(_ report: LintReport, to output: ReportOutput)
}

extension Reporter {
    /// The whole report as text (UTF-8 when written): what `write(_:to:)` writes.
    public func render(_ report: LintReport) -> String {
        var bytes: [UInt8] = []
        let output = ReportOutput { bytes.append(contentsOf: $0) }
        write(report, to: output)
        output.finish()
        return String(decoding: bytes, as: UTF8.self)
    }
}
