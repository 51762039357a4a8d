import PostlintJSON
import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintLanguageServer

/// Hostile or careless clients: the server answers with errors and keeps running.
@Suite struct BadInputTests {
    private func errorCode(_ message: JSONValue?) -> Int? {
        message?["error"]?["code"]?.intValue
    }

    private func nextError(_ harness: ServerHarness) async -> JSONValue? {
        await harness.inbox.next { $0["error"] != nil && $0["id"] == .null }
    }

    @Test func invalidJSONGetsAParseErrorAndTheServerKeepsRunning() async {
        let harness = ServerHarness()
        await harness.start()
        let garbage = Array("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ".utf8)
        harness.sendRaw(Array("Content-Length: \(garbage.count)\r\n\r\n".utf8) + garbage)
        #expect(errorCode(await nextError(harness)) == ErrorCode.parseError.rawValue)
        harness.sendRaw(Array("Content-Length: 4\r\n\r\n1234".utf8))  // JSON, but not an object
        #expect(errorCode(await nextError(harness)) == ErrorCode.invalidRequest.rawValue)
        #expect(await harness.request("shutdown")?["result"] == .null)
        _ = await harness.finish()
    }

    @Test func aWrongContentLengthIsReportedAndLaterMessagesAreServed() async {
        let harness = ServerHarness()
        await harness.start()
        let body = Array(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#.utf8)
        harness.sendRaw(Array("Content-Length: \(body.count - 5)\r\n\r\n".utf8) + body)
        #expect(errorCode(await nextError(harness)) == ErrorCode.parseError.rawValue)
        #expect(
            await harness.request("textDocument/hover", ["textDocument": ["uri": "file:///x.md"]]).map(errorCode)
                == ErrorCode.methodNotFound.rawValue)
        _ = await harness.finish()
    }

    @Test func unknownMethodsAndEarlyRequests() async {
        let harness = ServerHarness()
        #expect(errorCode(await harness.request("textDocument/codeAction")) == ErrorCode.serverNotInitialized.rawValue)
        await harness.start()
        #expect(errorCode(await harness.request("workspace/symbol", ["query": "x"])) == ErrorCode.methodNotFound.rawValue)
        #expect(errorCode(await harness.request("initialize", ["capabilities": [:]])) == ErrorCode.invalidRequest.rawValue)
        harness.send(["jsonrpc": "2.0", "id": ["not": "an id"], "method": "shutdown"])
        #expect(errorCode(await nextError(harness)) == ErrorCode.invalidRequest.rawValue)
        harness.notify("some/unknownNotification", [:])  // ignored, as the protocol says
        #expect(await harness.request("shutdown")?["result"] == .null)
        #expect(errorCode(await harness.request("textDocument/codeAction")) == ErrorCode.invalidRequest.rawValue)
        _ = await harness.finish()
    }

    @Test func aRequestForADocumentNeverOpened() async {
        let harness = ServerHarness()
        await harness.start()
        let response = await harness.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": "file:///nowhere/never-opened.md"],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                "context": ["diagnostics": []],
            ])
        #expect(errorCode(response) == ErrorCode.invalidParams.rawValue)
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": "file:///nowhere/never-opened.md", "version": 2],
                "contentChanges": [["text": "x"]],
            ])
        #expect(await harness.inbox.next { $0["method"]?.stringValue == "window/logMessage" } != nil)
        #expect(await harness.request("shutdown")?["result"] == .null)
        _ = await harness.finish()
    }

    @Test func aChangeWithAnOutOfRangePositionIsClampedAndLinted() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = DocumentURI.uri(ofPath: folder.path + "/post.md")
        harness.open(uri, "---\nslug: ok\n---\n")
        _ = await harness.diagnostics(for: uri, version: 1)
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 1, "character": 6], "end": ["line": 1, "character": 500]], "text": "Bad Slug",
                    ],
                    [
                        "range": ["start": ["line": 900, "character": -3], "end": ["line": 1_000_000, "character": 0]],
                        "text": "tail\n",
                    ],
                    ["range": "not a range", "text": "ignored"],
                ],
            ])
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 2))
        let slug = try #require(diagnostics.first { $0["code"]?.stringValue == "slug-format" })
        #expect(slug["message"]?.stringValue?.contains("\"Bad Slug\"") == true)
        #expect(harness.inbox.all.contains { $0["params"]?["message"]?.stringValue?.contains("clamped") == true })
        #expect(await harness.request("shutdown")?["result"] == .null)
        _ = await harness.finish()
    }

    @Test func theServerEndsWhenTheClientDisappearsWithoutExit() async {
        let harness = ServerHarness()
        await harness.start()
        harness.sendRaw(Array("Content-Length: 100\r\n\r\n{\"jsonrpc\"".utf8))  // cut off mid-message
        #expect(await harness.finish(timeout: 10) == 1)
    }
}
