import PostlintCore

/// The diagnostics of one revision of a buffer, with what is needed to answer code actions on it.
struct LintResult: Sendable {
    var revision: Int
    var version: Int
    var bytes: [UInt8]
    var lineIndex: LineIndex
    /// Where the Markdown body starts (after the front matter): suppression comments go below it.
    var bodyStart: Int
    var diagnostics: [ServerDiagnostic]
}
