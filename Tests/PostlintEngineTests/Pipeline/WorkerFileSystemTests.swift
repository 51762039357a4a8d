import Foundation
import Testing
import PostlintCore
import PostlintRules
import PostlintTestSupport
@testable import PostlintEngine

/// A worker's file system answers as the shared one does, and asks it about a folder once while
/// the folder stays among the last few it was asked about.
@Suite struct WorkerFileSystemTests {
    /// Counts the listings asked of it; folders are named `f0`, `f1`, … and hold `name-of-<folder>`.
    final class CountingFileSystem: FileContentsView, @unchecked Sendable {
        private let lock = NSLock()
        /// By the path's bytes: Swift's strings call two spellings of one name equal.
        private var asked: [[UInt8]: Int] = [:]

        func count(of folder: String) -> Int { lock.withLock { asked[Array(folder.utf8), default: 0] } }

        func kind(of path: String) -> FileKind { path.hasPrefix("f") ? .directory : .missing }
        func entries(of directory: String) -> [String]? {
            lock.withLock { asked[Array(directory.utf8), default: 0] += 1 }
            return directory == "unreadable" ? nil : ["name-of-" + directory]
        }
        func contents(of path: String) -> [UInt8]? { Array(path.utf8) }
    }

    @Test func answersAsTheSharedViewAndAsksItOncePerRememberedFolder() {
        let shared = CountingFileSystem()
        let worker = WorkerFileSystem(base: shared)
        for _ in 0..<5 {
            for index in 0..<WorkerFileSystem.capacity {
                #expect(worker.listing(of: "f\(index)")?.names == ["name-of-f\(index)"])
            }
        }
        for index in 0..<WorkerFileSystem.capacity { #expect(shared.count(of: "f\(index)") == 1) }
        // A folder that cannot be read is remembered as such.
        #expect(worker.listing(of: "unreadable") == nil)
        #expect(worker.listing(of: "unreadable") == nil)
        #expect(shared.count(of: "unreadable") == 1)
        // Past the capacity the oldest is forgotten, and asked again when wanted.
        #expect(worker.listing(of: "f0")?.names == ["name-of-f0"])
        #expect(shared.count(of: "f0") == 2)
        #expect(worker.entries(of: "f1") == ["name-of-f1"])
        #expect(worker.kind(of: "f1") == .directory)
        #expect(worker.contents(of: "f1/a.md") == Array("f1/a.md".utf8))
    }

    @Test func pathsAreComparedByTheirBytes() {
        let shared = CountingFileSystem()
        let worker = WorkerFileSystem(base: shared)
        let composed = "f-caf\u{E9}"
        let decomposed = "f-cafe\u{301}"
        #expect(worker.listing(of: composed)?.names == ["name-of-" + composed])
        #expect(worker.listing(of: decomposed)?.names == ["name-of-" + decomposed])
        #expect(shared.count(of: composed) == 1)
        #expect(shared.count(of: decomposed) == 1, "another spelling is another folder on disk")
    }
}
