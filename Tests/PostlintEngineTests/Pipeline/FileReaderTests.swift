import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintEngine

/// `FileReader` reads a regular file whole, in as few calls as its size allows.
@Suite struct FileReaderTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 65_537, 300_001])
    func readsEveryByteOfFilesOfAnySize(_ size: Int) throws {
        let folder = try TemporaryFolder()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = try folder.write("post.md", bytes: bytes)
        let read = try FileReader.read(path).get()
        #expect(read.count == size)
        #expect(read == bytes)
    }

    @Test func refusesFoldersAndMissingFiles() throws {
        let folder = try TemporaryFolder()
        #expect(throws: (any Error).self) { try FileReader.read(folder.path).get() }
        #expect(throws: (any Error).self) { try FileReader.read(folder.path + "/missing.md").get() }
    }

    /// A file longer than the size `fstat` gives (as files under /proc are, whose size is 0) is
    /// read on past it, whole.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps")))
    func aFileLongerThanItsStatedSizeIsReadWhole() throws {
        let read = try FileReader.read("/proc/version").get()
        let expected = try #require(FileManager.default.contents(atPath: "/proc/version"))
        #expect(read.count > 1)
        #expect(read == Array(expected))
    }

    /// A post found by a walk in steps is opened by name in its open folder: the same bytes, and
    /// a missing one fails with the path it is known by.
    @Test func aFileIsReadByNameInItsOpenFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts/a.md", "# A\n")
        var discovery = FileDiscovery.inSteps(paths: ["."], workingDirectory: folder.path)
        var found: [FileDiscovery.Candidate] = []
        while let files = discovery.nextFiles() { found += files }
        let candidate = try #require(found.first)
        #expect(candidate.folder != nil)
        #expect(candidate.name == "a.md")
        #expect(try candidate.read().get() == Array("# A\n".utf8))
        let handle = try #require(FolderHandle(path: folder.path + "/posts"))
        let missing = FileReader.read("gone.md", in: handle, path: "posts/gone.md")
        #expect(throws: (any Error).self) { try missing.get() }
        if case .failure(let error) = missing { #expect(error.path == "posts/gone.md") }
        #expect(FolderHandle(path: folder.path + "/posts/a.md") == nil, "a file is not a folder")
    }

    /// A walked post is read with one `read` when it is smaller than the first buffer; at the
    /// buffer's size and beyond, and through a link, the careful path reads it whole.
    @Test(arguments: [
        0, 1, 6_000, FileReader.firstReadSize - 1, FileReader.firstReadSize,
        FileReader.firstReadSize + 1, 3 * FileReader.firstReadSize + 5,
    ])
    func aFileReadByNameIsWholeAtAnySize(_ size: Int) throws {
        let folder = try TemporaryFolder()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ 3) }
        try folder.write("posts/a.md", bytes: bytes)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/posts/link.md", withDestinationPath: "a.md")
        let handle = try #require(FolderHandle(path: folder.path + "/posts"))
        #expect(try FileReader.read("a.md", in: handle, path: "posts/a.md").get() == bytes)
        #expect(try FileReader.read("link.md", in: handle, path: "posts/link.md").get() == bytes)
    }

    /// What a folder entry said was a post may be something else by the time it is read: a
    /// folder, or a link to a device that never ends, is refused, not read.
    @Test func aNameThatIsNoLongerARegularFileIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts/dir.md/inner.md", "# Inner\n")
        let handle = try #require(FolderHandle(path: folder.path + "/posts"))
        let asFolder = FileReader.read("dir.md", in: handle, path: "posts/dir.md")
        #expect(throws: (any Error).self) { try asFolder.get() }
        if case .failure(let error) = asFolder { #expect(error.message == "is a folder, not a file") }
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/posts/zero.md", withDestinationPath: "/dev/zero")
            let device = FileReader.read("zero.md", in: handle, path: "posts/zero.md")
            #expect(throws: (any Error).self) { try device.get() }
            if case .failure(let error) = device { #expect(error.message.contains("not a regular file")) }
        }
    }
}
