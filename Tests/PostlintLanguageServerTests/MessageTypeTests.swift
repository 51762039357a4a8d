import Testing
import PostlintCore
import PostlintJSON
@testable import PostlintLanguageServer

/// The typed LSP messages: read from what clients send, written as the protocol spells them.
@Suite struct MessageTypeTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONValueDecoder().decode(type, from: JSONParser.parse(Array(text.utf8), maximumDepth: ParserLimits.jsonNesting))
    }

    @Test func aChangeIsReadChangeByChange() throws {
        let params = try decode(
            DidChangeTextDocumentParams.self,
            #"""
            {"textDocument": {"uri": "file:///a.md", "version": 3}, "contentChanges": [
              {"text": "all"}, {"range": null, "text": "all again"},
              {"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 2}}, "text": "x"},
              {"range": "not a range", "text": "y"}, {"range": {"start": {"line": 0}}, "text": "z"}, {"no": "text"}, 7]}
            """#)
        #expect(params.textDocument.version == 3)
        let ranges = params.contentChanges.map(\.range)
        let one = LSPRange(start: LSPPosition(line: 0, character: 1), end: LSPPosition(line: 0, character: 2))
        #expect(ranges == [.wholeDocument, .wholeDocument, .range(one), .malformed, .malformed, .wholeDocument, .wholeDocument])
        #expect(params.contentChanges.map(\.text) == ["all", "all again", "x", "y", "z", nil, nil])
    }

    @Test func initializeReadsWhatItCanAndIgnoresOddCapabilities() throws {
        let params = try decode(
            InitializeParams.self,
            #"""
            {"processId": 12, "rootUri": "file:///site", "workspaceFolders": null,
             "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]},
                              "workspace": {"workspaceEdit": {"documentChanges": "yes"}, "didChangeWatchedFiles": 4}},
             "initializationOptions": {"lintWorkspace": true, "unknown": [1]}}
            """#)
        #expect(params.processId == 12)
        #expect(params.rootUri == "file:///site")
        #expect(params.capabilities?.general?.positionEncodings == ["utf-8", "utf-16"])
        #expect(params.capabilities?.workspace?.workspaceEdit?.documentChanges == nil)
        #expect(params.capabilities?.workspace?.didChangeWatchedFiles == nil)
        #expect(params.initializationOptions?.lintWorkspace == true)
    }

    @Test func requestIDsAreIntegersOrStrings() {
        #expect(RequestID(.number("7")) == .number(7))
        #expect(RequestID(.number("7.0")) == .number(7))
        #expect(RequestID(.string("a")) == .string("a"))
        #expect(RequestID(.number("7.5")) == nil)
        #expect(RequestID(["x": 1]) == nil)
        #expect(RequestID(nil) == nil)
        #expect(RequestID.number(7).json.text == "7")
    }

    @Test func aCodeActionMissingItsRangeIsAnsweredByName() {
        let params: JSONValue = ["textDocument": ["uri": "file:///a.md"]]
        guard case .failure(let error) = RequestHandler.decoded(CodeActionParams.self, params) else {
            Issue.record("decoded without a range")
            return
        }
        #expect(error == ResponseError(.invalidParams, "range is required"))
        guard case .failure(let missingURI) = RequestHandler.decoded(CodeActionParams.self, ["textDocument": [:]]) else {
            Issue.record("decoded without a uri")
            return
        }
        #expect(missingURI.message == "textDocument.uri is required")
    }

    @Test func editsAreWrittenVersionedOrByURI() {
        let edit = LSPTextEdit(
            range: LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 1)),
            newText: "x")
        let byURI = WorkspaceEdit(uri: "file:///a.md", version: 4, edits: [edit], versioned: false)
        #expect(
            Outgoing.encoded(byURI).text
                == #"{"changes":{"file:///a.md":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"newText":"x"}]}}"#
        )
        let versioned = WorkspaceEdit(uri: "file:///a.md", version: 4, edits: [edit], versioned: true)
        #expect(
            Outgoing.encoded(versioned)["documentChanges"]?.arrayValue?.first?["textDocument"]
                == ["uri": "file:///a.md", "version": 4])
    }

    @Test func everyMethodTheServerAnnouncesHasAHandler() {
        #expect(Set(MethodTable.requests.keys) == ["initialize", "shutdown", "textDocument/codeAction"])
        #expect(
            Set(MethodTable.notifications.keys) == [
                "initialized", "$/cancelRequest", "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave",
                "textDocument/didClose", "workspace/didChangeWatchedFiles",
            ])
    }
}

/// `initializationOptions.cache`: the cross-run facts cache is on unless the client says false.
@Suite struct FactsCacheOptionTests {
    private func settings(after options: String) async throws -> WorkspaceSettings? {
        let text = #"{"processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": "# + options + "}"
        let params = try JSONValueDecoder().decode(
            InitializeParams.self, from: JSONParser.parse(Array(text.utf8), maximumDepth: ParserLimits.jsonNesting))
        let session = ServerSession(
            options: LanguageServer.Options(toolVersion: "9.9.9"), writer: MessageWriter { _ in true },
            runner: WorkRunner(), finished: { _ in })
        await session.initialize(.number(1), params)
        return await session.settings
    }

    @Test func theCacheIsKeyedByTheToolVersionUnlessTurnedOff() async throws {
        #expect(try await settings(after: "{}")?.factsCacheVersion == "9.9.9")
        #expect(try await settings(after: #"{"cache": true}"#)?.factsCacheVersion == "9.9.9")
        #expect(try await settings(after: #"{"cache": false}"#)?.factsCacheVersion == nil)
    }
}
