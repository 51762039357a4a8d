import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// A folder swapped for a link to a folder outside the tree while the walk runs: each subfolder
/// is opened in its parent's open folder without following links, so no file outside is read.
@Suite struct FolderSwapTests {
    static let inside = "---\ntitle: Inside\n---\ninside\n"
    static let outside = "---\ntitle: Outside\nslug: OUTSIDE-SECRET\n---\noutside\n"

    /// Swaps `site/sub` for a link to `outside` after the walk has listed `site` (and, most
    /// likely, read ahead `sub`'s listing), then lets the walk go on.
    @Test func aFolderSwappedForALinkAfterItWasListedIsNotWalked() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md", Self.inside)
        try folder.write("site/sub/inner.md", Self.inside)
        try folder.write("outside/inner.md", Self.outside)
        try folder.write("outside/secret.md", Self.outside)
        var discovery = FileDiscovery.inSteps(paths: ["site"], workingDirectory: folder.path)
        var found: [FileDiscovery.Candidate] = []
        guard let first = discovery.nextFiles() else {
            Issue.record("the walk found nothing")
            return
        }
        found += first
        // The hook: between the visit of `site` and that of `sub`.
        try FileManager.default.moveItem(atPath: folder.path + "/site/sub", toPath: folder.path + "/sub-moved")
        #expect(symlink(folder.path + "/outside", folder.path + "/site/sub") == 0)
        while let more = discovery.nextFiles() { found += more }
        var read: [String: String] = [:]
        for candidate in found {
            if case .success(let bytes) = candidate.read() {
                read[candidate.displayPath] = String(decoding: bytes, as: UTF8.self)
            }
        }
        #expect(read["site/a.md"] == Self.inside)
        #expect(!read.values.contains { $0.contains("OUTSIDE-SECRET") }, "\(read)")
        #expect(discovery.problems.contains { $0.path == "site/sub" }, "\(discovery.problems)")
    }

    /// The same through the linter, with another thread swapping the folder and the link back
    /// and forth for the whole run (bounded in time): no post from outside is ever linted.
    @Test func aFolderSwappedBackAndForthDuringRunsNeverLeadsOutside() throws {
        let folder = try TemporaryFolder()
        for index in 0..<20 { try folder.write("site/p\(index).md", Self.inside) }
        for index in 0..<20 { try folder.write("site/sub/s\(index).md", Self.inside) }
        for index in 0..<20 { try folder.write("outside/s\(index).md", Self.outside) }
        let root = folder.path
        // Were an outside post linted, its slug would be quoted in a finding.
        let direct = try Linter(workingDirectory: root).lint(paths: ["outside"])
        #expect(direct.findings.contains { $0.message.contains("OUTSIDE-SECRET") })
        #expect(symlink(root + "/outside", root + "/link") == 0)
        let stop = Atomic(false)
        let swapper = Thread {
            while !stop.value {
                rename(root + "/site/sub", root + "/real")
                rename(root + "/link", root + "/site/sub")
                rename(root + "/site/sub", root + "/link")
                rename(root + "/real", root + "/site/sub")
            }
        }
        swapper.start()
        defer { stop.value = true }
        let deadline = Date().addingTimeInterval(HangGuard.seconds(3))
        var runs = 0
        while Date() < deadline {
            let outcome = try Linter(workingDirectory: root).lint(paths: ["site"])
            #expect(!outcome.findings.contains { $0.message.contains("OUTSIDE-SECRET") })
            runs += 1
        }
        stop.value = true
        #expect(runs > 0)
    }
}

/// A flag shared with the swapping thread.
private final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool
    init(_ value: Bool) { stored = value }
    var value: Bool {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
