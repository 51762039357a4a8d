import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct LinterTests {
    static let clean = """
        ---
        title: Brewing tea
        slug: brewing-tea
        excerpt: A short guide to brewing tea at the right temperature, with steeping times.
        keywords: [tea]
        ---
        Tea is simple.

        """

    private func lint(_ folder: TemporaryFolder, _ paths: [String] = ["."], config: String? = nil) throws -> LintOutcome {
        try Linter(configPath: config, workingDirectory: folder.path).lint(paths: paths)
    }

    @Test func cleanPostHasNoFindings() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts/tea.md", Self.clean)
        let outcome = try lint(folder)
        #expect(outcome.findings.isEmpty, "\(outcome.findings)")
        #expect(outcome.files == ["posts/tea.md"])
    }

    @Test func pathsAreReportedAsGivenJoinedWithTheFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("content/posts/a.md", "no front matter\n")
        let outcome = try lint(folder, ["content/"])
        #expect(outcome.findings.map(\.path) == ["content/posts/a.md"])
        #expect(outcome.findings.first?.ruleID == "front-matter-missing")
    }

    @Test func walkSkipsHiddenNodeModulesAndOtherExtensions() throws {
        let folder = try TemporaryFolder()
        try folder.write(".hidden/a.md", "x\n")
        try folder.write("node_modules/pkg/readme.md", "x\n")
        try folder.write("notes.txt", "x\n")
        try folder.write("b.markdown", Self.clean)
        try folder.write(".dot.md", "x\n")
        try folder.write("cover.md.png", "x")
        try folder.write("notes.mdx", "x\n")
        try folder.write("sub/c.md", Self.clean)
        #expect(try lint(folder).files == ["b.markdown", "sub/c.md"])
        // Named explicitly, a hidden file is linted.
        #expect(try lint(folder, [".dot.md"]).files == [".dot.md"])
    }

    @Test func symlinkLoopsAndLinkedFoldersAreNotFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/post.md", Self.clean)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a/self.md", withDestinationPath: "self.md")
        let outcome = try lint(folder)
        #expect(outcome.files == ["a/post.md"])
    }

    @Test func missingPathIsAProblemAndTheRestIsLinted() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.md", Self.clean)
        let outcome = try lint(folder, ["ok.md", "missing.md"])
        #expect(outcome.files == ["ok.md"])
        #expect(outcome.problems.map(\.path) == ["missing.md"])
    }

    @Test func unreadableFileAndFolderAreReportedAndTheRestLinted() throws {
        guard getuid() != 0 else { return }  // root reads everything; the permission check cannot fail
        let folder = try TemporaryFolder()
        try folder.write("ok.md", Self.clean)
        let locked = try folder.write("locked.md", Self.clean)
        try folder.write("closed/inner.md", Self.clean)
        chmod(locked, 0)
        chmod(folder.path + "/closed", 0)
        let outcome = try lint(folder)
        #expect(outcome.files == ["ok.md"])
        #expect(Set(outcome.problems.compactMap(\.path)) == ["locked.md", "closed"])
    }

    @Test func aFolderNamedLikeAPostIsWalkedAndAFileThatCannotBeReadIsReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.md", Self.clean)
        try folder.write("folder.md/inner.md", Self.clean)
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.files == ["folder.md/inner.md", "ok.md"])
        // A FIFO named like a post cannot be read as a file: reported, the rest still linted.
        try FileManager.default.removeItem(atPath: folder.path + "/folder.md")
        #expect(mkfifo(folder.path + "/pipe.md", 0o644) == 0)
        let second = try Linter(workingDirectory: folder.path).lint(paths: ["ok.md", "gone.md", "pipe.md"])
        #expect(second.files == ["ok.md"])
        #expect(second.problems.map(\.path) == ["gone.md", "pipe.md"])
    }

    @Test func duplicateSlugIsReportedOnBothPosts() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", Self.clean)
        try folder.write("b.md", Self.clean)
        let outcome = try lint(folder)
        let duplicates = outcome.findings.filter { $0.ruleID == "duplicate-slug" }
        #expect(duplicates.map(\.path) == ["a.md", "b.md"])
        #expect(duplicates.first?.message.contains("b.md") == true)
    }

    @Test func configurationIsFoundUpwardAndAppliesOverrides() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            ".postlint.yml",
            """
            rules:
              front-matter-missing: warning
            overrides:
              - files: ["drafts/**"]
                rules: {front-matter-missing: off}
            """)
        try folder.write("posts/deep/a.md", "no front matter\n")
        try folder.write("drafts/b.md", "no front matter\n")
        let outcome = try lint(folder)
        #expect(outcome.findings.map(\.path) == ["posts/deep/a.md"])
        #expect(outcome.findings.first?.severity == .warning)
    }

    @Test func eachFolderKeepsItsOwnConfigurationWhenTheWalkComesBack() throws {
        // The walk goes a.md, sub/c.md, z.md: the rule set remembered for the root folder must not
        // carry into sub/, nor sub/'s back out of it.
        let folder = try TemporaryFolder()
        try folder.write("sub/.postlint.yml", "rules:\n  front-matter-missing: off\n")
        for name in ["a.md", "sub/c.md", "sub/d.md", "z.md"] { try folder.write(name, "no front matter\n") }
        let outcome = try lint(folder)
        #expect(outcome.findings.filter { $0.ruleID == "front-matter-missing" }.map(\.path) == ["a.md", "z.md"])
        #expect(outcome.files == ["a.md", "sub/c.md", "sub/d.md", "z.md"])
    }

    @Test func overridesAreMatchedPerPostWithinOneFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            ".postlint.yml",
            """
            overrides:
              - files: ["posts/b-*.md"]
                rules: {front-matter-missing: off}
            """)
        for name in ["a-1.md", "b-1.md", "b-2.md", "c-1.md"] { try folder.write("posts/" + name, "no front matter\n") }
        let outcome = try lint(folder)
        #expect(
            outcome.findings.filter { $0.ruleID == "front-matter-missing" }.map(\.path)
                == ["posts/a-1.md", "posts/c-1.md"])
    }

    @Test func includeAndExcludeAreMatchedPerPostWithinOneFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "include: [\"posts/**\"]\nexclude: [\"posts/draft-*\"]\n")
        for name in ["posts/a.md", "posts/draft-b.md", "posts/c.md", "notes.md"] { try folder.write(name, Self.clean) }
        #expect(try lint(folder).files == ["posts/a.md", "posts/c.md"])
    }

    @Test func excludeAppliesToWalkedFilesButNotNamedOnes() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "exclude: [\"drafts/**\"]\n")
        try folder.write("drafts/b.md", "no front matter\n")
        #expect(try lint(folder).files.isEmpty)
        #expect(try lint(folder, ["drafts/b.md"]).files == ["drafts/b.md"])
    }

    @Test func aRulePackInAnotherFolderChangesFindingsWithoutRebuilding() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.clean)
        #expect(try lint(folder).findings.isEmpty)
        try folder.write(
            "house-rules/no-brewing.yml",
            """
            schema: 1
            kind: pattern
            summary: Titles avoid the word brewing
            severity: error
            field: title
            pattern: "(?i)brewing"
            must: not-match
            message: "title says \\"{match}\\""
            """)
        try folder.write(".postlint.yml", "packs: [house-rules]\n")
        let findings = try lint(folder).findings
        #expect(findings.map(\.ruleID) == ["house-rules.no-brewing"])
        #expect(findings.first?.message == "title says \"Brewing\"")
        #expect(findings.first?.start == SourceLocation(line: 2, column: 8))
    }

    @Test func brokenRuleFileIsAPositionedError() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.clean)
        try folder.write("pack/bad.yml", "schema: 1\nkind: patern\nsummary: x\n")
        try folder.write(".postlint.yml", "packs: [pack]\n")
        #expect(throws: PostlintError.self) { try lint(folder) }
        do {
            _ = try lint(folder)
        } catch let error as PostlintError {
            #expect(error.location == SourceLocation(line: 2, column: 7))
            #expect(error.path?.hasSuffix("pack/bad.yml") == true)
            #expect(error.hint?.contains("pattern") == true)
        }
    }

    @Test func fieldNamesMapToTheSiteSchema() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "fields: {excerpt: description, keywords: tags}\n")
        try folder.write(
            "post.md",
            """
            ---
            title: Brewing tea
            slug: brewing-tea
            description: Short.
            tags: [tea]
            ---
            Tea.

            """)
        let findings = try lint(folder).findings
        #expect(findings.map(\.ruleID) == ["excerpt-length"])
        #expect(findings.first?.message.contains("description") == true)
    }

    @Test func resultsDoNotDependOnWorkerScheduling() throws {
        let folder = try TemporaryFolder()
        for index in 0..<60 {
            try folder.write("p\(index % 7)/post-\(index).md", index % 3 == 0 ? "no front matter\n" : Self.clean)
        }
        let first = try lint(folder).findings
        for _ in 0..<3 { #expect(try lint(folder).findings == first) }
        #expect(first.count > 20)
    }

    @Test func lintsABufferAsIfItWereTheFile() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules: {front-matter-missing: info}\n")
        let outcome = try Linter(workingDirectory: folder.path).lint(bytes: Array("no front matter\n".utf8), as: "posts/x.md")
        #expect(outcome.findings.map(\.severity) == [.info])
        #expect(outcome.findings.map(\.path) == ["posts/x.md"])
    }
}
