import PostlintJSON

/// `textDocument/didOpen`.
struct DidOpenTextDocumentParams: Decodable, Sendable {
    var textDocument: TextDocumentItem

    struct TextDocumentItem: Decodable, Sendable {
        var uri: String
        var version: Int?
        var text: String
    }
}

/// `textDocument/didChange`.
struct DidChangeTextDocumentParams: Decodable, Sendable {
    var textDocument: VersionedTextDocumentIdentifier
    var contentChanges: [TextDocumentContentChangeEvent]

    struct VersionedTextDocumentIdentifier: Decodable, Sendable {
        var uri: String
        var version: Int?
    }
}

/// One change of a `didChange`. Read leniently, change by change: a change without text or with a
/// malformed range is skipped with a warning, and the others still apply.
struct TextDocumentContentChangeEvent: Decodable, Sendable {
    /// The new text of the range (or of the whole document); nil when missing.
    var text: String?
    var range: ChangedRange

    enum ChangedRange: Sendable, Equatable {
        /// No range (or null): the text replaces the whole document.
        case wholeDocument
        case range(LSPRange)
        case malformed
    }

    private enum CodingKeys: String, CodingKey { case text, range }

    init(text: String?, range: ChangedRange) {
        self.text = text
        self.range = range
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            self.init(text: nil, range: .wholeDocument)
            return
        }
        let text = try container.decodeIfPresent(String.self, forKey: .text)
        guard container.contains(.range), !(try container.decodeNil(forKey: .range)) else {
            self.init(text: text, range: .wholeDocument)
            return
        }
        let range = try? container.decode(LSPRange.self, forKey: .range)
        self.init(text: text, range: range.map(ChangedRange.range) ?? .malformed)
    }
}

/// `textDocument/didSave` and `textDocument/didClose`: the document named.
struct TextDocumentParams: Decodable, Sendable {
    var textDocument: TextDocumentIdentifier
}

struct TextDocumentIdentifier: Decodable, Sendable {
    var uri: String
}

/// `workspace/didChangeWatchedFiles`.
struct DidChangeWatchedFilesParams: Decodable, Sendable {
    var changes: [FileEvent]?

    /// A file that changed; events without a readable uri are skipped.
    struct FileEvent: Decodable, Sendable {
        var uri: String?

        private enum CodingKeys: String, CodingKey { case uri }

        init(from decoder: any Decoder) throws {
            uri = try? decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .uri)
        }
    }
}

/// `$/cancelRequest`.
struct CancelParams: Decodable, Sendable {
    var id: JSONValue?
}
