import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The site facts cache of small runs (`--staged`, `--changed-since`): a hit gives the findings a
/// run without it gives, and a cache that is stale, damaged or another program's never hides one.
@Suite struct SiteFactsCacheTests {
    static func post(slug: String, title: String) -> String {
        """
        ---
        title: "\(title)"
        slug: \(slug)
        excerpt: "A post about \(title), written for the cache tests, long enough for the excerpt rule."
        keywords: ["\(slug)"]
        ---

        Tea, again.

        """
    }

    /// A site of `count` posts plus `new.md`, the one post a small run checks.
    final class Site {
        let folder: TemporaryFolder
        let cacheFolder: TemporaryFolder
        var cachePath: String { cacheFolder.path + "/site-facts.bin" }

        init(count: Int = 20, newSlug: String = "new-post") throws {
            folder = try TemporaryFolder()
            cacheFolder = try TemporaryFolder()
            for index in 0..<count {
                try folder.write(
                    "posts/post-\(index).md", SiteFactsCacheTests.post(slug: "post-\(index)", title: "Title \(index)"))
            }
            try folder.write("posts/new.md", SiteFactsCacheTests.post(slug: newSlug, title: "A new post"))
        }

        /// Lints the site reporting `new.md` only; with `cache`, through a cache in `cachePath`.
        /// `clockAhead` seconds ahead of the clock, every post is settled (trusted by its signature).
        func lint(cache: Bool, toolVersion: String = "1.0", clockAhead: Int64 = 0) throws
            -> (findings: [Finding], cache: SiteFactsCache?)
        {
            let linter = try Linter(workingDirectory: folder.path)
            var options = LintOptions(reportOnly: [folder.path + "/posts/new.md"])
            let factsCache =
                cache
                ? SiteFactsCache(
                    path: cachePath, toolVersion: toolVersion,
                    now: FileSignature.currentTime() + clockAhead) : nil
            options.siteFactsCache = factsCache
            return (Array(try linter.lint(paths: ["."], options: options).findings), factsCache)
        }

        func write(_ relative: String, _ text: String) throws {
            try folder.write(relative, text)
        }
    }

    /// Runs git with `arguments` in `root`, as a test's author and without signing.
    static func git(_ arguments: [String], in root: String) throws {
        let result = try CommandRunner.run(
            ["-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]
                + arguments,
            in: URL(fileURLWithPath: root), executable: URL(fileURLWithPath: "/usr/bin/git"))
        #expect(result.status == 0, "git \(arguments): \(result.standardError)")
    }

    private func describe(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.path):\($0.start) \($0.ruleID) \($0.message)" }
    }

    @Test func aWarmCacheGivesTheFindingsOfARunWithoutIt() throws {
        let site = try Site(newSlug: "post-3")
        let without = try site.lint(cache: false).findings
        #expect(without.contains { $0.ruleID == "duplicate-slug" && $0.message.contains("posts/post-3.md") })
        let cold = try site.lint(cache: true)
        #expect(cold.cache?.hitCount == 0)
        #expect(FileManager.default.fileExists(atPath: site.cachePath))
        let warm = try site.lint(cache: true)
        // Every other post's facts came from the cache (none was read).
        #expect(warm.cache?.hitCount == 20)
        #expect(describe(cold.findings) == describe(without))
        #expect(describe(warm.findings) == describe(without))
    }

    /// Posts in many folders, the walk going from one to the next and back to one already seen:
    /// every post's facts come from the cache on the second run.
    @Test func postsOfEveryFolderHaveTheirFactsFromTheCache() throws {
        let site = try Site(count: 4)
        for folder in ["a", "b", "a/c", "d"] {
            for index in 0..<3 {
                try site.write(
                    "\(folder)/post-\(index).md",
                    Self.post(slug: "\(folder.replacingOccurrences(of: "/", with: "-"))-\(index)", title: "\(folder) \(index)"))
            }
        }
        let cold = try site.lint(cache: true)
        #expect(cold.cache?.hitCount == 0)
        let warm = try site.lint(cache: true)
        #expect(warm.cache?.hitCount == 4 + 12)
        #expect(describe(warm.findings) == describe(cold.findings))
    }

    @Test func aPostChangedSinceItsFactsWereKeptIsReadAgain() throws {
        let site = try Site()
        _ = try site.lint(cache: true)
        #expect(try site.lint(cache: true).findings.allSatisfy { $0.ruleID != "duplicate-slug" })
        // Same length, written at once (within the clock's granularity of the recording): only
        // the content tells.
        try site.write("posts/post-5.md", Self.post(slug: "new-post", title: "Title 5"))
        let warm = try site.lint(cache: true).findings
        #expect(warm.contains { $0.ruleID == "duplicate-slug" && $0.message.contains("posts/post-5.md") })
        #expect(describe(warm) == describe(try site.lint(cache: false).findings))
    }

    @Test func aSettledPostRewrittenWithItsOldSizeAndTimeIsReadAgain() throws {
        let site = try Site()
        let path = site.folder.path + "/posts/post-5.md"
        let original = Self.post(slug: "post-5", title: "Title 5")
        // Recorded with the file's signature (the run's clock is far enough ahead).
        _ = try site.lint(cache: true, clockAhead: 60)
        #expect(try site.lint(cache: true, clockAhead: 60).cache?.hitCount == 20)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        // The same number of bytes, and the old modification time put back: the change time tells.
        var changed = Self.post(slug: "new-post", title: "Title 5")
        let surplus = changed.utf8.count - original.utf8.count
        changed = changed.replacingOccurrences(of: "Tea, again.", with: String(repeating: "T", count: 11 - surplus))
        #expect(changed.utf8.count == original.utf8.count)
        try site.write("posts/post-5.md", changed)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let warm = try site.lint(cache: true, clockAhead: 60)
        #expect(warm.cache?.hitCount == 19)
        #expect(warm.findings.contains { $0.ruleID == "duplicate-slug" && $0.message.contains("posts/post-5.md") })
    }

    /// Under git's index (`--staged`) a post's facts are trusted by the id of its content there,
    /// without looking at the file: an edit not staged leaves them (the commit holds the staged
    /// content), a staged edit has the post read again.
    @Test func underGitsIndexFactsAreTrustedByTheContentsIDThere() throws {
        let site = try Site()
        let root = site.folder.path
        func git(_ arguments: String...) throws { try Self.git(arguments, in: root) }
        try git("init", "-q", "-b", "main")
        try git("add", ".")
        try git("commit", "-q", "-m", "a site")
        try site.write("posts/new.md", Self.post(slug: "new-post", title: "A newer post"))
        try git("add", "posts/new.md")
        func lintStaged(cache: Bool) throws -> (findings: [String], hits: Int?, askedForEdits: Bool) {
            let linter = try Linter(workingDirectory: root, fileSystem: IndexFileSystem.forRepository(at: root))
            var options = LintOptions()
            try options.lintStaged(inRepositoryAround: root)
            #expect(options.reportOnly == [root + "/posts/new.md"], "new.md alone is staged")
            let factsCache = cache ? SiteFactsCache(path: site.cachePath, toolVersion: "1.0") : nil
            options.siteFactsCache = factsCache
            let findings = describe(Array(try linter.lint(paths: ["."], options: options).findings))
            return (findings, factsCache?.hitCount, options.editedPostsInIndex?.hasListed == true)
        }
        let cold = try lintStaged(cache: true)
        #expect(cold.hits == 0)
        #expect(cold.askedForEdits, "posts were read: git was asked which are edited")
        let warm = try lintStaged(cache: true)
        #expect(warm.hits == 20)
        #expect(!warm.askedForEdits, "no post was read: git was not asked")
        #expect(cold.findings == (try lintStaged(cache: false).findings))
        #expect(!cold.findings.contains { $0.contains("duplicate-slug") })

        // Edited, not staged: the commit still holds the old post, whose facts are kept.
        try site.write("posts/post-5.md", Self.post(slug: "new-post", title: "Title 5"))
        let unstaged = try lintStaged(cache: true)
        #expect(unstaged.hits == 20)
        #expect(unstaged.findings == cold.findings)
        #expect(try lintStaged(cache: false).findings == cold.findings)

        // Committed (new.md still staged): its content in the index changed, so it is read
        // again, and the slug is shared.
        try git("commit", "-q", "-m", "post 5 edited", "posts/post-5.md")
        let staged = try lintStaged(cache: true)
        #expect(staged.hits == 19)
        #expect(staged.findings.contains { $0.contains("duplicate-slug") && $0.contains("posts/post-5.md") })
        #expect(staged.findings == (try lintStaged(cache: false).findings))
    }

    @Test func aDamagedOrForeignCacheIsIgnoredAndRewritten() throws {
        let site = try Site(newSlug: "post-3")
        let expected = describe(try site.lint(cache: false).findings)
        _ = try site.lint(cache: true)
        let whole = try Array(Data(contentsOf: URL(fileURLWithPath: site.cachePath)))
        var flipped = whole
        flipped[whole.count - 5] ^= 0x20
        let damages: [(String, [UInt8])] = [
            ("truncated", Array(whole.prefix(whole.count / 2))),
            ("one byte changed", flipped),
            ("empty", []),
            ("header only", Array(whole.prefix(40))),
            ("longer", whole + [0]),
            ("not a cache", Array(repeating: 0x41, count: 4096)),
        ]
        for (damage, bytes) in damages {
            try Data(bytes).write(to: URL(fileURLWithPath: site.cachePath))
            let run = try site.lint(cache: true)
            #expect(run.cache?.hitCount == 0, "\(damage)")
            #expect(describe(run.findings) == expected, "\(damage)")
            // Rewritten whole: the next run hits.
            #expect(try site.lint(cache: true).cache?.hitCount == 20, "\(damage)")
        }
        let foreign = try site.lint(cache: true, toolVersion: "2.0")
        #expect(foreign.cache?.hitCount == 0)
        #expect(describe(foreign.findings) == expected)
    }

    @Test func factsKeptUnderOtherSettingsAreNotUsed() throws {
        let site = try Site()
        _ = try site.lint(cache: true)
        // The site now names its slug field `permalink`: post-4's permalink is new.md's slug.
        try site.write(
            "posts/post-4.md",
            Self.post(slug: "post-4", title: "Title 4")
                .replacingOccurrences(of: "slug: post-4", with: "slug: post-4\npermalink: new-post"))
        try site.write(
            "posts/new.md",
            Self.post(slug: "x", title: "A new post")
                .replacingOccurrences(of: "slug: x", with: "permalink: new-post"))
        try site.write(".postlint.yml", "fields:\n  slug: permalink\n")
        let warm = try site.lint(cache: true).findings
        #expect(warm.contains { $0.ruleID == "duplicate-slug" && $0.message.contains("posts/post-4.md") })
        #expect(describe(warm) == describe(try site.lint(cache: false).findings))
    }

    @Test func theLanguageServersScanGivesTheSameFactsFromTheCache() throws {
        let site = try Site()
        let linter = try Linter(workingDirectory: site.folder.path)
        let root = site.folder.path
        func display(_ path: String) -> String { String(path.dropFirst(root.count + 1)) }
        func flattened(_ facts: [String: [String: [SiteFact]]]) -> [String] {
            facts.flatMap { path, byRule in byRule.flatMap { rule, facts in facts.map { "\(path) \(rule) \($0)" } } }.sorted()
        }
        let without = flattened(linter.siteFactsOfPosts(below: root, displayPath: display, cache: nil))
        #expect(without.count > 21)
        let cold = SiteFactsCache(path: site.cachePath, toolVersion: "1.0", now: FileSignature.currentTime() + 60)
        #expect(flattened(linter.siteFactsOfPosts(below: root, displayPath: display, cache: cold)) == without)
        let warm = SiteFactsCache(path: site.cachePath, toolVersion: "1.0", now: FileSignature.currentTime() + 60)
        #expect(flattened(linter.siteFactsOfPosts(below: root, displayPath: display, cache: warm)) == without)
        #expect(warm.hitCount == 21)
    }

    @Test func theLanguageServersScanLeavesOutOnlyPostsItCannotConfigure() throws {
        let site = try Site(count: 300)
        try site.write("broken/.postlint.yml", "rules: [unclosed\n")
        try site.write("broken/post.md", Self.post(slug: "broken", title: "Broken"))
        try site.write("notes/.postlint.yml", "exclude: [\"draft-*.md\"]\n")
        try site.write("notes/draft-1.md", Self.post(slug: "draft", title: "Draft"))
        try site.write("notes/kept.md", Self.post(slug: "kept", title: "Kept"))
        let root = site.folder.path
        let facts = try Linter(workingDirectory: root).siteFactsOfPosts(
            below: root, displayPath: { String($0.dropFirst(root.count + 1)) }, cache: nil)
        // The 300 posts and new.md of posts/ (read by every worker, in steps), notes/kept.md;
        // not the post whose configuration does not parse, nor the one its folder excludes.
        #expect(facts.count == 302)
        #expect(facts[root + "/broken/post.md"] == nil)
        #expect(facts[root + "/notes/draft-1.md"] == nil)
        let kept = try #require(facts[root + "/notes/kept.md"])
        #expect(kept.values.joined().allSatisfy { $0.path == "notes/kept.md" })
        #expect(facts[root + "/posts/post-299.md"]?["duplicate-slug"]?.first?.path == "posts/post-299.md")
    }

    @Test func entriesOfPostsThatAreGoneAreDropped() throws {
        let site = try Site()
        #expect(try site.lint(cache: true).cache?.entryCount == 20)
        try FileManager.default.removeItem(atPath: site.folder.path + "/posts/post-0.md")
        try FileManager.default.removeItem(atPath: site.folder.path + "/posts/post-1.md")
        _ = try site.lint(cache: true)
        let reread = SiteFactsCache(path: site.cachePath, toolVersion: "1.0")
        #expect(reread.entryCount == 18)
    }

    @Test func concurrentWritersNeverLeaveAPartialFile() async throws {
        let site = try Site(count: 40)
        _ = try site.lint(cache: true)
        let stamp = "1.0"
        let cachePath = site.cachePath
        // Writers save caches of different sizes over one file while readers read it back.
        await withTaskGroup(of: Bool.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for round in 0..<25 {
                        let cache = SiteFactsCache(path: cachePath, toolVersion: stamp)
                        for post in 0..<(writer * 10 + round) {
                            let fact = SiteFact(
                                path: "p\(post).md", key: "slug", value: String(repeating: "v", count: post),
                                start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 2))
                            cache.record(
                                [("duplicate-slug", fact)], forFileAt: "/nowhere/\(writer)/p\(post).md",
                                displayPath: "p\(post).md", fingerprint: ContentDigest(high: 1, low: 2),
                                content: ContentDigest(high: UInt64(post), low: 0), signature: nil)
                        }
                        cache.save()
                    }
                    return true
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    var whole = true
                    for _ in 0..<200 {
                        guard let bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: cachePath))) else { continue }
                        let stampWithExecutable = SiteFactsCache(path: cachePath, toolVersion: stamp).stamp
                        if SiteFactsCacheFile.decode(bytes, stamp: stampWithExecutable) == nil { whole = false }
                    }
                    return whole
                }
            }
            for await whole in group { #expect(whole) }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.cacheFolder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func digestsTellContentsApart() {
        var seen: Set<ContentDigest> = []
        var bytes: [UInt8] = []
        for length in 0..<300 {
            #expect(seen.insert(ContentDigest(of: bytes)).inserted, "length \(length)")
            bytes.append(UInt8(truncatingIfNeeded: length))
        }
        // One bit flipped anywhere changes the digest.
        let base = Array(repeating: UInt8(0), count: 64)
        let digest = ContentDigest(of: base)
        for index in base.indices {
            var changed = base
            changed[index] = 1
            #expect(ContentDigest(of: changed) != digest, "byte \(index)")
        }
    }

    @Test func theCacheLivesInTheUsersCacheFolderOncePerRepository() throws {
        let repository = try TemporaryFolder()
        try repository.write(".git/HEAD", "ref: refs/heads/main\n")
        try repository.write("blog/posts/a.md", "")
        let environment = ["HOME": "/home/someone", "XDG_CACHE_HOME": "/var/cache/someone"]
        let fromRoot = try #require(SiteFactsCacheLocation.file(forRepositoryAround: repository.path, environment: environment))
        let fromBelow = SiteFactsCacheLocation.file(
            forRepositoryAround: repository.path + "/blog/posts", environment: environment)
        #expect(fromRoot == fromBelow)
        #if os(macOS)
            #expect(fromRoot.hasPrefix("/home/someone/Library/Caches/postlint/"))
        #else
            #expect(fromRoot.hasPrefix("/var/cache/someone/postlint/"))
            #expect(SiteFactsCacheLocation.folder(environment: ["HOME": "/home/someone"]) == "/home/someone/.cache/postlint")
        #endif
        #expect(SiteFactsCacheLocation.folder(environment: ["HOME": "/h", "POSTLINT_CACHE_DIR": "/elsewhere"]) == "/elsewhere")
        #expect(SiteFactsCacheLocation.folder(environment: [:]) == nil)
    }
}
