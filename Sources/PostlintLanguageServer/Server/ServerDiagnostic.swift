import PostlintCore

/// A diagnostic of one buffer, positioned by bytes, ready to be shown in any position encoding.
struct ServerDiagnostic: Sendable, Equatable {
    /// nil for a problem with the configuration rather than a rule's finding.
    var ruleID: String?
    var severity: Severity
    var message: String
    var range: ByteRange
    var fix: Fix?

    /// The LSP `Diagnostic`.
    func lspDiagnostic(converter: PositionConverter) -> LSPDiagnostic {
        LSPDiagnostic(
            range: converter.range(of: range), severity: Self.lspSeverity(severity), code: ruleID,
            source: "postlint", message: message)
    }

    /// LSP's `DiagnosticSeverity`: 1 error, 2 warning, 3 information.
    static func lspSeverity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }
}
