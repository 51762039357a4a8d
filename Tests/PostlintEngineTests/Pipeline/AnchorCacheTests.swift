import Dispatch
import Foundation
import Testing
import PostlintCore
import PostlintRules
import PostlintTestSupport
@testable import PostlintEngine

/// A run's file system works out each linked post's anchors once: later asks (from any thread)
/// get what the first read found, per anchor style, until the next run.
@Suite struct AnchorCacheTests {
    @Test func aPostsAnchorsAreReadOnceARunPerStyle() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "---\ntitle: t\n---\n# One\n")
        let files = CachingFileSystem()
        #expect(files.anchors(ofFile: path, style: .github)?.ids == ["one"])
        try folder.write("post.md", "# Two\n")
        #expect(files.anchors(ofFile: path, style: .github)?.ids == ["one"])
        #expect(files.anchors(ofFile: path, style: .kramdown)?.ids == ["two"])
        files.reset()
        #expect(files.anchors(ofFile: path, style: .github)?.ids == ["two"])
        #expect(files.anchors(ofFile: folder.path + "/missing.md", style: .github) == nil)
    }

    @Test func workersAskingTogetherGetOneAnswer() throws {
        let folder = try TemporaryFolder()
        var text = ""
        for index in 0..<500 { text += "## Section \(index)\n\n" }
        let path = try folder.write("long.md", text)
        let files = CachingFileSystem()
        let answers = AnswerList()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            answers.add(files.anchors(ofFile: path, style: .github)?.ids.count ?? -1)
        }
        #expect(answers.values == Array(repeating: 500, count: 16))
    }
}

private final class AnswerList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []

    func add(_ value: Int) {
        lock.lock()
        list.append(value)
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
