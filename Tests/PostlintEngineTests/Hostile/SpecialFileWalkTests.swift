import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// FIFOs and devices met by a folder walk are never opened, and never linted as empty posts:
/// each is reported with its path, as one named on the command line is.
@Suite struct SpecialFileWalkTests {
    static let clean = HostileFileSystemTests.clean

    @Test func aFIFOOrDeviceFoundByTheWalkIsReportedNotLinted() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts/ok.md", Self.clean)
        try folder.write("posts/empty.md", "")
        #expect(mkfifo(folder.path + "/posts/pipe.md", 0o644) == 0)
        #expect(symlink(folder.path + "/posts/pipe.md", folder.path + "/posts/link-to-pipe.md") == 0)
        #expect(symlink("/dev/null", folder.path + "/posts/null.md") == 0)
        // A FIFO not named like a post is no concern of the walk.
        #expect(mkfifo(folder.path + "/posts/pipe.txt", 0o644) == 0)
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.files == ["posts/empty.md", "posts/ok.md"])
        #expect(outcome.problems.compactMap(\.path).sorted() == ["posts/link-to-pipe.md", "posts/null.md", "posts/pipe.md"])
        let pipe = try #require(outcome.problems.first { $0.path == "posts/pipe.md" })
        #expect(pipe.message == "is a FIFO, not a regular file; not read")
        #expect(outcome.problems.first { $0.path == "posts/null.md" }?.message.contains("character device") == true)

        // The same from a discovery that keeps its whole list.
        var discovery = FileDiscovery(workingDirectory: folder.path)
        discovery.add("posts")
        #expect(discovery.candidates.map(\.displayPath) == ["posts/empty.md", "posts/ok.md"])
        #expect(discovery.problems.compactMap(\.path).sorted() == ["posts/link-to-pipe.md", "posts/null.md", "posts/pipe.md"])
    }

    /// A post replaced by a FIFO after the walk listed it is not read as an empty post either.
    @Test func aFIFOInAPostsPlaceAtReadTimeIsReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts/a.md", Self.clean)
        let handle = try #require(FolderHandle(path: folder.path + "/posts"))
        try FileManager.default.removeItem(atPath: folder.path + "/posts/a.md")
        #expect(mkfifo(folder.path + "/posts/a.md", 0o644) == 0)
        switch FileReader.read("a.md", in: handle, path: "posts/a.md") {
        case .success(let bytes): Issue.record("a FIFO was read as a post of \(bytes.count) bytes")
        case .failure(let error): #expect(error.message.contains("not a regular file"))
        }
        try FileManager.default.removeItem(atPath: folder.path + "/posts/a.md")
        try folder.write("posts/a.md", "")
        #expect(try FileReader.read("a.md", in: handle, path: "posts/a.md").get() == [])
    }
}
