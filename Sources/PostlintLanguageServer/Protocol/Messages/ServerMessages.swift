/// `window/logMessage`.
struct LogMessageParams: Encodable, Sendable {
    /// 1 error, 2 warning, 3 information.
    var type: Int
    var message: String
}

/// `client/registerCapability`: the server asks for file-change events.
struct RegistrationParams: Encodable, Sendable {
    var registrations: [Registration]

    struct Registration: Encodable, Sendable {
        var id: String
        var method: String
        var registerOptions: WatchedFilesOptions
    }

    struct WatchedFilesOptions: Encodable, Sendable {
        var watchers: [Watcher]
    }

    struct Watcher: Encodable, Sendable {
        var globPattern: String
    }
}
