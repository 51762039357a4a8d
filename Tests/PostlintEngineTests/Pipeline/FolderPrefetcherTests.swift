import Dispatch
import Foundation
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

    /// The walk runs on the same threads as the reads it queues: a read still waiting for a
    /// thread is claimed and done by the walk, never waited for.
    @Test func aQueuedReadThatHasNotStartedIsNotWaitedFor() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/x.md", "x\n")
        let stalled = DispatchQueue(label: "stalled")
        stalled.suspend()
        let ahead = FolderPrefetcher(window: 4, queue: stalled, readEntries: FileDiscovery.entriesThatMayMatter)
        ahead.prefetch([folder.path + "/a"])
        #expect(try ahead.listing(of: folder.path + "/a").get().map(\.name) == ["x.md"])
        // Once the queue runs, the claimed read is skipped and leaves nothing behind.
        stalled.resume()
        stalled.sync {}
        #expect(try ahead.listing(of: folder.path + "/a").get().map(\.name) == ["x.md"])
    }

    /// A discovery in steps hands out the same files, in the same order and with the same
    /// problems, as one that walks every path whole.
    @Test func aDiscoveryInStepsFindsWhatAWholeWalkFinds() throws {
        let folder = try TemporaryFolder()
        for section in 0..<12 {
            let name = "s\(section < 10 ? "0" : "")\(section)"
            try folder.write("\(name)/images/cover.png", "x")
            for post in 0..<3 { try folder.write("\(name)/p\(post).md", "x\n") }
            try folder.write("\(name)/deep/a/b.markdown", "x\n")
        }
        try folder.write("top.md", "x\n")
        // More posts in one folder than a step hands out, with a subfolder sorted among them.
        for post in 0..<(2 * FileDiscovery.filesPerStep + 17) { try folder.write("big/p\(post).md", "x\n") }
        try folder.write("big/p1/deeper.md", "x\n")
        try folder.write(".hidden/h.md", "x\n")
        try folder.write("node_modules/m.md", "x\n")
        try folder.write("s04/notes.txt", "x\n")
        // Links: to a post (followed), to a folder (not followed), and dangling.
        #expect(symlink(folder.path + "/top.md", folder.path + "/s05/linked.md") == 0)
        #expect(symlink(folder.path + "/s06", folder.path + "/s05/linked-folder") == 0)
        #expect(symlink(folder.path + "/nowhere.md", folder.path + "/s05/dangling.md") == 0)
        let pathLists: [[String]] = [
            ["."], [folder.path], ["s03", "s03/p1.md", "top.md"], ["s01/p0.md", "missing", ".", "s02"], ["top.md"],
            ["big"], ["big/p7.md", "big"],
        ]
        for paths in pathLists {
            var whole = FileDiscovery(workingDirectory: folder.path)
            for path in paths { whole.add(path) }
            // Read directly, and through a cache of listings (as a run reads them).
            for listings in [nil, CachingFileSystem()] {
                var inSteps = FileDiscovery.inSteps(paths: paths, workingDirectory: folder.path, listings: listings)
                var stepped: [FileDiscovery.Candidate] = []
                var steps = 0
                while let files = inSteps.nextFiles() {
                    stepped += files
                    steps += 1
                }
                #expect(stepped == Array(whole.candidates), "\(paths)")
                #expect(inSteps.problems.map(\.description) == whole.problems.map(\.description), "\(paths)")
                #expect(inSteps.candidates.isEmpty)
                if paths == ["big"] { #expect(steps >= 3) }
                if paths == ["."] {
                    #expect(steps > 12)
                    #expect(stepped.contains { $0.displayPath == "s05/linked.md" })
                }
            }
        }
    }
}
