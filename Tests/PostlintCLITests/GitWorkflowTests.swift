import Foundation
import Testing
import PostlintCore
import PostlintTestSupport

/// Changed files, staged contents, baselines, reports to files and the plain git hook, with real git.
@Suite struct GitWorkflowTests {
    /// A post that only the slug can make wrong: its title and excerpt are unique to the slug.
    static func post(_ slug: String, title: String? = nil) -> String {
        """
        ---
        title: "\(title ?? "Notes on tea, from the post called \(slug)")"
        slug: \(slug)
        excerpt: "A post about tea called \(slug), written for the tests, long enough for the excerpt rule."
        keywords: ["tea"]
        ---

        Tea, again.

        """
    }

    final class Repository {
        let folder: TemporaryFolder
        var url: URL { URL(fileURLWithPath: folder.path) }

        init() throws {
            folder = try TemporaryFolder()
            try git("init", "-q", "-b", "main")
        }

        @discardableResult
        func git(_ arguments: String...) throws -> CommandRunner.Output {
            let result = try CommandRunner.run(
                [
                    "-c", "user.name=Tests", "-c", "user.email=tests@example.invalid",
                    "-c", "commit.gpgsign=false",
                ] + arguments,
                in: url, executable: URL(fileURLWithPath: "/usr/bin/git"))
            #expect(result.status == 0, "git \(arguments): \(result.standardError)")
            return result
        }

        func postlint(_ arguments: [String]) throws -> CommandRunner.Output {
            try CommandRunner.run(arguments, in: url)
        }
    }

    @Test func changedSinceLintsOnlyTheCommitsPostsAndStillCatchesDuplicateSlugs() throws {
        let repository = try Repository()
        for index in 0..<50 { try repository.folder.write("posts/post-\(index).md", Self.post("post-\(index)")) }
        try repository.folder.write("posts/old-broken.md", "no front matter, but old\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "fifty posts")
        try repository.folder.write("posts/new.md", Self.post("post-7", title: "Notes on tea, from a brand new post"))
        try repository.folder.write("posts/post-3.md", Self.post("post-3", title: "Notes on tea, from an edited post"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "a new post reusing a slug")

        let result = try repository.postlint(["check", "--changed-since", "HEAD~1", "--format", "json"])
        #expect(result.status == 1, "\(result.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 2)
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        // Only the two posts of the last commit are reported, never the untouched old broken one.
        #expect(Set(diagnostics.compactMap { $0["path"] as? String }).isSubset(of: ["posts/new.md", "posts/post-3.md"]))
        let duplicates = diagnostics.filter { $0["rule"] as? String == "duplicate-slug" }
        #expect(duplicates.map { $0["path"] as? String } == ["posts/new.md"])
        #expect((duplicates.first?["message"] as? String)?.contains("posts/post-7.md") == true)
    }

    @Test func stagedContentsAreLintedNotTheWorkingTree() throws {
        let repository = try Repository()
        try repository.folder.write("a.md", Self.post("a"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "one post")
        try repository.folder.write("a.md", Self.post("Bad Slug"))
        try repository.git("add", "a.md")
        try repository.folder.write("a.md", Self.post("a"))
        let staged = try repository.postlint(["check", "--staged"])
        #expect(staged.status == 1)
        #expect(staged.standardOutput.contains("a.md:3:7: error: slug \"Bad Slug\""))
        let workingTree = try repository.postlint(["check", "a.md"])
        #expect(workingTree.status == 0)
        try repository.git("add", "a.md")
        #expect(try repository.postlint(["check", "--staged"]).status == 0)
    }

    /// With --staged, an image or linked file that is only in the working tree (neither tracked nor
    /// staged) is broken: the commit would not hold it.
    @Test func stagedReportsImagesAndLinkedFilesThatAreNotInTheIndex() throws {
        let repository = try Repository()
        try repository.folder.write("images/old.png", "old image")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "an image")
        let body = "![Old](../images/old.png)\n\n![New](../images/new.png)\n\nThe [guide](../files/guide.pdf) is here.\n"
        try repository.folder.write("posts/a.md", Self.post("a") + "\n" + body)
        try repository.folder.write("images/new.png", "new image, never added")
        try repository.folder.write("files/guide.pdf", "a guide, never added")
        try repository.git("add", "posts/a.md")

        let onDisk = try repository.postlint(["check", "posts/a.md"])
        #expect(onDisk.status == 0, "\(onDisk.standardOutput)")
        let staged = try repository.postlint(["check", "--staged"])
        #expect(staged.status == 1)
        let lines = staged.standardOutput.split(separator: "\n").map(String.init)
        let image = try #require(lines.first { $0.contains("[broken-image]") }, "\(staged.standardOutput)")
        #expect(image.contains("\"../images/new.png\" is not staged or tracked by git"), "\(image)")
        #expect(!lines.contains { $0.contains("old.png") }, "the committed image is fine")
        let link = try #require(lines.first { $0.contains("[broken-link]") }, "\(staged.standardOutput)")
        #expect(link.contains("is not staged or tracked by git"), "\(link)")

        try repository.git("add", "images/new.png", "files/guide.pdf")
        let added = try repository.postlint(["check", "--staged"])
        #expect(added.status == 0, "\(added.standardOutput)")
    }

    /// With --staged, the site the site rules judge is the commit's: a post that is only in the
    /// working tree is not in it, and a post edited but not staged is in it as staged. Each way,
    /// with the site facts cache and without.
    @Test(arguments: [false, true])
    func stagedSiteRulesJudgeThePostsAsTheCommitHoldsThem(cached: Bool) throws {
        let repository = try Repository()
        let cache = try TemporaryFolder()
        let cacheOption = cached ? [] : ["--no-cache"]
        let environment = ["POSTLINT_CACHE_DIR": cache.path]
        // Each post with a focus keyphrase of its own (two on "tea" would compete).
        func post(_ slug: String, title: String) -> String {
            Self.post(slug, title: title).replacingOccurrences(of: "[\"tea\"]", with: "[\"\(slug)\"]")
        }
        try repository.folder.write("posts/a.md", post("a", title: "Notes on tea, first"))
        try repository.folder.write("posts/b.md", post("b", title: "Notes on tea, as the commit holds it"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "two posts")
        // A draft never added, with the title of the post about to be staged.
        try repository.folder.write("drafts/draft.md", post("draft", title: "Notes on tea, a new title"))
        // b.md edited in the working tree only: its new title is also the staged post's.
        try repository.folder.write("posts/b.md", post("b", title: "Notes on tea, a new title"))
        try repository.folder.write("posts/a.md", post("a", title: "Notes on tea, a new title"))
        try repository.git("add", "posts/a.md")
        // Run twice: the second run with the cache reads the facts it kept.
        for _ in 0..<2 {
            let staged = try CommandRunner.run(
                ["check", "--staged", "--format", "json"] + cacheOption, in: repository.url, environment: environment)
            #expect(staged.status == 0, "\(staged.standardOutput)")
            #expect(!staged.standardOutput.contains("duplicate-title"), "\(staged.standardOutput)")
        }
        // The same edit staged in b.md is in the commit: now the titles are shared.
        try repository.git("add", "posts/b.md")
        let both = try CommandRunner.run(
            ["check", "--staged", "--format", "json"] + cacheOption, in: repository.url, environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(both.standardOutput.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let duplicates = diagnostics.filter { $0["rule"] as? String == "duplicate-title" }
        #expect(duplicates.compactMap { $0["path"] as? String } == ["posts/a.md", "posts/b.md"], "\(diagnostics)")
        #expect(duplicates.allSatisfy { !(($0["message"] as? String) ?? "").contains("draft") }, "\(diagnostics)")
    }

    /// A staged (then committed) post whose name is not UTF-8 is linted and reported by the bytes
    /// of its name, and counts among the commit's posts for the site rules.
    @Test func aStagedPostWhoseNameIsNotUTF8IsLinted() throws {
        let repository = try Repository()
        try repository.folder.write("a.md", Self.post("a", title: "Notes on tea, one title"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "one post")
        let name = FileNameBytes.string(Array("caf".utf8) + [0xE9] + Array(".md".utf8))
        let bytes = Array(Self.post("Bad Slug", title: "Notes on tea, one title").utf8)
        let written = FileNameBytes.withCString(repository.folder.path + "/" + name) { path -> Bool in
            guard let file = fopen(path, "wb") else { return false }
            defer { fclose(file) }
            return fwrite(bytes, 1, bytes.count, file) == bytes.count
        }
        #expect(written)
        try repository.git("add", "-A")
        let staged = try repository.postlint(["check", "--staged", "--no-cache"])
        #expect(staged.status == 1, "\(staged.standardOutput)\(staged.standardError)")
        #expect(staged.standardOutput.contains("caf\\xE9.md:3:7: error: slug \"Bad Slug\""), "\(staged.standardOutput)")
        #expect(staged.standardOutput.contains("duplicate-title"), "\(staged.standardOutput)")
        try repository.git("commit", "-q", "-m", "a post named in Latin-1")
        let changed = try repository.postlint(["check", "--changed-since", "HEAD~1", "--no-cache"])
        #expect(changed.status == 1, "\(changed.standardOutput)\(changed.standardError)")
        #expect(changed.standardOutput.contains("caf\\xE9.md:3:7: error: slug \"Bad Slug\""), "\(changed.standardOutput)")
    }

    /// A staged post whose content git cannot give (its object is missing) is an error, never an
    /// empty post that passes.
    @Test func aStagedPostWhoseObjectIsMissingIsAnError() throws {
        let repository = try Repository()
        try repository.folder.write("a.md", Self.post("a"))
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "one post")
        let missing = String(repeating: "1234", count: 10)
        try repository.git("update-index", "--add", "--info-only", "--cacheinfo", "100644,\(missing),ghost.md")
        let staged = try repository.postlint(["check", "--staged"])
        #expect(staged.status == 2, "\(staged.standardOutput)")
        #expect(staged.standardError.contains("ghost.md"), "\(staged.standardError)")
        #expect(staged.standardError.contains("git has no object \(missing)"), "\(staged.standardError)")
    }

    @Test func baselineMatchesOldFindingsAfterLinesAreInserted() throws {
        let repository = try Repository()
        let old = Self.post("Old Slug")
        try repository.folder.write("old.md", old)
        let written = try repository.postlint(["check", "--write-baseline", "baseline.json"])
        #expect(written.status == 0)
        let baseline = try repository.folder.read("baseline.json")
        #expect(String(decoding: baseline, as: UTF8.self).contains("\"rule\" : \"slug-format\""))
        // Writing it again gives the same bytes (stable, sorted).
        _ = try repository.postlint(["check", "--write-baseline", "baseline.json"])
        #expect(try repository.folder.read("baseline.json") == baseline)

        // Insert lines above the old finding: still known.
        try repository.folder.write(
            "old.md", old.replacingOccurrences(of: "title:", with: "author: Someone\ndate: 2024-01-01\ntitle:"))
        let shifted = try repository.postlint(["check", "--baseline", "baseline.json"])
        #expect(shifted.status == 0, "\(shifted.standardOutput)")
        // A new finding still fails the run.
        // (A focus keyphrase of its own: two posts on "tea" would compete, a new finding on both.)
        try repository.folder.write("new.md", Self.post("New Slug").replacingOccurrences(of: "[\"tea\"]", with: "[\"notes\"]"))
        let fresh = try repository.postlint(["check", "--baseline", "baseline.json"])
        #expect(fresh.status == 1)
        #expect(fresh.standardOutput.contains("new.md:3:7"))
        #expect(!fresh.standardOutput.contains("old.md"))
        let broken = try repository.postlint(["check", "--baseline", "missing.json"])
        #expect(broken.status == 2)
    }

    @Test func outputFileGetsTheReportWhileTheExitCodeGates() throws {
        let repository = try Repository()
        try repository.folder.write("a.md", "no front matter\n")
        let result = try repository.postlint(["check", "--format", "json", "--output", "report.json"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let report = String(decoding: try repository.folder.read("report.json"), as: UTF8.self)
        #expect(report.contains("front-matter-missing"))
    }

    @Test func installHookWritesAHookAndRespectsForeignOnes() throws {
        let repository = try Repository()
        let first = try repository.postlint(["install-hook"])
        #expect(first.status == 0, "\(first.standardError)")
        let hook = String(decoding: try repository.folder.read(".git/hooks/pre-commit"), as: UTF8.self)
        #expect(hook.contains("postlint check --staged"))
        #expect(FileManager.default.isExecutableFile(atPath: repository.folder.path + "/.git/hooks/pre-commit"))
        #expect(try repository.postlint(["install-hook"]).status == 0)
        try repository.folder.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n")
        let refused = try repository.postlint(["install-hook"])
        #expect(refused.status == 2)
        #expect(try repository.folder.read(".git/hooks/pre-commit") == Array("#!/bin/sh\necho mine\n".utf8))
        #expect(try repository.postlint(["install-hook", "--force"]).status == 0)
    }

    /// The hook fails closed: without postlint on the PATH the commit is refused with how to
    /// install it, unless POSTLINT_SKIP=1 says to skip it on purpose.
    @Test func theInstalledHookRefusesACommitWhenPostlintIsMissing() throws {
        let repository = try Repository()
        _ = try repository.postlint(["install-hook"])
        try repository.folder.write("a.md", Self.post("a"))
        try repository.git("add", "a.md")
        // git, sh and the core tools, but no postlint.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/usr/bin:/bin"
        environment["POSTLINT_SKIP"] = nil
        let commit = ["-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "x"]
        let refused = try CommandRunner.run(
            commit, in: repository.url, executable: URL(fileURLWithPath: "/usr/bin/git"),
            environment: environment)
        #expect(refused.status != 0, "the commit went through without postlint")
        #expect(refused.standardError.contains("postlint is not on the PATH"), "\(refused.standardError)")
        #expect(refused.standardError.contains("POSTLINT_SKIP=1"))
        #expect(try repository.git("rev-list", "--all").standardOutput.isEmpty)
        environment["POSTLINT_SKIP"] = "1"
        let skipped = try CommandRunner.run(
            commit, in: repository.url, executable: URL(fileURLWithPath: "/usr/bin/git"),
            environment: environment)
        #expect(skipped.status == 0, "\(skipped.standardError)")
        #expect(skipped.standardError.contains("POSTLINT_SKIP"))
    }

    @Test func theInstalledHookRefusesACommitWithErrors() throws {
        let repository = try Repository()
        _ = try repository.postlint(["install-hook"])
        try repository.folder.write("a.md", Self.post("Bad Slug"))
        try repository.git("add", "a.md")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CommandRunner.productsFolder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let refused = try CommandRunner.run(
            ["-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "x"],
            in: repository.url, executable: URL(fileURLWithPath: "/usr/bin/git"),
            environment: environment)
        #expect(refused.status != 0)
        // git hands a hook's standard output to its own standard error.
        #expect((refused.standardOutput + refused.standardError).contains("slug-format"))
        try repository.folder.write("a.md", Self.post("a"))
        try repository.git("add", "a.md")
        let accepted = try CommandRunner.run(
            ["-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "x"],
            in: repository.url, executable: URL(fileURLWithPath: "/usr/bin/git"),
            environment: environment)
        #expect(accepted.status == 0, "\(accepted.standardOutput)\(accepted.standardError)")
    }
}
