import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintLanguageServer

/// The built `postlint lsp` against a post that meets a parser's limit, in the workspace and
/// opened in the editor: a diagnostic at the place the limit was met, and the server lives on.
@Suite struct ParserLimitServerTests {
    /// Front matter whose TOML table header has 40,000 parts (80 KB), as reported: the server
    /// died on didOpen, and at start when such a file was in the workspace.
    static let deepTOMLHeader = "+++\ntitle = \"x\"\n[" + String(repeating: "a.", count: 40_000) + "b]\nk = 1\n+++\n"

    @Test func aTOMLHeaderOfFortyThousandPartsIsADiagnosticAndTheServerLivesOn() async throws {
        let folder = try TemporaryFolder()
        try folder.write("in-workspace.md", Self.deepTOMLHeader)
        let client = try ServerProcessTests.Client(directory: folder.path)
        defer { if client.process.isRunning { client.process.terminate() } }
        try client.send([
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": [
                "processId": nil, "rootUri": .string(DocumentURI.uri(ofPath: folder.path)), "capabilities": [:],
            ],
        ])
        #expect(await client.inbox.next { $0["id"]?.intValue == 1 }?["result"]?["capabilities"] != nil)
        try client.send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        let uri = DocumentURI.uri(ofPath: folder.path + "/deep.md")
        try client.send([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": [
                "textDocument": [
                    "uri": .string(uri), "languageId": "markdown", "version": 1, "text": .string(Self.deepTOMLHeader),
                ]
            ],
        ])
        let published = await client.inbox.next {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
        }
        let diagnostics = published?["params"]?["diagnostics"]?.arrayValue ?? []
        let syntax = try #require(
            diagnostics.first { $0["code"]?.stringValue == "front-matter-syntax" },
            "\(diagnostics)")
        // The 129th part, past the limit of 128: line 2, character 1 + 2 * 128 (both 0-based).
        #expect(syntax["range"]?["start"]?["line"]?.intValue == 2)
        #expect(syntax["range"]?["start"]?["character"]?.intValue == 257)
        // Still serving: shutdown is answered.
        try client.send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        #expect(await client.inbox.next { $0["id"]?.intValue == 2 }?["result"] == .null)
        try client.send(["jsonrpc": "2.0", "method": "exit"])
        let exited = await client.waitForExit(timeout: 10)
        #expect(exited)
        #expect(client.process.terminationStatus == 0)
    }
}
