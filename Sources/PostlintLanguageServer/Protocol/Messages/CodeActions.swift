/// `textDocument/codeAction`'s params.
struct CodeActionParams: Decodable, Sendable {
    var textDocument: TextDocumentIdentifier
    var range: LSPRange
    var context: Context?

    struct Context: Decodable, Sendable {
        /// The kinds the client wants (a kind also matches its sub-kinds); nil or empty: all.
        var only: [String]?
    }
}

/// LSP's `Diagnostic`.
struct LSPDiagnostic: Encodable, Sendable {
    var range: LSPRange
    /// 1 error, 2 warning, 3 information.
    var severity: Int
    /// The rule id; nil for a problem with the configuration.
    var code: String?
    var source: String
    var message: String
}

/// `textDocument/publishDiagnostics`.
struct PublishDiagnosticsParams: Encodable, Sendable {
    var uri: String
    /// The version linted; nil when the diagnostics are cleared on close.
    var version: Int?
    var diagnostics: [LSPDiagnostic]
}

/// A code action: a rule's fix, a suppression comment, or every fix at once.
struct CodeAction: Encodable, Sendable {
    var title: String
    var kind: String
    var diagnostics: [LSPDiagnostic]?
    var isPreferred: Bool?
    var edit: WorkspaceEdit
}

struct LSPTextEdit: Encodable, Sendable {
    var range: LSPRange
    var newText: String
}

/// Edits to one document: versioned `documentChanges` when the client takes them (it then
/// refuses an edit of a stale version), else `changes` keyed by the document's uri.
struct WorkspaceEdit: Encodable, Sendable {
    var uri: String
    var version: Int
    var edits: [LSPTextEdit]
    var versioned: Bool

    private struct DocumentEdit: Encodable {
        var textDocument: VersionedDocument
        var edits: [LSPTextEdit]
    }

    private struct VersionedDocument: Encodable {
        var uri: String
        var version: Int
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        if versioned {
            try container.encode(
                [DocumentEdit(textDocument: VersionedDocument(uri: uri, version: version), edits: edits)],
                forKey: Key("documentChanges"))
        } else {
            var changes = container.nestedContainer(keyedBy: Key.self, forKey: Key("changes"))
            try changes.encode(edits, forKey: Key(uri))
        }
    }
}
