import PostlintCore

/// Turns a run's findings into one output format. One type per format.
public protocol Reporter: Sendable {
    /// The whole report as text (UTF-8 when written).
    func render(_ report: LintReport) -> String
}
