import Foundation
import Testing
import PostlintTestSupport

/// Files the repository ignores are not linted: `.gitignore` files (nested, negations, anchored and
/// folder-only patterns) inside a git work tree, `.ignore` files anywhere, `.git/info/exclude`;
/// `--no-ignore` turns it off; files named explicitly are still linted unless `--force-exclude`.
@Suite struct IgnoreFilesTests {
    /// Every post is broken (no front matter), so each one linted shows in the report.
    static let post = "a post, no front matter\n"
    static let everyPost = [
        "content/post.md", "content/keep.draft.md", "content/a.draft.md", "content/secret.md",
        "content/deep/secret.md", "public/x.md", "vendor/v.md", "scratch/s.md", "notes/n.md",
    ]

    static func site(repository: Bool = true) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        if repository {
            try FileManager.default.createDirectory(atPath: folder.path + "/.git/info", withIntermediateDirectories: true)
            try folder.write(".git/info/exclude", "# local\nscratch/\n")
        }
        try folder.write(".gitignore", "/public/\n*.draft.md\nnotes\n")
        try folder.write(".ignore", "vendor\n")
        try folder.write("content/.gitignore", "!keep.draft.md\n/secret.md\n")
        for path in everyPost { try folder.write(path, post) }
        return folder
    }

    private func linted(_ output: String) -> Set<String> {
        Set(Self.everyPost.filter { output.contains("\($0):") })
    }

    @Test func ignoredFilesAndFoldersAreNotLinted() throws {
        let folder = try Self.site()
        let url = URL(fileURLWithPath: folder.path)
        let run = try CommandRunner.run(["check"], in: url)
        #expect(run.status == 1, "\(run.standardError)")
        // content/deep/secret.md: `/secret.md` is anchored to content/, so the deeper one is linted.
        #expect(
            linted(run.standardOutput) == ["content/post.md", "content/keep.draft.md", "content/deep/secret.md"],
            "\(run.standardOutput)")

        let all = try CommandRunner.run(["check", "--no-ignore"], in: url)
        #expect(linted(all.standardOutput) == Set(Self.everyPost), "\(all.standardOutput)")

        // A walk that starts below the top still reads the ignore files above it.
        let below = try CommandRunner.run(["check", "content"], in: url)
        #expect(
            linted(below.standardOutput) == ["content/post.md", "content/keep.draft.md", "content/deep/secret.md"],
            "\(below.standardOutput)")
    }

    @Test func anIgnoredFolderIsNotWalked() throws {
        let folder = try Self.site()
        // A FIFO named like a post is reported when met (exit 2); in an ignored folder it is never met.
        #expect(mkfifo(folder.path + "/public/pipe.md", 0o644) == 0)
        let url = URL(fileURLWithPath: folder.path)
        let run = try CommandRunner.run(["check"], in: url)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(!run.standardError.contains("pipe.md"))
        let all = try CommandRunner.run(["check", "--no-ignore"], in: url)
        #expect(all.status == 2)
        #expect(all.standardError.contains("public/pipe.md"), "\(all.standardError)")
    }

    @Test func namedFilesAreLintedUnlessForceExclude() throws {
        let folder = try Self.site()
        let url = URL(fileURLWithPath: folder.path)
        let named = try CommandRunner.run(["check", "public/x.md", "content/a.draft.md"], in: url)
        #expect(linted(named.standardOutput) == ["public/x.md", "content/a.draft.md"], "\(named.standardOutput)")

        let forced = try CommandRunner.run(
            [
                "check", "--force-exclude", "public/x.md", "content/a.draft.md",
                "content/post.md",
            ], in: url)
        #expect(linted(forced.standardOutput) == ["content/post.md"], "\(forced.standardOutput)")
        let forcedOff = try CommandRunner.run(["check", "--force-exclude", "--no-ignore", "public/x.md"], in: url)
        #expect(linted(forcedOff.standardOutput) == ["public/x.md"], "\(forcedOff.standardOutput)")
    }

    @Test func outsideARepositoryOnlyIgnoreFilesApply() throws {
        let folder = try Self.site(repository: false)
        let run = try CommandRunner.run(["check"], in: URL(fileURLWithPath: folder.path))
        #expect(linted(run.standardOutput) == Set(Self.everyPost).subtracting(["vendor/v.md"]), "\(run.standardOutput)")
    }

    @Test func auditAndFixHonourThemToo() throws {
        let folder = try Self.site()
        let url = URL(fileURLWithPath: folder.path)
        let audit = try CommandRunner.run(["audit", "--format", "json"], in: url)
        #expect(audit.standardOutput.contains("content/post.md"), "\(audit.standardOutput)")
        #expect(!audit.standardOutput.contains("public/x.md"))
        let auditAll = try CommandRunner.run(["audit", "--format", "json", "--no-ignore"], in: url)
        #expect(auditAll.standardOutput.contains("public/x.md"))

        let withByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\ntitle: Hello\n---\n\nText.\n".utf8)
        try folder.write("public/bom.md", bytes: withByteOrderMark)
        let fix = try CommandRunner.run(["fix"], in: url)
        #expect(fix.status == 0, "\(fix.standardError)")
        #expect(try folder.read("public/bom.md") == withByteOrderMark)
        _ = try CommandRunner.run(["fix", "--no-ignore"], in: url)
        #expect(try folder.read("public/bom.md") != withByteOrderMark)
    }

    /// git's user-wide ignore file: `core.excludesFile` from the repository's config (a `~/` path),
    /// else from `~/.gitconfig`, else `~/.config/git/ignore` (`$XDG_CONFIG_HOME/git/ignore`).
    @Test func gitsUserWideExcludesFileIsHonoured() throws {
        let home = try TemporaryFolder()
        try home.write("my-ignores", "*.wip.md\n")
        try home.write(".config/git/ignore", "*.tmp.md\n")
        let folder = try Self.site()
        try folder.write("content/idea.wip.md", Self.post)
        try folder.write("content/scratch.tmp.md", Self.post)
        let url = URL(fileURLWithPath: folder.path)
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": ""]
        // Nothing configured: the default ~/.config/git/ignore applies.
        let byDefault = try CommandRunner.run(["check", "content"], in: url, environment: environment)
        #expect(byDefault.standardOutput.contains("content/idea.wip.md:"), "\(byDefault.standardOutput)")
        #expect(!byDefault.standardOutput.contains("content/scratch.tmp.md:"), "\(byDefault.standardOutput)")
        // Named in the repository's config, that file replaces the default.
        try folder.write(".git/config", "[core]\n\trepositoryformatversion = 0\n\texcludesFile = ~/my-ignores ; local\n")
        let named = try CommandRunner.run(["check", "content"], in: url, environment: environment)
        #expect(!named.standardOutput.contains("content/idea.wip.md:"), "\(named.standardOutput)")
        #expect(named.standardOutput.contains("content/scratch.tmp.md:"), "\(named.standardOutput)")
        #expect(named.standardOutput.contains("content/post.md:"))
        // --no-ignore lints them all.
        let all = try CommandRunner.run(["check", "content", "--no-ignore"], in: url, environment: environment)
        #expect(all.standardOutput.contains("content/idea.wip.md:") && all.standardOutput.contains("content/scratch.tmp.md:"))
    }
}
