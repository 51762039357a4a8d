import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The language server scans its workspace from a queue of its own while Swift's cooperative
/// pool may be busy: the scan's workers must not wait for a shared pool's thread (Dispatch's
/// `concurrentPerform`, which the scan used, waits for every helper it asks the global pool for).
/// Here every thread of both pools is kept busy while the scan runs, and it must finish.
@Suite struct WorkspaceScanPoolTests {
    @Test func theWorkspaceScanFinishesWhileEveryPoolThreadIsBusy() throws {
        let site = try SiteFactsCacheTests.Site(count: 300)
        let root = site.folder.path
        let linter = try Linter(workingDirectory: root)
        let finished = Locked<Int?>(nil)
        let width = ProcessInfo.processInfo.activeProcessorCount
        let spinning = Locked(0)
        let deadline = Date().addingTimeInterval(20)
        let spinners = DispatchGroup()
        // One busy block per thread of Dispatch's global pool (and one per thread of Swift's
        // cooperative pool, which the language server meets), spinning without blocking until
        // the scan is done or 20 seconds pass.
        for _ in 0..<width {
            DispatchQueue.global().async(group: spinners) {
                spinning.withLock { $0 += 1 }
                while finished.withLock({ $0 }) == nil, Date() < deadline {}
            }
            Task.detached {
                while finished.withLock({ $0 }) == nil, Date() < deadline {}
            }
        }
        while spinning.withLock({ $0 }) < width, Date() < deadline { usleep(1_000) }
        let facts = linter.siteFactsOfPosts(below: root, displayPath: { String($0.dropFirst(root.count + 1)) }, cache: nil)
        let finishedBeforeTheDeadline = Date() < deadline
        finished.withLock { $0 = facts.count }
        spinners.wait()
        #expect(finishedBeforeTheDeadline, "the scan waited for a pool thread")
        #expect(facts.count == 301)
    }
}
