import PostlintJSON
import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintLanguageServer

/// A workspace rooted at `/` or at the home folder is not scanned for posts (that would lint the
/// whole disk): only the open documents are linted, and the client is told why, unless it asks
/// for the scan with `initializationOptions.lintWorkspace`.
@Suite struct BroadWorkspaceTests {
    private func start(_ harness: ServerHarness, root: String, lintWorkspace: Bool?) async {
        var params: [(key: String, value: JSONValue)] = [
            ("processId", .null),
            ("rootUri", .string(DocumentURI.uri(ofPath: root))),
            ("capabilities", ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]),
        ]
        if let lintWorkspace { params.append(("initializationOptions", ["lintWorkspace": .bool(lintWorkspace)])) }
        _ = await harness.request("initialize", .object(params))
        harness.notify("initialized", [:])
    }

    private func logMessage(_ harness: ServerHarness) async -> String? {
        await harness.inbox.next(timeout: 5) { $0["method"]?.stringValue == "window/logMessage" }?["params"]?["message"]?
            .stringValue
    }

    @Test func aHomeFolderRootIsNotScannedAndTheClientIsToldWhy() async throws {
        let home = try TemporaryFolder()
        _ = try home.write("posts/other.md", "---\nslug: shared-slug\n---\n")
        let harness = ServerHarness(options: LanguageServer.Options(toolVersion: "9.9.9", homeFolder: home.path))
        await start(harness, root: home.path, lintWorkspace: nil)
        let message = try #require(await logMessage(harness))
        #expect(message.contains("home folder"))
        #expect(message.contains("lintWorkspace"))
        #expect(!harness.inbox.all.contains { $0["method"]?.stringValue == "client/registerCapability" })
        let uri = DocumentURI.uri(ofPath: home.path + "/posts/mine.md")
        harness.open(uri, "---\nslug: shared-slug\n---\n")
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 1))
        // The open document is linted; the post on disk was not read.
        #expect(LSP.codes(diagnostics).contains("required-fields"))
        #expect(!LSP.codes(diagnostics).contains("duplicate-slug"))
        _ = await harness.finish()
    }

    @Test func theClientMayAskForTheScan() async throws {
        let home = try TemporaryFolder()
        _ = try home.write("posts/other.md", "---\nslug: shared-slug\n---\n")
        let harness = ServerHarness(options: LanguageServer.Options(toolVersion: "9.9.9", homeFolder: home.path))
        await start(harness, root: home.path, lintWorkspace: true)
        let uri = DocumentURI.uri(ofPath: home.path + "/posts/mine.md")
        harness.open(uri, "---\nslug: shared-slug\n---\n")
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 1))
        #expect(LSP.codes(diagnostics).contains("duplicate-slug"))
        #expect(!harness.inbox.all.contains { $0["method"]?.stringValue == "window/logMessage" })
        _ = await harness.finish()
    }

    @Test func theRootOfTheDiskIsNotScanned() async throws {
        let harness = ServerHarness(options: LanguageServer.Options(toolVersion: "9.9.9", homeFolder: nil))
        await start(harness, root: "/", lintWorkspace: nil)
        let message = try #require(await logMessage(harness))
        #expect(message.contains("root of the file system"))
        _ = await harness.finish()
    }

    @Test func broadRootsAreRecognised() {
        #expect(LanguageServer.tooBroadARoot("/", home: "/home/u") != nil)
        #expect(LanguageServer.tooBroadARoot("/home/u/", home: "/home/u") != nil)
        #expect(LanguageServer.tooBroadARoot("/home/u/site", home: "/home/u") == nil)
        #expect(LanguageServer.tooBroadARoot("/srv/site", home: nil) == nil)
    }
}
