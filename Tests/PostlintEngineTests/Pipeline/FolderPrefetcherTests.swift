import Testing
import PostlintTestSupport
@testable import PostlintEngine

/// Folders read ahead on other threads must leave the walk's result exactly as reading them one by
/// one: the same files, in depth-first name order, and the same problems.
@Suite struct FolderPrefetcherTests {
    @Test func aWideAndDeepTreeIsFoundInDepthFirstNameOrder() throws {
        let folder = try TemporaryFolder()
        var expected: [String] = []
        // 30 sections of 3 posts and a nested folder each, and images beside the posts: far more
        // folders than the walk reads ahead.
        for section in 0..<30 {
            let name = "section-\(section < 10 ? "0" : "")\(section)"
            try folder.write("\(name)/images/cover.png", "x")
            for post in 0..<3 { try folder.write("\(name)/post-\(post).md", "x\n") }
            try folder.write("\(name)/z-deeper/a/b/c.md", "x\n")
            expected += (0..<3).map { "\(name)/post-\($0).md" } + ["\(name)/z-deeper/a/b/c.md"]
        }
        var discovery = FileDiscovery(workingDirectory: folder.path)
        discovery.add(".")
        #expect(discovery.candidates.map(\.displayPath) == expected)
        #expect(discovery.problems.isEmpty)
    }

    @Test func listingsAreTheSameReadAheadOrNot() throws {
        let folder = try TemporaryFolder()
        for name in ["b/x.md", "a/y.md", "a/images/p.png", "c/d/e.md", "notes.txt", ".hidden/z.md"] {
            try folder.write(name, "x\n")
        }
        let reader: @Sendable (String) -> FolderPrefetcher.Listing = FileDiscovery.entriesThatMayMatter
        let ahead = FolderPrefetcher(window: 8, readEntries: reader)
        ahead.prefetch([folder.path, folder.path + "/a", folder.path + "/missing"])
        for path in [folder.path, folder.path + "/a", folder.path + "/c", folder.path + "/c/d"] {
            let prefetched = try ahead.listing(of: path).get().map(\.name)
            let direct = try reader(path).get().map(\.name)
            #expect(prefetched == direct, "\(path)")
        }
        #expect(try FileDiscovery.entriesThatMayMatter(in: folder.path).get().map(\.name) == ["a", "b", "c"])
        // A folder that cannot be read reports its errno either way.
        #expect(throws: FolderPrefetcher.FolderError.self) { try ahead.listing(of: folder.path + "/missing").get() }
    }
}
