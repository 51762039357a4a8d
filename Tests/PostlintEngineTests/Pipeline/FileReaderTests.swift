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
}
