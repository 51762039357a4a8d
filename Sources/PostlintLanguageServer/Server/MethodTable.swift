import PostlintJSON

/// What the server does with each method it knows: requests answer (now or from the work
/// queue), notifications change the session. A method not in the table is answered
/// "method not found" (a request) or ignored (a notification), as the protocol asks.
enum MethodTable {
    static let requests: [String: RequestHandler] = [
        "initialize": RequestHandler { session, id, params in
            // Every member is optional: params that are not an object read as none given.
            let decoded = (try? JSONValueDecoder().decode(InitializeParams.self, from: params)) ?? InitializeParams()
            session.initialize(id, decoded)
        },
        "shutdown": RequestHandler { session, id, _ in session.shutdown(id) },
        "textDocument/codeAction": RequestHandler { session, id, params in
            // Params that are not a code action's are answered from the work queue too, in order.
            session.codeAction(id, RequestHandler.decoded(CodeActionParams.self, params))
        },
    ]

    static let notifications: [String: NotificationHandler] = [
        "initialized": NotificationHandler { session, _ in session.initialized() },
        "$/cancelRequest": .decoding(CancelParams.self) { session, params in session.cancelRequest(params) },
        "textDocument/didOpen": .decoding(
            DidOpenTextDocumentParams.self,
            otherwise: { session in
                session.log(.warning, "didOpen without a uri and text; ignored")
            }
        ) { session, params in session.didOpen(params) },
        "textDocument/didChange": .decoding(
            DidChangeTextDocumentParams.self,
            otherwise: { session in
                session.log(.warning, "didChange without a uri and contentChanges; ignored")
            }
        ) { session, params in session.didChange(params) },
        "textDocument/didSave": .decoding(TextDocumentParams.self) { session, params in session.didSave(params) },
        "textDocument/didClose": .decoding(TextDocumentParams.self) { session, params in session.didClose(params) },
        "workspace/didChangeWatchedFiles": .decoding(
            DidChangeWatchedFilesParams.self,
            otherwise: { session in
                session.didChangeWatchedFiles(DidChangeWatchedFilesParams(changes: nil))
            }
        ) { session, params in session.didChangeWatchedFiles(params) },
    ]
}

/// Handles one request, on the session.
struct RequestHandler: Sendable {
    let handle: @Sendable (isolated ServerSession, RequestID, JSONValue) -> Void

    init(_ handle: @escaping @Sendable (isolated ServerSession, RequestID, JSONValue) -> Void) {
        self.handle = handle
    }

    /// The params decoded as `Params`, or the "invalid params" error naming the member at fault.
    static func decoded<Params: Decodable>(_ type: Params.Type, _ params: JSONValue) -> Result<Params, ResponseError> {
        do {
            return .success(try JSONValueDecoder().decode(type, from: params))
        } catch {
            return .failure(ResponseError(.invalidParams, JSONValueDecoder.describe(error)))
        }
    }
}

/// Handles one notification, on the session.
struct NotificationHandler: Sendable {
    let handle: @Sendable (isolated ServerSession, JSONValue) -> Void

    init(_ handle: @escaping @Sendable (isolated ServerSession, JSONValue) -> Void) {
        self.handle = handle
    }

    /// The params decoded as `Params`; `otherwise` runs when they are not (by default nothing:
    /// a notification has no answer to carry an error).
    static func decoding<Params: Decodable & Sendable>(
        _ type: Params.Type, otherwise: @escaping @Sendable (isolated ServerSession) -> Void = { _ in },
        _ body: @escaping @Sendable (isolated ServerSession, Params) -> Void
    ) -> NotificationHandler {
        NotificationHandler { session, params in
            guard let decoded = try? JSONValueDecoder().decode(type, from: params) else {
                otherwise(session)
                return
            }
            body(session, decoded)
        }
    }
}
