import PostlintJSON
import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintLanguageServer

/// The built `postlint lsp` binary, spawned as an editor spawns it.
@Suite struct ServerProcessTests {
    /// A minimal client over the child's pipes.
    final class Client: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let inbox = Inbox()

        init(directory: String) throws {
            process.executableURL = CommandRunner.executable
            process.arguments = ["lsp"]
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let inbox = self.inbox
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if !data.isEmpty { _ = inbox.receive(Array(data)) }
            }
            try process.run()
        }

        func send(_ message: JSONValue) throws {
            let body = message.compactBytes()
            try input.fileHandleForWriting.write(contentsOf: Data(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body))
        }

        /// Waits up to `timeout` for the process to end, without holding a pool thread.
        func waitForExit(timeout: TimeInterval) async -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { try? await Task.sleep(nanoseconds: 20_000_000) }
            return !process.isRunning
        }
    }

    @Test func servesAPostAndEndsWhenTheClientGoesAwayWithoutExit() async throws {
        let folder = try TemporaryFolder()
        let client = try Client(directory: folder.path)
        defer { if client.process.isRunning { client.process.terminate() } }
        try client.send([
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": [
                "processId": nil, "rootUri": .string(DocumentURI.uri(ofPath: folder.path)), "capabilities": [:],
            ],
        ])
        #expect(await client.inbox.next { $0["id"]?.intValue == 1 }?["result"]?["capabilities"] != nil)
        try client.send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        let uri = DocumentURI.uri(ofPath: folder.path + "/post.md")
        try client.send([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": [
                "textDocument": [
                    "uri": .string(uri), "languageId": "markdown", "version": 1, "text": "---\nslug: Not Good\n---\n",
                ]
            ],
        ])
        let published = await client.inbox.next { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        let codes = LSP.codes(published?["params"]?["diagnostics"]?.arrayValue ?? [])
        #expect(codes.contains("slug-format"))
        // The editor crashes: its end of the pipe closes, no shutdown, no exit.
        try client.input.fileHandleForWriting.close()
        let exited = await client.waitForExit(timeout: 10)
        #expect(exited)
        #expect(client.process.terminationStatus == 1)
    }

    @Test func shutdownThenExitEndsWithCodeZero() async throws {
        let folder = try TemporaryFolder()
        let client = try Client(directory: folder.path)
        defer { if client.process.isRunning { client.process.terminate() } }
        try client.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["processId": nil, "capabilities": [:]]])
        try client.send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        #expect(await client.inbox.next { $0["id"]?.intValue == 2 }?["result"] == .null)
        try client.send(["jsonrpc": "2.0", "method": "exit"])
        let exited = await client.waitForExit(timeout: 10)
        #expect(exited)
        #expect(client.process.terminationStatus == 0)
    }
}
