import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// A folder of thousands of long names fills many `readdir` buffers, so some entry ends right at
/// a buffer's end. Reading each name as the whole 256-byte `d_name` array read past it: a crash
/// over a folder of 100,000 images, and a heap overflow that AddressSanitizer reports here.
@Suite struct LargeFolderTests {
    static func folderOfManyLongNames(count: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/images", withIntermediateDirectories: true)
        let padding = String(repeating: "n", count: 120)
        for index in 0..<count {
            _ = FileManager.default.createFile(atPath: folder.path + "/images/\(padding)-\(index).png", contents: nil)
        }
        return folder
    }

    @Test func everyNameOfALargeFolderIsReadWhole() throws {
        let count = 6_000
        let folder = try Self.folderOfManyLongNames(count: count)
        let names = try #require(LocalFileSystem().entries(of: folder.path + "/images"))
        #expect(names.count == count)
        #expect(names.allSatisfy { $0.hasSuffix(".png") && $0.utf8.count > 120 })
        let listing = try #require(CachingFileSystem().listing(of: folder.path + "/images"))
        #expect(listing.contains(String(repeating: "n", count: 120) + "-5999.png"))
    }

    @Test func discoveryWalksALargeFolderOfPosts() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/posts", withIntermediateDirectories: true)
        let padding = String(repeating: "p", count: 120)
        for index in 0..<4_000 {
            _ = FileManager.default.createFile(atPath: folder.path + "/posts/\(padding)-\(index).md", contents: Data("x\n".utf8))
        }
        var discovery = FileDiscovery(workingDirectory: folder.path)
        discovery.add(folder.path)
        #expect(discovery.candidates.count == 4_000)
    }

    @Test func aFolderListingKnowsFilesFoldersAndLinks() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.png", "x")
        try folder.write("site/images/b.png", "x")
        #expect(symlink(folder.path + "/site/a.png", folder.path + "/site/link.png") == 0)
        let listing = try #require(LocalFileSystem().listing(of: folder.path + "/site"))
        #expect(listing.kind(of: "a.png") == .file)
        #expect(listing.kind(of: "images") == .directory)
        #expect(listing.kind(of: "link.png") == nil)
        #expect(Set(listing.names) == ["a.png", "images", "link.png"])
    }
}
