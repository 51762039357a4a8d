import Foundation
import PostlintCore
import PostlintJSON

/// Does the server's slow work (linting, code actions, reading the site) one item at a time, in
/// the order the session queued it. It alone owns the `Workspace` (the linter and the site facts
/// of the posts on disk), so no lock guards it; it asks the session for the newest text when an
/// item starts and hands results back to it. Its work (reading the whole workspace, linting)
/// runs on a serial queue of its own, so it blocks neither the session nor the cooperative pool;
/// an item runs to its end before the next starts (it reads the session synchronously).
actor WorkRunner {
    private var workspace: Workspace?
    private let executor = QueueExecutor(label: "postlint.lsp.work")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Queues `item`, which runs after the items queued before it.
    nonisolated func submit(_ item: WorkItem, from session: ServerSession) {
        executor.async { [self] in
            assumeIsolated { runner in runner.perform(item, session: session) }
        }
    }

    /// Calls `body` once the items queued so far are done.
    nonisolated func afterQueuedWork(_ body: @escaping @Sendable () -> Void) {
        executor.async(body)
    }

    private func perform(_ item: WorkItem, session: ServerSession) {
        switch item {
        case .openWorkspace(let settings):
            workspace = Workspace(
                root: settings.root, configPath: settings.configPath, scansSite: settings.scansSite,
                factsCacheVersion: settings.factsCacheVersion)
        case .lint(let uri):
            lint(uri, session: session)
        case .refreshAndRelint(let paths, let reloadConfiguration):
            if reloadConfiguration, let current = workspace {
                // A new linter: configurations and rule packs are read again.
                workspace = Workspace(
                    root: current.root, configPath: current.configPath, scansSite: current.scansSite,
                    factsCacheVersion: current.factsCacheVersion)
            } else {
                for path in paths { workspace?.refresh(path: path) }
            }
            for uri in session.synchronously({ $0.openDocumentURIs() }) { lint(uri, session: session) }
        case .codeAction(let id, let params):
            guard !session.synchronously({ $0.takeCancellation(of: id) }) else {
                session.synchronously { $0.send(Outgoing.error(id: id, ResponseError(.requestCancelled, "cancelled"))) }
                return
            }
            let answer: Result<[CodeAction], ResponseError>
            switch params {
            case .success(let params): answer = codeActions(params, session: session)
            case .failure(let error): answer = .failure(error)
            }
            switch answer {
            case .success(let actions):
                let result = Outgoing.encoded(actions)
                session.synchronously { $0.send(Outgoing.response(id: id, result: result)) }
            case .failure(let error): session.synchronously { $0.send(Outgoing.error(id: id, error)) }
            }
        case .reply(let id, let result):
            session.synchronously { $0.send(Outgoing.response(id: id, result: result)) }
        }
    }

    /// Lints the newest text of `uri` and publishes it (unless a change arrived meanwhile).
    private func lint(_ uri: String, session: ServerSession) {
        guard let document = session.synchronously({ $0.takeDocumentToLint(uri) }), let workspace else { return }
        let result = workspace.lint(document)
        session.synchronously { $0.publish(result, for: uri) }
    }

    private func codeActions(_ params: CodeActionParams, session: ServerSession) -> Result<[CodeAction], ResponseError> {
        let uri = params.textDocument.uri
        let (found, encoding, documentChanges) = session.synchronously { session in
            (session.documentAndResult(uri), session.encoding, session.supportsDocumentChanges)
        }
        guard let workspace, let (document, cached) = found else {
            return .failure(ResponseError(.invalidParams, "\(uri) is not open"))
        }
        let result = cached ?? workspace.lint(document)
        let converter = PositionConverter(lineIndex: result.lineIndex, encoding: encoding)
        let (range, _) = converter.byteRange(of: params.range)
        let only = params.context?.only
        func wanted(_ kind: String) -> Bool {
            guard let only, !only.isEmpty else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let builder = CodeActionBuilder(
            uri: uri, version: document.version, result: result, converter: converter,
            documentChanges: documentChanges)
        var actions: [CodeAction] = []
        if wanted("quickfix") {
            for diagnostic in result.diagnostics where Self.touches(diagnostic.range, range) {
                if let action = builder.quickFix(for: diagnostic) { actions.append(action) }
                if let action = builder.suppression(for: diagnostic) { actions.append(action) }
            }
        }
        if wanted(ServerSession.fixAllKind), result.diagnostics.contains(where: { $0.fix != nil }),
            let fixed = workspace.fixAll(document), let action = builder.fixAll(fixed, kind: ServerSession.fixAllKind)
        {
            actions.append(action)
        }
        return .success(actions)
    }

    /// Whether a diagnostic's range meets the requested range (a cursor touching it counts).
    static func touches(_ diagnostic: ByteRange, _ requested: ByteRange) -> Bool {
        diagnostic.lowerBound <= requested.upperBound && requested.lowerBound <= diagnostic.upperBound
    }
}
