import Foundation
import PostlintCore
import PostlintJSON
import PostlintEngine

/// `postlint lsp`: a Language Server Protocol 3.17 server. It reads framed JSON-RPC messages from
/// a `ByteSource`, keeps the text of open documents as the editor holds it, and publishes
/// diagnostics for it; code actions offer the rules' fixes and a suppression comment.
///
/// Threads: the reading thread (the caller of `run`) parses messages and applies document changes
/// at once, so the store always holds the newest text. Linting and requests run in order on one
/// work queue. Each document has at most one lint waiting; a lint takes the newest text when it
/// starts and publishes only if no change arrived meanwhile (a newer change supersedes older work,
/// and diagnostics never describe stale text).
// @unchecked: the mutable state is touched only with `lock` held or on the serial `queue`; an actor version is under way.
public final class LanguageServer: @unchecked Sendable {
    /// What the command line passes in.
    public struct Options: Sendable {
        /// The version in rule documentation links and `serverInfo`.
        public var toolVersion: String
        /// A configuration file used for every document instead of searching for `.postlint.yml`.
        public var configPath: String?
        /// Called when the client process named in `initialize` is gone (the command exits).
        public var parentProcessDied: (@Sendable () -> Void)?
        /// The user's home folder (`HOME`): a workspace rooted there, or at `/`, is not scanned
        /// for site facts unless the client asks (`initializationOptions.lintWorkspace`).
        public var homeFolder: String?

        public init(toolVersion: String, configPath: String? = nil, parentProcessDied: (@Sendable () -> Void)? = nil,
                    homeFolder: String? = ProcessInfo.processInfo.environment["HOME"]) {
            self.toolVersion = toolVersion
            self.configPath = configPath
            self.parentProcessDied = parentProcessDied
            self.homeFolder = homeFolder
        }
    }

    private let options: Options
    private let writer: MessageWriter
    private let queue = DispatchQueue(label: "postlint.lsp.work")
    private let lock = NSLock()

    // State below is guarded by `lock`.
    private var phase = Phase.uninitialized
    private var encoding = PositionEncoding.utf16
    private var workspace: Workspace?
    /// Said in a `window/logMessage` once the client is initialized.
    private var pendingLogMessage: String?
    private var documents: [String: OpenDocument] = [:]
    private var results: [String: LintResult] = [:]
    private var pendingLints: Set<String> = []
    private var cancelledRequests: Set<String> = []
    private var supportsDocumentChanges = false
    private var canRegisterWatchers = false
    private var nextRequestID = 1
    private var parentMonitor: (any DispatchSourceTimer)?

    private enum Phase {
        case uninitialized, running, shuttingDown
    }

    public init(options: Options, writer: MessageWriter) {
        self.options = options
        self.writer = writer
    }

    /// Serves until `exit` or the end of the input. Returns the process exit code: 0 after
    /// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
    public func run(input: ByteSource) -> Int32 {
        var framer = MessageFramer()
        reading: while let chunk = input.read() {
            framer.append(chunk)
            while let event = framer.next() {
                switch event {
                case .message(let body):
                    if handle(body) == .exit { break reading }
                case .error(let reason):
                    writer.send(Self.errorResponse(id: .null, ResponseError(.parseError, "malformed message: \(reason)")))
                }
            }
            if writer.hasFailed { break }
        }
        queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        parentMonitor?.cancel()
        return phase == .shuttingDown ? 0 : 1
    }

    private enum Disposition { case keepGoing, exit }

    /// Handles one message body; tells whether it was `exit`.
    private func handle(_ body: [UInt8]) -> Disposition {
        let message: JSONValue
        do throws(JSONParser.Failure) {
            message = try JSONParser.parse(body, maximumDepth: ParserLimits.jsonNesting)
        } catch {
            writer.send(Self.errorResponse(id: .null, ResponseError(.parseError, "invalid JSON at byte \(error.offset): \(error.reason)")))
            return .keepGoing
        }
        guard case .object = message else {
            writer.send(Self.errorResponse(id: .null, ResponseError(.invalidRequest, "a message must be a JSON object")))
            return .keepGoing
        }
        let id = message["id"]
        guard let method = message["method"]?.stringValue else {
            if id != nil, message["result"] != nil || message["error"] != nil { return .keepGoing }  // a reply to us
            writer.send(Self.errorResponse(id: Self.validID(id) ?? .null, ResponseError(.invalidRequest, "no method")))
            return .keepGoing
        }
        let params = message["params"] ?? .null
        if let id {
            guard let requestID = Self.validID(id) else {
                writer.send(Self.errorResponse(id: .null, ResponseError(.invalidRequest, "id must be a number or a string")))
                return .keepGoing
            }
            request(method, id: requestID, params: params)
            return .keepGoing
        }
        return notification(method, params: params)
    }

    private static func validID(_ id: JSONValue?) -> JSONValue? {
        switch id {
        case .string?: return id
        case .number?: return id?.intValue != nil ? id : nil
        default: return nil
        }
    }

    // MARK: Requests

    private func request(_ method: String, id: JSONValue, params: JSONValue) {
        lock.lock()
        let phase = self.phase
        lock.unlock()
        switch (phase, method) {
        case (.uninitialized, "initialize"):
            writer.send(Self.response(id: id, initialize(params)))
            return
        case (.uninitialized, _):
            writer.send(Self.errorResponse(id: id, ResponseError(.serverNotInitialized, "initialize first")))
            return
        case (.running, "initialize"):
            writer.send(Self.errorResponse(id: id, ResponseError(.invalidRequest, "already initialized")))
            return
        case (.shuttingDown, _):
            writer.send(Self.errorResponse(id: id, ResponseError(.invalidRequest, "the server is shutting down")))
            return
        case (.running, _):
            break
        }
        switch method {
        case "shutdown":
            lock.lock()
            self.phase = .shuttingDown
            lock.unlock()
            queue.async { self.writer.send(Self.response(id: id, .null)) }
        case "textDocument/codeAction":
            queue.async {
                guard !self.takeCancellation(of: id) else {
                    self.writer.send(Self.errorResponse(id: id, ResponseError(.requestCancelled, "cancelled")))
                    return
                }
                switch self.codeActions(params) {
                case .success(let actions): self.writer.send(Self.response(id: id, actions))
                case .failure(let error): self.writer.send(Self.errorResponse(id: id, error))
                }
            }
        default:
            writer.send(Self.errorResponse(id: id, ResponseError(.methodNotFound, "unknown method \(method)")))
        }
    }

    private func takeCancellation(of id: JSONValue) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelledRequests.remove(id.text) != nil
    }

    private func initialize(_ params: JSONValue) -> JSONValue {
        let capabilities = params["capabilities"] ?? .null
        let offered = capabilities["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let negotiated = PositionEncoding.negotiate(offered: offered)
        var root: String?
        if let folders = params["workspaceFolders"]?.arrayValue, let first = folders.first?["uri"]?.stringValue {
            root = DocumentURI.path(of: first)
        } else if let uri = params["rootUri"]?.stringValue {
            root = DocumentURI.path(of: uri)
        } else if let path = params["rootPath"]?.stringValue, path.hasPrefix("/") {
            root = path
        }
        let configPath = options.configPath ?? params["initializationOptions"]?["config"]?.stringValue
        root = root.map(PathUtilities.normalize)
        let asked = params["initializationOptions"]?["lintWorkspace"]?.boolValue ?? false
        var scansSite = true
        if let root, !asked, let why = Self.tooBroadARoot(root, home: options.homeFolder) {
            scansSite = false
            pendingLogMessage = "postlint: the workspace folder \(root) is \(why); only open documents are linted and "
                + "site-level rules (duplicate-slug, ...) do not see the posts on disk. Open the site's own folder, or set "
                + "initializationOptions {\"lintWorkspace\": true} to scan it anyway."
        }
        let usesFactsCache = params["initializationOptions"]?["cache"]?.boolValue ?? true
        let workspace = Workspace(root: root, configPath: configPath, scansSite: scansSite,
                                  factsCacheVersion: usesFactsCache ? options.toolVersion : nil)
        lock.lock()
        self.phase = .running
        self.encoding = negotiated
        self.workspace = workspace
        self.supportsDocumentChanges = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        self.canRegisterWatchers = capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        lock.unlock()
        if let processID = params["processId"]?.intValue, processID > 0, let died = options.parentProcessDied {
            monitorParent(Int32(truncatingIfNeeded: processID), died: died)
        }
        return [
            "capabilities": [
                "positionEncoding": .string(negotiated.rawValue),
                "textDocumentSync": [
                    "openClose": true,
                    "change": 1,
                    "save": ["includeText": false],
                ],
                "codeActionProvider": [
                    "codeActionKinds": ["quickfix", .string(Self.fixAllKind)],
                ],
            ],
            "serverInfo": ["name": "postlint", "version": .string(options.toolVersion)],
        ]
    }

    static let fixAllKind = "source.fixAll.postlint"

    /// Why `root` is too broad a folder to scan for posts (the whole disk, or a home folder), or
    /// nil when it is not.
    static func tooBroadARoot(_ root: String, home: String?) -> String? {
        let normalized = PathUtilities.normalize(root)
        if normalized == "/" || normalized.isEmpty { return "the root of the file system" }
        if let home, !home.isEmpty, PathUtilities.normalize(home) == normalized { return "the home folder" }
        return nil
    }

    /// Ends the server when the client process is gone, so a crashed editor leaves no orphan.
    private func monitorParent(_ processID: Int32, died: @escaping @Sendable () -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 2, repeating: 2)
        timer.setEventHandler {
            if kill(processID, 0) != 0, errno == ESRCH { died() }
        }
        lock.lock()
        parentMonitor = timer
        lock.unlock()
        timer.resume()
    }

    // MARK: Notifications

    private func notification(_ method: String, params: JSONValue) -> Disposition {
        if method == "exit" { return .exit }
        lock.lock()
        let running = phase == .running
        lock.unlock()
        guard running else { return .keepGoing }
        switch method {
        case "initialized":
            lock.lock()
            let message = pendingLogMessage
            pendingLogMessage = nil
            let scansSite = workspace?.scansSite ?? true
            lock.unlock()
            if let message { log(.warning, message) }
            // A folder too broad to scan is not watched either.
            if scansSite { registerWatchers() }
        case "$/cancelRequest":
            if let id = Self.validID(params["id"]) {
                lock.lock()
                if cancelledRequests.count < 10_000 { cancelledRequests.insert(id.text) }
                lock.unlock()
            }
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        default: break
        }
        return .keepGoing
    }

    private func didOpen(_ params: JSONValue) {
        let item = params["textDocument"] ?? .null
        guard let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else {
            log(.warning, "didOpen without a uri and text; ignored")
            return
        }
        lock.lock()
        guard let workspace else {
            lock.unlock()
            return
        }
        let absolute = DocumentURI.path(of: uri)
            ?? PathUtilities.join(workspace.root ?? PathUtilities.currentDirectory(), Self.untitledName(uri))
        let previous = documents[uri]?.revision ?? 0
        documents[uri] = OpenDocument(uri: uri, absolutePath: absolute, displayPath: workspace.displayPath(of: absolute),
                                      version: item["version"]?.intValue ?? 0, revision: previous + 1,
                                      bytes: Array(text.utf8))
        lock.unlock()
        scheduleLint(uri)
    }

    /// A file name for a buffer that has none on disk (`untitled:Untitled-1`).
    private static func untitledName(_ uri: String) -> String {
        let last = uri.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "untitled"
        return last.hasSuffix(".md") || last.hasSuffix(".markdown") ? last : last + ".md"
    }

    private func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue,
              let changes = params["contentChanges"]?.arrayValue else {
            log(.warning, "didChange without a uri and contentChanges; ignored")
            return
        }
        lock.lock()
        guard var document = documents[uri] else {
            lock.unlock()
            log(.warning, "didChange for \(uri), which is not open; ignored")
            return
        }
        let warnings = document.apply(changes: changes, encoding: encoding)
        document.version = params["textDocument"]?["version"]?.intValue ?? document.version + 1
        documents[uri] = document
        lock.unlock()
        for warning in warnings { log(.warning, "\(uri): \(warning)") }
        scheduleLint(uri)
    }

    private func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
        lock.lock()
        let path = documents[uri]?.absolutePath ?? DocumentURI.path(of: uri)
        let workspace = self.workspace
        lock.unlock()
        queue.async {
            if let path { workspace?.refresh(path: path) }
            self.relintAll()
        }
    }

    private func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
        lock.lock()
        defer { lock.unlock() }
        guard documents.removeValue(forKey: uri) != nil else { return }
        results[uri] = nil
        // Under the lock: a lint finishing now sees the document gone and publishes nothing after this.
        writer.send(Self.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
    }

    private func didChangeWatchedFiles(_ params: JSONValue) {
        let paths = (params["changes"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue.flatMap(DocumentURI.path) }
        let configurationChanged = paths.contains { path in
            let name = PathUtilities.fileName(of: path)
            return name == ConfigurationLoader.fileName || name.hasSuffix(".yml") || name.hasSuffix(".yaml")
        }
        queue.async {
            self.lock.lock()
            let current = self.workspace
            self.lock.unlock()
            if configurationChanged, let current {
                // A new linter: configurations and rule packs are read again.
                let fresh = Workspace(root: current.root, configPath: current.configPath, scansSite: current.scansSite,
                                      factsCacheVersion: current.factsCacheVersion)
                self.lock.lock()
                self.workspace = fresh
                self.lock.unlock()
            } else {
                for path in paths { current?.refresh(path: path) }
            }
            self.relintAll()
        }
    }

    private func registerWatchers() {
        lock.lock()
        guard canRegisterWatchers else {
            lock.unlock()
            return
        }
        let id = nextRequestID
        nextRequestID += 1
        lock.unlock()
        let watchers: [JSONValue] = ["**/.postlint.yml", "**/*.{yml,yaml}", "**/*.{md,markdown}"].map { ["globPattern": .string($0)] }
        writer.send([
            "jsonrpc": "2.0", "id": .int(id), "method": "client/registerCapability",
            "params": ["registrations": [[
                "id": "postlint-watched-files", "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": .array(watchers)],
            ]]],
        ])
    }

    // MARK: Linting

    /// Queues a lint of `uri` unless one is already waiting (it will read the newest text).
    private func scheduleLint(_ uri: String) {
        lock.lock()
        let inserted = pendingLints.insert(uri).inserted
        lock.unlock()
        guard inserted else { return }
        queue.async { self.lintNow(uri) }
    }

    /// Runs on the work queue.
    private func lintNow(_ uri: String) {
        lock.lock()
        pendingLints.remove(uri)
        guard let document = documents[uri], let workspace else {
            lock.unlock()
            return
        }
        lock.unlock()
        let result = workspace.lint(document)
        lock.lock()
        defer { lock.unlock() }
        // Publish only if the text is still the one linted; otherwise a newer lint is queued.
        guard let current = documents[uri], current.revision == result.revision else { return }
        results[uri] = result
        let converter = PositionConverter(lineIndex: result.lineIndex, encoding: encoding)
        writer.send(Self.notification("textDocument/publishDiagnostics", [
            "uri": .string(uri),
            "version": .int(result.version),
            "diagnostics": .array(result.diagnostics.map { $0.json(converter: converter) }),
        ]))
    }

    /// Runs on the work queue: every open document again (configuration or site changed).
    private func relintAll() {
        lock.lock()
        let uris = documents.keys.sorted()
        lock.unlock()
        for uri in uris { lintNow(uri) }
    }

    /// The current result of a document, linting it now when the newest text has none yet.
    private func currentResult(_ uri: String) -> (OpenDocument, LintResult, Workspace, PositionEncoding)? {
        lock.lock()
        guard let document = documents[uri], let workspace else {
            lock.unlock()
            return nil
        }
        let cached = results[uri]
        let encoding = self.encoding
        lock.unlock()
        if let cached, cached.revision == document.revision { return (document, cached, workspace, encoding) }
        return (document, workspace.lint(document), workspace, encoding)
    }

    // MARK: Code actions

    private func codeActions(_ params: JSONValue) -> Result<JSONValue, ResponseError> {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return .failure(ResponseError(.invalidParams, "textDocument.uri is required"))
        }
        guard let (document, result, workspace, encoding) = currentResult(uri) else {
            return .failure(ResponseError(.invalidParams, "\(uri) is not open"))
        }
        let converter = PositionConverter(lineIndex: result.lineIndex, encoding: encoding)
        guard let rangeJSON = params["range"], let (range, _) = converter.byteRange(of: rangeJSON) else {
            return .failure(ResponseError(.invalidParams, "range is required"))
        }
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool {
            guard let only, !only.isEmpty else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let builder = CodeActionBuilder(uri: uri, version: document.version, result: result, converter: converter,
                                        documentChanges: lockedSupportsDocumentChanges())
        var actions: [JSONValue] = []
        if wanted("quickfix") {
            for diagnostic in result.diagnostics where Self.touches(diagnostic.range, range) {
                if let action = builder.quickFix(for: diagnostic) { actions.append(action) }
                if let action = builder.suppression(for: diagnostic) { actions.append(action) }
            }
        }
        if wanted(Self.fixAllKind), result.diagnostics.contains(where: { $0.fix != nil }),
           let fixed = workspace.fixAll(document), let action = builder.fixAll(fixed, kind: Self.fixAllKind) {
            actions.append(action)
        }
        return .success(.array(actions))
    }

    private func lockedSupportsDocumentChanges() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return supportsDocumentChanges
    }

    /// Whether a diagnostic's range meets the requested range (a cursor touching it counts).
    static func touches(_ diagnostic: ByteRange, _ requested: ByteRange) -> Bool {
        diagnostic.lowerBound <= requested.upperBound && requested.lowerBound <= diagnostic.upperBound
    }

    // MARK: Messages

    enum LogLevel: Int { case error = 1, warning = 2, info = 3 }

    private func log(_ level: LogLevel, _ message: String) {
        writer.send(Self.notification("window/logMessage", ["type": .int(level.rawValue), "message": .string(message)]))
    }

    static func response(id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func errorResponse(id: JSONValue, _ error: ResponseError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": error.json]
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
