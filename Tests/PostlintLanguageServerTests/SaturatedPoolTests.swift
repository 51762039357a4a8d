import Foundation
import Testing
import PostlintCore
import PostlintJSON
import PostlintTestSupport
@testable import PostlintLanguageServer

/// The server runs off Swift's cooperative thread pool: while every pool thread is busy, it still
/// reads the workspace, lints and publishes. (Were any of its steps waiting for a pool thread,
/// nothing would be published until the busy tasks gave up.)
@Suite struct SaturatedPoolTests {
    @Test func publishesDiagnosticsWhileEveryPoolThreadIsBusy() async throws {
        let folder = try TemporaryFolder()
        for index in 0..<20 {
            try folder.write("posts/post-\(index).md", "---\nslug: post-\(index)\n---\nText.\n")
        }
        let harness = ServerHarness()
        // Started before the pool is saturated: the server is waiting for input on its own queue.
        #expect(await harness.start(root: URL(fileURLWithPath: folder.path)) != nil)
        let uri = DocumentURI.uri(ofPath: folder.path + "/posts/mine.md")
        let inbox = harness.inbox
        let published: @Sendable (JSONValue) -> Bool = { message in
            message["method"]?.stringValue == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.stringValue == uri
        }

        // One busy task per pool thread (the pool has one per core). Each spins, never suspending,
        // until the diagnostics arrive or 30 seconds pass; the first sends the document once all
        // of them are spinning (or after 10 seconds, when other suites hold pool threads), so the
        // server gets the document while no pool thread is free.
        let width = ProcessInfo.processInfo.activeProcessorCount
        let spinning = Locked(0)
        let allSpinningBy = Date().addingTimeInterval(10)
        let deadline = Date().addingTimeInterval(30)
        let sawDiagnostics = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<width {
                group.addTask {
                    spinning.withLock { $0 += 1 }
                    while spinning.withLock({ $0 }) < width, Date() < allSpinningBy {}
                    if index == 0 { harness.open(uri, "---\nslug: post-3\n---\nText.\n") }
                    while !inbox.contains(where: published), Date() < deadline {}
                    return inbox.contains(where: published)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(sawDiagnostics == Array(repeating: true, count: width), "the server waited for a pool thread")
        let diagnostics = try #require(await harness.diagnostics(for: uri))
        #expect(LSP.codes(diagnostics).contains("duplicate-slug"), "the workspace was read while the pool was busy")
        #expect(await harness.request("shutdown")?["result"] == .null)
        harness.notify("exit", .null)
        #expect(await harness.waitForExit() == 0)
    }
}
