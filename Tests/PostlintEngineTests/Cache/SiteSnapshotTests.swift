import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// `check --staged` taking its site from the snapshot the last such run made: it reports what a
/// walk reports, and whatever the snapshot depends on that changes (a post committed since, a
/// configuration or ignore file edited in place, a new post, a damaged file) has the site walked
/// again or the post read again, so no finding is hidden.
@Suite struct SiteSnapshotTests {
    /// A repository of 20 committed posts and a staged `posts/new.md` with `newSlug`.
    final class Repository {
        let site: SiteFactsCacheTests.Site
        var root: String { site.folder.path }
        var snapshotPath: String { SiteSnapshotStore(besides: SiteFactsCache(path: site.cachePath, toolVersion: "1.0")).path }

        init(newSlug: String = "new-post", configuration: String? = nil, ignore: String? = nil) throws {
            site = try SiteFactsCacheTests.Site(newSlug: newSlug)
            if let configuration { try site.write(".postlint.yml", configuration) }
            if let ignore { try site.write(".gitignore", ignore) }
            try git("init", "-q", "-b", "main")
            try git("add", ".")
            try git("reset", "-q", "posts/new.md")
            try git("commit", "-q", "-m", "a site")
            try git("add", "posts/new.md")
        }

        func git(_ arguments: String...) throws { try SiteFactsCacheTests.git(arguments, in: root) }

        /// The staged run's findings, and whether it took its site from the snapshot. With
        /// `snapshot`, the clock is 10 s ahead, so every path counts as settled.
        func lintStaged(snapshot: Bool, from folder: String = "", paths: [String] = ["."], clockAhead: Int64 = 10)
            throws -> (findings: [String], taken: Bool)
        {
            let workingDirectory = folder.isEmpty ? root : root + "/" + folder
            let linter = try Linter(
                workingDirectory: workingDirectory, fileSystem: IndexFileSystem.forRepository(at: workingDirectory))
            var options = LintOptions()
            try options.lintStaged(inRepositoryAround: root)
            var store: SiteSnapshotStore?
            if snapshot {
                let cache = SiteFactsCache(
                    path: site.cachePath, toolVersion: "1.0", now: FileSignature.currentTime() + clockAhead)
                options.siteFactsCache = cache
                store = SiteSnapshotStore(besides: cache)
                options.siteSnapshot = store
            }
            let findings = try linter.lint(paths: paths, options: options).findings
            return (findings.map { "\($0.path):\($0.start) \($0.ruleID) \($0.message)" }, store?.takenCount == 1)
        }

        /// Checks that the run with the snapshot reports what a walk without any cache reports,
        /// and returns whether it took the site from the snapshot.
        func lintAndCompare(_ comment: Comment, from folder: String = "", paths: [String] = ["."]) throws
            -> (findings: [String], taken: Bool)
        {
            let run = try lintStaged(snapshot: true, from: folder, paths: paths)
            let walked = try lintStaged(snapshot: false, from: folder, paths: paths)
            #expect(run.findings == walked.findings, comment)
            return run
        }
    }

    @Test func aSecondRunTakesTheSiteFromTheSnapshotAndReportsWhatAWalkReports() throws {
        let repository = try Repository(newSlug: "post-3")
        let first = try repository.lintAndCompare("the run that makes the snapshot")
        #expect(!first.taken)
        #expect(FileManager.default.fileExists(atPath: repository.snapshotPath))
        #expect(first.findings.contains { $0.contains("duplicate-slug") })
        let second = try repository.lintAndCompare("the run that takes it")
        #expect(second.taken)
        #expect(second.findings == first.findings)
    }

    /// Posts outside the working folder (`..`) keep their absolute paths spelled out.
    @Test func aRunFromASubfolderOverItsParentTakesTheSiteToo() throws {
        let repository = try Repository(newSlug: "post-3")
        let made = try repository.lintAndCompare("making the snapshot", from: "posts", paths: [".."])
        #expect(made.findings.contains { $0.contains("duplicate-slug") && $0.contains("../posts/new.md") })
        let taken = try repository.lintAndCompare("taking it", from: "posts", paths: [".."])
        #expect(taken.taken)
        #expect(taken.findings == made.findings)
        #expect(!(try repository.lintAndCompare("another run's snapshot is not this one's").taken))
    }

    @Test func aPostCommittedSinceItsFactsWereKeptIsReadAgain() throws {
        let repository = try Repository()
        _ = try repository.lintAndCompare("making the snapshot")
        #expect(try !repository.lintAndCompare("taking it").findings.contains { $0.contains("duplicate-slug") })
        // Edited but not staged: the commit still holds the old post.
        try repository.site.write("posts/post-5.md", SiteFactsCacheTests.post(slug: "new-post", title: "Title 5"))
        let unstaged = try repository.lintAndCompare("a post edited, not staged")
        #expect(unstaged.taken)
        #expect(!unstaged.findings.contains { $0.contains("duplicate-slug") })
        // Committed: its content in the index changed, so it is read again and the slug is shared.
        try repository.git("commit", "-q", "-m", "post 5 takes the slug", "posts/post-5.md")
        let committed = try repository.lintAndCompare("a post committed since")
        #expect(committed.taken, "one post changed: it is read, the rest comes from the snapshot")
        #expect(committed.findings.contains { $0.contains("duplicate-slug") && $0.contains("posts/post-5.md") })
    }

    @Test func aPostThatWasUntrackedCountsOnceItIsCommitted() throws {
        let repository = try Repository()
        try repository.site.write("posts/draft.md", SiteFactsCacheTests.post(slug: "new-post", title: "A draft"))
        let untracked = try repository.lintAndCompare("a draft only in the working tree")
        #expect(!untracked.findings.contains { $0.contains("duplicate-slug") })
        #expect(try repository.lintAndCompare("taken").taken)
        try repository.git("add", "posts/draft.md")
        try repository.git("commit", "-q", "-m", "the draft", "posts/draft.md")
        let committed = try repository.lintAndCompare("the draft committed")
        #expect(committed.findings.contains { $0.contains("duplicate-slug") && $0.contains("posts/draft.md") })
    }

    @Test func aConfigurationEditedInPlaceHasTheSiteWalkedAgain() throws {
        let repository = try Repository(newSlug: "post-3", configuration: "rules:\n  duplicate-slug: off\n")
        _ = try repository.lintAndCompare("making the snapshot")
        let quiet = try repository.lintAndCompare("taking it")
        #expect(quiet.taken)
        #expect(!quiet.findings.contains { $0.contains("duplicate-slug") })
        // Rewritten in its place: its folder's times do not move, its own do.
        try repository.site.write(".postlint.yml", "rules:\n  duplicate-slug: error\n")
        let loud = try repository.lintAndCompare("the rule turned on")
        #expect(!loud.taken)
        #expect(loud.findings.contains { $0.contains("duplicate-slug") })
    }

    @Test func anIgnoreFileEditedInPlaceHasTheSiteWalkedAgain() throws {
        let repository = try Repository(ignore: "archive/\n")
        try repository.site.write("archive/old.md", SiteFactsCacheTests.post(slug: "new-post", title: "An old post"))
        try repository.git("add", "-f", "archive/old.md")
        try repository.git("commit", "-q", "-m", "an archived post", "archive/old.md")
        _ = try repository.lintAndCompare("making the snapshot")
        #expect(try !repository.lintAndCompare("taking it").findings.contains { $0.contains("duplicate-slug") })
        try repository.site.write(".gitignore", "drafts/\n")
        let walked = try repository.lintAndCompare("the archive no longer ignored")
        #expect(!walked.taken)
        #expect(walked.findings.contains { $0.contains("duplicate-slug") && $0.contains("archive/old.md") })
    }

    @Test func aNewFolderOfPostsHasTheSiteWalkedAgain() throws {
        let repository = try Repository()
        _ = try repository.lintAndCompare("making the snapshot")
        #expect(try repository.lintAndCompare("taking it").taken)
        try repository.site.write("more/other.md", SiteFactsCacheTests.post(slug: "new-post", title: "Another"))
        try repository.git("add", "more/other.md")
        try repository.git("commit", "-q", "-m", "another post", "more/other.md")
        let walked = try repository.lintAndCompare("a new folder")
        #expect(!walked.taken)
        #expect(walked.findings.contains { $0.contains("duplicate-slug") && $0.contains("more/other.md") })
    }

    /// Editors that save by renaming a new file over the post, or keep a swap file beside it,
    /// move the folder's times without changing the site: its listing is compared instead.
    @Test func aPostSavedByRenamingAndASwapFileLeaveTheSnapshotInUse() throws {
        let repository = try Repository(newSlug: "post-3")
        let made = try repository.lintAndCompare("making the snapshot")
        let folder = repository.root + "/posts"
        try repository.site.write("posts/.post-5.md.swp", "swap")
        try repository.site.write("posts/post-5.md.tmp", SiteFactsCacheTests.post(slug: "post-5", title: "Title 5, edited"))
        #expect(rename(folder + "/post-5.md.tmp", folder + "/post-5.md") == 0)
        try repository.site.write("posts/cover.png", "an image")
        let taken = try repository.lintAndCompare("a post renamed over, a swap file and an image beside it")
        #expect(taken.taken)
        #expect(taken.findings == made.findings)
    }

    @Test func aNewConfigurationInAListedFolderHasTheSiteWalkedAgain() throws {
        let repository = try Repository(newSlug: "post-3")
        #expect(try repository.lintAndCompare("making the snapshot").findings.contains { $0.contains("duplicate-slug") })
        try repository.site.write("posts/.postlint.yml", "rules:\n  duplicate-slug: off\n")
        let walked = try repository.lintAndCompare("a configuration beside the posts")
        #expect(!walked.taken)
        #expect(!walked.findings.contains { $0.contains("duplicate-slug") })
    }

    /// `orphan-image` judges the images beside each post, which a snapshot does not keep.
    @Test func factsThatReadOtherFilesMakeNoSnapshot() throws {
        let repository = try Repository(configuration: "rules:\n  orphan-image: warning\n")
        _ = try repository.lintAndCompare("a run with orphan-image on")
        #expect(!FileManager.default.fileExists(atPath: repository.snapshotPath))
        #expect(!(try repository.lintAndCompare("and another").taken))
    }

    @Test func aDamagedSnapshotIsNoSnapshot() throws {
        let repository = try Repository(newSlug: "post-3")
        let made = try repository.lintAndCompare("making the snapshot")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: repository.snapshotPath)))
        let stamp = SiteFactsCache(path: repository.site.cachePath, toolVersion: "1.0").stamp
        #expect(SiteSnapshot.decode(bytes, stamp: stamp) != nil)
        #expect(SiteSnapshot.decode(bytes, stamp: stamp + "x") == nil, "another program's")
        // Every cut, and a flipped byte anywhere, is no snapshot (and no crash).
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(SiteSnapshot.decode(Array(bytes.prefix(length)), stamp: stamp) == nil)
        }
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            var flipped = bytes
            flipped[position] ^= 0x20
            #expect(SiteSnapshot.decode(flipped, stamp: stamp) == nil, "byte \(position) flipped")
        }
        var damaged = bytes
        damaged[damaged.count - 1] ^= 0xFF
        try Data(damaged).write(to: URL(fileURLWithPath: repository.snapshotPath))
        let run = try repository.lintAndCompare("a damaged snapshot")
        #expect(!run.taken)
        #expect(run.findings == made.findings)
        #expect(try repository.lintAndCompare("the snapshot made anew").taken)
    }

    @Test func pathsChangedInTheLastSecondsMakeNoSnapshot() throws {
        let repository = try Repository()
        // With the true clock, the posts just written are not settled.
        let linter = try Linter(workingDirectory: repository.root, fileSystem: IndexFileSystem.forRepository(at: repository.root))
        var options = LintOptions()
        try options.lintStaged(inRepositoryAround: repository.root)
        let cache = SiteFactsCache(path: repository.site.cachePath, toolVersion: "1.0")
        options.siteFactsCache = cache
        options.siteSnapshot = SiteSnapshotStore(besides: cache)
        _ = try linter.lint(paths: ["."], options: options)
        #expect(!FileManager.default.fileExists(atPath: repository.snapshotPath))
    }

    /// Right after a change a new snapshot could not be written (it would not be settled): the
    /// run walks without making one, and leaves the old file for a later run to replace.
    @Test func aRunRightAfterAChangeMakesNoSnapshot() throws {
        let repository = try Repository()
        _ = try repository.lintAndCompare("making the snapshot")
        try repository.site.write("more/other.md", SiteFactsCacheTests.post(slug: "other", title: "Another"))
        let walked = try repository.lintStaged(snapshot: true, clockAhead: 0)
        #expect(!walked.taken)
        #expect(FileManager.default.fileExists(atPath: repository.snapshotPath), "left as it was")
        #expect(!(try repository.lintStaged(snapshot: true).taken), "the old snapshot is still stale")
        #expect(try repository.lintStaged(snapshot: true).taken, "the walk before made a new one")
    }

    @Test func whatIsWatchedAboveTheRepositoryIsWhatTheLookUpsThereAskFor() {
        let names = SiteSnapshotWatch.namesAboveRepository
        for name in ConfigurationLoader.fileNames + HugoSite.configNames + JekyllSite.configNames + [".gitignore"] {
            #expect(names.contains(name))
        }
    }
}
