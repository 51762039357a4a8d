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
        // until the diagnostics arrive; the first to have waited for all of them to spin (or 10
        // seconds, when other suites hold pool threads) sends the document, so the server gets it
        // while no pool thread is free. The times count from when the tasks start and the
        // document is sent, not from before: in a full test run other suites can hold the pool
        // for minutes before these tasks get a thread.
        let width = ProcessInfo.processInfo.activeProcessorCount
        let spinning = Locked(0)
        let firstStart = Locked<Date?>(nil)
        let sentAt = Locked<Date?>(nil)
        let sawDiagnostics = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<width {
                group.addTask {
                    let start = firstStart.withLock { first -> Date in
                        let start = first ?? Date()
                        first = start
                        return start
                    }
                    spinning.withLock { $0 += 1 }
                    while spinning.withLock({ $0 }) < width, Date() < start.addingTimeInterval(10) {}
                    let sent = sentAt.withLock { sent -> Bool in
                        guard sent == nil else { return false }
                        sent = Date()
                        return true
                    }
                    if sent { harness.open(uri, "---\nslug: post-3\n---\nText.\n") }
                    while !inbox.contains(where: published) {
                        let since = sentAt.withLock { $0 } ?? start
                        if Date() > since.addingTimeInterval(30) { break }
                    }
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
