import Foundation
import Testing
import PostlintTestSupport

/// `check --staged` with the site facts cache, through the built binary and real git: the warm
/// run reports what `--no-cache` reports, and the cache goes where `POSTLINT_CACHE_DIR` says.
@Suite struct SiteFactsCacheCLITests {
    @Test func aStagedRunReportsTheSameWithAndWithoutTheCache() throws {
        let repository = try GitWorkflowTests.Repository()
        let cache = try TemporaryFolder()
        for index in 0..<30 { try repository.folder.write("posts/post-\(index).md", GitWorkflowTests.post("post-\(index)")) }
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "thirty posts")
        try repository.folder.write("posts/new.md", GitWorkflowTests.post("post-12", title: "Notes on tea, from a new post"))
        try repository.git("add", "posts/new.md")
        let environment = ["POSTLINT_CACHE_DIR": cache.path]
        func check(_ extra: [String]) throws -> CommandRunner.Output {
            try CommandRunner.run(
                ["check", "--staged", "--format", "json"] + extra, in: repository.url, environment: environment)
        }
        let without = try check(["--no-cache"])
        #expect(without.status == 1)
        #expect(without.standardOutput.contains("duplicate-slug"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
        let cold = try check([])
        let written = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(written.count == 1 && written[0].hasPrefix("site-facts-"))
        let warm = try check([])
        #expect(cold.standardOutput == without.standardOutput)
        #expect(warm.standardOutput == without.standardOutput)
        #expect(warm.status == 1)
        // A damaged cache changes nothing either.
        try Data("postlint site facts\n garbage".utf8).write(to: URL(fileURLWithPath: cache.path + "/" + written[0]))
        #expect(try check([]).standardOutput == without.standardOutput)
    }

    /// Once the site has been settled for two seconds, a staged run writes a snapshot of it
    /// beside the facts cache, and the next run, taking its site from there, reports the same.
    @Test func aStagedRunWritesASnapshotAndTheNextReportsTheSameFromIt() throws {
        let repository = try GitWorkflowTests.Repository()
        let cache = try TemporaryFolder()
        for index in 0..<12 { try repository.folder.write("posts/post-\(index).md", GitWorkflowTests.post("post-\(index)")) }
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "twelve posts")
        try repository.folder.write("posts/new.md", GitWorkflowTests.post("post-7", title: "Notes on tea, from a new post"))
        try repository.git("add", "posts/new.md")
        // Paths changed in the last two seconds are not trusted to stay as they are.
        Thread.sleep(forTimeInterval: 2.2)
        let environment = ["POSTLINT_CACHE_DIR": cache.path]
        func check(_ extra: [String] = []) throws -> CommandRunner.Output {
            try CommandRunner.run(
                ["check", "--staged", "--format", "json"] + extra, in: repository.url, environment: environment)
        }
        let walked = try check(["--no-cache"])
        #expect(walked.standardOutput.contains("duplicate-slug"))
        #expect(try check().standardOutput == walked.standardOutput)
        let written = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        #expect(written.count == 2 && written[0].hasPrefix("site-facts-") && written[1].hasPrefix("site-snapshot-"))
        let fromSnapshot = try check()
        #expect(fromSnapshot.standardOutput == walked.standardOutput)
        #expect(fromSnapshot.status == 1)
    }

    /// The links that keep the staged post from being an orphan live in another post: with its
    /// facts from the cache, the staged run reports what `--no-cache` reports, and once that post
    /// drops its link (committed, so the cache's entry is stale), the orphan is reported again.
    @Test func linksFromOtherPostsComeFromTheCacheAndAStaleEntryHidesNoFinding() throws {
        let repository = try GitWorkflowTests.Repository()
        let cache = try TemporaryFolder()
        try repository.folder.write(".postlint.yml", "rules:\n  orphan-post: warning\n")
        for index in 0..<12 {
            let next = "post-\((index + 1) % 12).md"
            try repository.folder.write(
                "posts/post-\(index).md",
                GitWorkflowTests.post("post-\(index)") + "Next: [more tea](\(next)).\n")
        }
        let linking = GitWorkflowTests.post("post-3") + "Next: [more tea](post-4.md), and [the new one](new.md).\n"
        try repository.folder.write("posts/post-3.md", linking)
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "a ring of posts")
        try repository.folder.write(
            "posts/new.md", GitWorkflowTests.post("new-post", title: "A new post on tea") + "Back to [the first](post-0.md).\n")
        try repository.git("add", "posts/new.md")
        let environment = ["POSTLINT_CACHE_DIR": cache.path]
        func check(_ extra: [String] = []) throws -> String {
            try CommandRunner.run(
                ["check", "--staged", "--format", "json"] + extra, in: repository.url,
                environment: environment
            ).standardOutput
        }
        let linked = try check(["--no-cache"])
        #expect(!linked.contains("orphan-post"))
        #expect(try check() == linked)
        #expect(try check() == linked)
        // post-3 no longer links to the new post.
        try repository.folder.write("posts/post-3.md", GitWorkflowTests.post("post-3") + "Next: [more tea](post-4.md).\n")
        // Committed alone (the new post stays staged).
        try repository.git("commit", "-q", "-m", "post-3 forgets the new post", "--", "posts/post-3.md")
        let orphaned = try check(["--no-cache"])
        #expect(orphaned.contains("orphan-post"))
        #expect(try check() == orphaned)
        #expect(try check() == orphaned)
    }
}
