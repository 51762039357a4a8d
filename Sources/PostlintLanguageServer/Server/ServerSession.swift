import Foundation
import PostlintCore
import PostlintEngine
import PostlintJSON

/// The server's state and every change to it, in one actor: the phase, what `initialize`
/// negotiated, the open documents as the editor holds them, their newest lint results, and
/// what is waiting. Messages are handled here in the order they arrive (document changes apply at
/// once, so the store always holds the newest text); slow work goes to the `WorkRunner` in
/// order. Each document has at most one lint waiting; a lint takes the newest text when it
/// starts and is published only if no change arrived meanwhile (a newer change supersedes older
/// work, and diagnostics never describe stale text). Every message is written from here, so
/// writes never interleave.
///
/// The session runs on a serial queue of its own (`QueueExecutor`), never on Swift's cooperative
/// pool: the reading thread hands it each chunk synchronously, and the `WorkRunner` reads and
/// changes it synchronously from the runner's queue (`synchronously`); the compiler checks every
/// access through the actor's isolation.
actor ServerSession {
    enum Phase { case uninitialized, running, shuttingDown }

    /// Whether the message just handled was `exit`.
    enum Disposition { case keepGoing, exit }

    enum LogLevel: Int { case error = 1, warning = 2, info = 3 }

    private let options: LanguageServer.Options
    /// The session's messages are handled on a queue of its own, off the cooperative pool.
    private let executor = QueueExecutor(label: "postlint.lsp.session")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let writer: MessageWriter
    private let runner: WorkRunner
    /// Called once, with the exit code, when reading has stopped and the queued work is done.
    private let finished: @Sendable (Int32) -> Void
    private var framer = MessageFramer()
    private var ended = false
    private var writeFailed = false

    private var phase = Phase.uninitialized
    private(set) var encoding = PositionEncoding.utf16
    private(set) var settings: WorkspaceSettings?
    /// Said in a `window/logMessage` once the client is initialized.
    private var pendingLogMessage: String?
    private var documents: [String: OpenDocument] = [:]
    private var results: [String: LintResult] = [:]
    private var pendingLints: Set<String> = []
    private var cancelledRequests: Set<RequestID> = []
    private(set) var supportsDocumentChanges = false
    private var canRegisterWatchers = false
    private var nextRequestID = 1
    private var parentMonitor: (any DispatchSourceTimer)?

    static let fixAllKind = "source.fixAll.postlint"

    init(
        options: LanguageServer.Options, writer: MessageWriter, runner: WorkRunner,
        finished: @escaping @Sendable (Int32) -> Void
    ) {
        self.options = options
        self.writer = writer
        self.runner = runner
        self.finished = finished
    }

    /// Runs `body` on the session's queue and returns its result; the caller's thread waits, so
    /// it must be neither the session's queue nor a thread of the cooperative pool (the reading
    /// thread and the runner's queue call this).
    nonisolated func synchronously<T: Sendable>(_ body: (isolated ServerSession) -> T) -> T {
        executor.sync { assumeIsolated(body) }
    }

    // MARK: Writing

    /// Writes one message, unless a write has failed before (the client closed its end).
    func send(_ message: JSONValue) {
        guard !writeFailed else { return }
        if !writer.send(message) { writeFailed = true }
    }

    func log(_ level: LogLevel, _ message: String) {
        send(Outgoing.notification("window/logMessage", LogMessageParams(type: level.rawValue, message: message)))
    }

    // MARK: Dispatch

    /// Reads framed messages from `input` on a thread of its own (a read blocks) and hands each
    /// chunk to the session, until `exit`, the end of the input or a failed write; then, once the
    /// work already queued is done, calls `finished` with the exit code.
    nonisolated func serve(_ input: ByteSource) {
        let read = input.read
        Thread.detachNewThread { [self] in
            while let chunk = read() {
                guard synchronously({ $0.receive(chunk: chunk) }) else { return }
            }
            synchronously { $0.end() }
        }
    }

    /// Frames and handles the messages in `chunk`; tells whether to read on.
    private func receive(chunk: [UInt8]) -> Bool {
        guard !ended else { return false }
        framer.append(chunk)
        while let event = framer.next() {
            switch event {
            case .message(let body):
                if receive(body) == .exit {
                    end()
                    return false
                }
            case .error(let reason):
                send(Outgoing.error(id: nil, ResponseError(.parseError, "malformed message: \(reason)")))
            }
        }
        if writeFailed { end() }
        return !ended
    }

    /// No more messages: after the work already queued, `finished` gets the exit code (0 after
    /// `shutdown` then `exit`, 1 otherwise, as the protocol asks).
    private func end() {
        guard !ended else { return }
        ended = true
        parentMonitor?.cancel()
        parentMonitor = nil
        let code: Int32 = phase == .shuttingDown ? 0 : 1
        runner.afterQueuedWork { [finished] in finished(code) }
    }

    /// Handles one message body; tells whether it was `exit`.
    func receive(_ body: [UInt8]) -> Disposition {
        let message: JSONValue
        do throws(JSONParser.Failure) {
            message = try JSONParser.parse(body, maximumDepth: ParserLimits.jsonNesting)
        } catch {
            send(Outgoing.error(id: nil, ResponseError(.parseError, "invalid JSON at byte \(error.offset): \(error.reason)")))
            return .keepGoing
        }
        guard case .object = message else {
            send(Outgoing.error(id: nil, ResponseError(.invalidRequest, "a message must be a JSON object")))
            return .keepGoing
        }
        let id = message["id"]
        guard let method = message["method"]?.stringValue else {
            if id != nil, message["result"] != nil || message["error"] != nil { return .keepGoing }  // a reply to us
            send(Outgoing.error(id: RequestID(id), ResponseError(.invalidRequest, "no method")))
            return .keepGoing
        }
        let params = message["params"] ?? .null
        if let id {
            guard let requestID = RequestID(id) else {
                send(Outgoing.error(id: nil, ResponseError(.invalidRequest, "id must be a number or a string")))
                return .keepGoing
            }
            request(method, id: requestID, params: params)
            return .keepGoing
        }
        if method == "exit" { return .exit }
        guard phase == .running else { return .keepGoing }
        MethodTable.notifications[method]?.handle(self, params)
        return .keepGoing
    }

    private func request(_ method: String, id: RequestID, params: JSONValue) {
        switch phase {
        case .uninitialized where method != "initialize":
            send(Outgoing.error(id: id, ResponseError(.serverNotInitialized, "initialize first")))
            return
        case .running where method == "initialize":
            send(Outgoing.error(id: id, ResponseError(.invalidRequest, "already initialized")))
            return
        case .shuttingDown:
            send(Outgoing.error(id: id, ResponseError(.invalidRequest, "the server is shutting down")))
            return
        case .uninitialized, .running:
            break
        }
        guard let handler = MethodTable.requests[method] else {
            send(Outgoing.error(id: id, ResponseError(.methodNotFound, "unknown method \(method)")))
            return
        }
        handler.handle(self, id, params)
    }

    // MARK: Requests

    func initialize(_ id: RequestID, _ params: InitializeParams) {
        let capabilities = params.capabilities
        let negotiated = PositionEncoding.negotiate(offered: capabilities?.general?.positionEncodings ?? [])
        var root: String?
        if let first = params.workspaceFolders?.first?.uri {
            root = DocumentURI.path(of: first)
        } else if let uri = params.rootUri {
            root = DocumentURI.path(of: uri)
        } else if let path = params.rootPath, path.hasPrefix("/") {
            root = path
        }
        let configPath = options.configPath ?? params.initializationOptions?.config
        root = root.map(PathUtilities.normalize)
        let asked = params.initializationOptions?.lintWorkspace ?? false
        var scansSite = true
        if let root, !asked, let why = LanguageServer.tooBroadARoot(root, home: options.homeFolder) {
            scansSite = false
            pendingLogMessage =
                "postlint: the workspace folder \(root) is \(why); only open documents are linted and "
                + "site-level rules (duplicate-slug, ...) do not see the posts on disk. Open the site's own folder, or set "
                + "initializationOptions {\"lintWorkspace\": true} to scan it anyway."
        }
        let usesFactsCache = params.initializationOptions?.cache ?? true
        let settings = WorkspaceSettings(
            root: root, configPath: configPath, scansSite: scansSite,
            factsCacheVersion: usesFactsCache ? options.toolVersion : nil)
        runner.submit(.openWorkspace(settings), from: self)
        self.phase = .running
        self.encoding = negotiated
        self.settings = settings
        self.supportsDocumentChanges = capabilities?.workspace?.workspaceEdit?.documentChanges ?? false
        self.canRegisterWatchers = capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        if let processID = params.processId, processID > 0, let died = options.parentProcessDied {
            monitorParent(Int32(truncatingIfNeeded: processID), died: died)
        }
        let result = InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: negotiated.rawValue,
                textDocumentSync: .init(openClose: true, change: 1, save: .init(includeText: false)),
                codeActionProvider: .init(codeActionKinds: ["quickfix", Self.fixAllKind])
            ),
            serverInfo: .init(name: "postlint", version: options.toolVersion)
        )
        send(Outgoing.response(id: id, result: Outgoing.encoded(result)))
    }

    /// Ends the server when the client process is gone, so a crashed editor leaves no orphan.
    private func monitorParent(_ processID: Int32, died: @escaping @Sendable () -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 2, repeating: 2)
        timer.setEventHandler {
            if kill(processID, 0) != 0, errno == ESRCH { died() }
        }
        parentMonitor = timer
        timer.resume()
    }

    func shutdown(_ id: RequestID) {
        phase = .shuttingDown
        // Answered after the work already queued, so its diagnostics come first.
        runner.submit(.reply(id, .null), from: self)
    }

    func codeAction(_ id: RequestID, _ params: Result<CodeActionParams, ResponseError>) {
        runner.submit(.codeAction(id, params), from: self)
    }

    // MARK: Notifications

    func initialized() {
        if let message = pendingLogMessage {
            pendingLogMessage = nil
            log(.warning, message)
        }
        // A folder too broad to scan is not watched either.
        if settings?.scansSite ?? true { registerWatchers() }
    }

    func cancelRequest(_ params: CancelParams) {
        if let id = RequestID(params.id), cancelledRequests.count < 10_000 { cancelledRequests.insert(id) }
    }

    func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        guard let settings else { return }
        let absolute =
            DocumentURI.path(of: item.uri)
            ?? PathUtilities.join(settings.root ?? PathUtilities.currentDirectory(), Self.untitledName(item.uri))
        let previous = documents[item.uri]?.revision ?? 0
        documents[item.uri] = OpenDocument(
            uri: item.uri, absolutePath: absolute,
            displayPath: Workspace.displayPath(of: absolute, root: settings.root),
            version: item.version ?? 0, revision: previous + 1, bytes: Array(item.text.utf8))
        scheduleLint(item.uri)
    }

    /// A file name for a buffer that has none on disk (`untitled:Untitled-1`).
    private static func untitledName(_ uri: String) -> String {
        let last = uri.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "untitled"
        return last.hasSuffix(".md") || last.hasSuffix(".markdown") ? last : last + ".md"
    }

    func didChange(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else {
            log(.warning, "didChange for \(uri), which is not open; ignored")
            return
        }
        let warnings = document.apply(changes: params.contentChanges, encoding: encoding)
        document.version = params.textDocument.version ?? document.version + 1
        documents[uri] = document
        for warning in warnings { log(.warning, "\(uri): \(warning)") }
        scheduleLint(uri)
    }

    func didSave(_ params: TextDocumentParams) {
        let uri = params.textDocument.uri
        let path = documents[uri]?.absolutePath ?? DocumentURI.path(of: uri)
        runner.submit(.refreshAndRelint(paths: path.map { [$0] } ?? [], reloadConfiguration: false), from: self)
    }

    func didClose(_ params: TextDocumentParams) {
        let uri = params.textDocument.uri
        guard documents.removeValue(forKey: uri) != nil else { return }
        results[uri] = nil
        // A lint finishing after this sees the document gone and publishes nothing.
        send(
            Outgoing.notification(
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])))
    }

    func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
        let paths = (params.changes ?? []).compactMap { $0.uri.flatMap(DocumentURI.path) }
        let configurationChanged = paths.contains { path in
            let name = PathUtilities.fileName(of: path)
            return name == ConfigurationLoader.fileName || name.hasSuffix(".yml") || name.hasSuffix(".yaml")
        }
        runner.submit(
            .refreshAndRelint(paths: configurationChanged ? [] : paths, reloadConfiguration: configurationChanged), from: self)
    }

    private func registerWatchers() {
        guard canRegisterWatchers else { return }
        let id = nextRequestID
        nextRequestID += 1
        let watchers = ["**/.postlint.yml", "**/*.{yml,yaml}", "**/*.{md,markdown}"].map(RegistrationParams.Watcher.init)
        send(
            Outgoing.request(
                id: id, "client/registerCapability",
                RegistrationParams(registrations: [
                    .init(
                        id: "postlint-watched-files", method: "workspace/didChangeWatchedFiles",
                        registerOptions: .init(watchers: watchers))
                ])))
    }

    // MARK: For the work runner

    /// Queues a lint of `uri` unless one is already waiting (it will read the newest text).
    private func scheduleLint(_ uri: String) {
        guard pendingLints.insert(uri).inserted else { return }
        runner.submit(.lint(uri: uri), from: self)
    }

    /// The newest text of `uri` to lint now (nil when it was closed), off the waiting list.
    func takeDocumentToLint(_ uri: String) -> OpenDocument? {
        pendingLints.remove(uri)
        return documents[uri]
    }

    /// Publishes a lint's diagnostics if the text is still the one linted; otherwise a newer
    /// lint is queued.
    func publish(_ result: LintResult, for uri: String) {
        guard let current = documents[uri], current.revision == result.revision else { return }
        results[uri] = result
        let converter = PositionConverter(lineIndex: result.lineIndex, encoding: encoding)
        send(
            Outgoing.notification(
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams(
                    uri: uri, version: result.version,
                    diagnostics: result.diagnostics.map { $0.lspDiagnostic(converter: converter) }
                )))
    }

    /// Every open document, in a stable order.
    func openDocumentURIs() -> [String] { documents.keys.sorted() }

    /// Whether `$/cancelRequest` named this request (forgetting it).
    func takeCancellation(of id: RequestID) -> Bool {
        cancelledRequests.remove(id) != nil
    }

    /// An open document with its newest lint result when that describes its current text.
    func documentAndResult(_ uri: String) -> (OpenDocument, LintResult?)? {
        guard let document = documents[uri] else { return nil }
        let cached = results[uri].flatMap { $0.revision == document.revision ? $0 : nil }
        return (document, cached)
    }
}
