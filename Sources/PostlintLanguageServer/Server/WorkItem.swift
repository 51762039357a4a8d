import PostlintJSON

/// Work the session hands to the `WorkRunner`, done one item at a time in the order queued.
enum WorkItem: Sendable {
    /// `initialize`: the workspace's linter is built (configuration and rule packs read).
    case openWorkspace(WorkspaceSettings)
    /// Lint an open document's newest text and publish its diagnostics.
    case lint(uri: String)
    /// Posts changed on disk: read them again (or, when a configuration changed, build the
    /// linter again), then lint every open document.
    case refreshAndRelint(paths: [String], reloadConfiguration: Bool)
    /// A code action request (or why its params could not be read), unless cancelled meanwhile.
    case codeAction(RequestID, Result<CodeActionParams, ResponseError>)
    /// An answer sent once the work queued before it is done (`shutdown`).
    case reply(RequestID, JSONValue)
}

/// Where the workspace is and how it is scanned, as `initialize` settled it.
struct WorkspaceSettings: Sendable {
    /// The workspace folder (absolute), or nil when the client opened loose files.
    var root: String?
    /// The configuration file named for every document, if any.
    var configPath: String?
    /// Whether the posts below `root` are scanned for site facts.
    var scansSite: Bool
    /// The tool version that keys the cross-run facts cache, or nil when the client turned it off.
    var factsCacheVersion: String?
}
