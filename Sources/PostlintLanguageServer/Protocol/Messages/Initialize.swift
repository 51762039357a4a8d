/// `initialize`'s params: the members the server reads.
struct InitializeParams: Decodable, Sendable {
    var processId: Int?
    var rootUri: String?
    var rootPath: String?
    var workspaceFolders: [WorkspaceFolder]?
    var capabilities: ClientCapabilities?
    var initializationOptions: InitializationOptions?

    struct WorkspaceFolder: Decodable, Sendable {
        var uri: String?
    }

    /// What postlint's own editor settings may say.
    struct InitializationOptions: Decodable, Sendable {
        /// A configuration file for every document (the command line's `--config` wins).
        var config: String?
        /// Scan a workspace folder for site facts even when it is the home folder or `/`.
        var lintWorkspace: Bool?
        /// Use the cross-run facts cache for the workspace scan (default true; `false` turns it off).
        var cache: Bool?
    }
}

/// The client capabilities the server looks at.
struct ClientCapabilities: Decodable, Sendable {
    var general: General?
    var workspace: Workspace?

    struct General: Decodable, Sendable {
        var positionEncodings: [String]?
    }

    struct Workspace: Decodable, Sendable {
        var workspaceEdit: WorkspaceEditCapabilities?
        var didChangeWatchedFiles: DidChangeWatchedFilesCapabilities?
    }

    struct WorkspaceEditCapabilities: Decodable, Sendable {
        var documentChanges: Bool?
    }

    struct DidChangeWatchedFilesCapabilities: Decodable, Sendable {
        var dynamicRegistration: Bool?
    }
}

/// `initialize`'s result.
struct InitializeResult: Encodable, Sendable {
    var capabilities: ServerCapabilities
    var serverInfo: ServerInfo

    struct ServerInfo: Encodable, Sendable {
        var name: String
        var version: String
    }
}

struct ServerCapabilities: Encodable, Sendable {
    var positionEncoding: String
    var textDocumentSync: TextDocumentSyncOptions
    var codeActionProvider: CodeActionOptions

    struct TextDocumentSyncOptions: Encodable, Sendable {
        var openClose: Bool
        /// 1: the whole text on every change.
        var change: Int
        var save: SaveOptions
    }

    struct SaveOptions: Encodable, Sendable {
        var includeText: Bool
    }

    struct CodeActionOptions: Encodable, Sendable {
        var codeActionKinds: [String]
    }
}
