import PostlintCore
import PostlintJSON

/// Does the server's slow work (linting, code actions, reading the site) one item at a time, in
/// the order the session queued it. It alone owns the `Workspace` (the linter and the site facts
/// of the posts on disk), so no lock guards it; it asks the session for the newest text when an
/// item starts and hands results back to it.
struct WorkRunner {
    let session: ServerSession
    private var workspace: Workspace?

    init(session: ServerSession) {
        self.session = session
    }

    /// Runs until the session stops queueing work.
    mutating func run(_ items: AsyncStream<WorkItem>) async {
        for await item in items { await perform(item) }
    }

    private mutating func perform(_ item: WorkItem) async {
        switch item {
        case .openWorkspace(let settings):
            workspace = Workspace(root: settings.root, configPath: settings.configPath, scansSite: settings.scansSite,
                                  factsCacheVersion: settings.factsCacheVersion)
        case .lint(let uri):
            await lint(uri)
        case .refreshAndRelint(let paths, let reloadConfiguration):
            if reloadConfiguration, let current = workspace {
                // A new linter: configurations and rule packs are read again.
                workspace = Workspace(root: current.root, configPath: current.configPath, scansSite: current.scansSite,
                                      factsCacheVersion: current.factsCacheVersion)
            } else {
                for path in paths { workspace?.refresh(path: path) }
            }
            for uri in await session.openDocumentURIs() { await lint(uri) }
        case .codeAction(let id, let params):
            guard await !session.takeCancellation(of: id) else {
                await session.send(Outgoing.error(id: id, ResponseError(.requestCancelled, "cancelled")))
                return
            }
            let answer: Result<[CodeAction], ResponseError>
            switch params {
            case .success(let params): answer = await codeActions(params)
            case .failure(let error): answer = .failure(error)
            }
            switch answer {
            case .success(let actions): await session.send(Outgoing.response(id: id, result: Outgoing.encoded(actions)))
            case .failure(let error): await session.send(Outgoing.error(id: id, error))
            }
        case .reply(let id, let result):
            await session.send(Outgoing.response(id: id, result: result))
        }
    }

    /// Lints the newest text of `uri` and publishes it (unless a change arrived meanwhile).
    private func lint(_ uri: String) async {
        guard let document = await session.takeDocumentToLint(uri), let workspace else { return }
        let result = workspace.lint(document)
        await session.publish(result, for: uri)
    }

    private func codeActions(_ params: CodeActionParams) async -> Result<[CodeAction], ResponseError> {
        let uri = params.textDocument.uri
        guard let workspace, let (document, cached) = await session.documentAndResult(uri) else {
            return .failure(ResponseError(.invalidParams, "\(uri) is not open"))
        }
        let result = cached ?? workspace.lint(document)
        let converter = PositionConverter(lineIndex: result.lineIndex, encoding: await session.encoding)
        let (range, _) = converter.byteRange(of: params.range)
        let only = params.context?.only
        func wanted(_ kind: String) -> Bool {
            guard let only, !only.isEmpty else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let builder = CodeActionBuilder(uri: uri, version: document.version, result: result, converter: converter,
                                        documentChanges: await session.supportsDocumentChanges)
        var actions: [CodeAction] = []
        if wanted("quickfix") {
            for diagnostic in result.diagnostics where Self.touches(diagnostic.range, range) {
                if let action = builder.quickFix(for: diagnostic) { actions.append(action) }
                if let action = builder.suppression(for: diagnostic) { actions.append(action) }
            }
        }
        if wanted(ServerSession.fixAllKind), result.diagnostics.contains(where: { $0.fix != nil }),
           let fixed = workspace.fixAll(document), let action = builder.fixAll(fixed, kind: ServerSession.fixAllKind) {
            actions.append(action)
        }
        return .success(actions)
    }

    /// Whether a diagnostic's range meets the requested range (a cursor touching it counts).
    static func touches(_ diagnostic: ByteRange, _ requested: ByteRange) -> Bool {
        diagnostic.lowerBound <= requested.upperBound && requested.lowerBound <= diagnostic.upperBound
    }
}
