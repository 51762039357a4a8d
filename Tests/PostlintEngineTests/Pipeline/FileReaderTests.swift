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
}
