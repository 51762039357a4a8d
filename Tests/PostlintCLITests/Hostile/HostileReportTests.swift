import Foundation
import Testing
import PostlintTestSupport

/// The commands' exit codes and reports when paths are missing or named with control bytes.
@Suite struct HostileReportTests {
    static let post = "---\ntitle: Tea\nslug: Bad Slug\nexcerpt: A short excerpt.\nkeywords: [tea]\n---\n\nTea.\n"

    @Test func auditExitsTwoWhenAPathCannotBeRead() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("posts/tea.md", Self.post)
        let directory = URL(fileURLWithPath: folder.path)
        let check = try CommandRunner.run(["check", "posts", "missing.md"], in: directory)
        #expect(check.status == 2)
        let audit = try CommandRunner.run(["audit", "posts", "missing.md"], in: directory)
        #expect(audit.status == 2)
        #expect(audit.standardError.contains("postlint: error: "))
        #expect(audit.standardError.contains("missing.md"))
        // The readable post is still scored.
        #expect(audit.standardOutput.contains("tea.md"))
        let clean = try CommandRunner.run(["audit", "posts"], in: directory)
        #expect(clean.status == 0)
    }

    @Test func githubFormatWritesNoRawControlBytesFromFileNames() throws {
        let folder = try TemporaryFolder()
        let name = "posts/a\u{1B}[31m\u{7}b.md"
        _ = try folder.write(name, Self.post)
        let result = try CommandRunner.run(["check", "posts", "--format", "github"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("file=posts/a\\u{1B}[31m\\u{7}b.md,"))
        let raw = Array(result.standardOutput.utf8).filter { $0 != 0x0A }
        #expect(!raw.contains { $0 < 0x20 || $0 == 0x7F })
    }

    /// Thirty keyword values that each make `(a+)+$` backtrack: the budget is the post's, so the
    /// run ends as fast as with one such value, with one finding at the value where it ran out.
    @Test func aCatastrophicPatternOnManyValuesSharesOneBudgetPerPost() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write(".postlint.yml", "packs: [./pack]\n")
        _ = try folder.write(
            "pack/redos.yml",
            """
            schema: 1
            kind: pattern
            summary: Keywords are runs of a
            field: keywords
            pattern: "(a+)+$"
            must: not-match

            """)
        let keywords = (0..<30).map { "  - " + String(repeating: "a", count: 5_000 + $0) + "!" }.joined(separator: "\n")
        _ = try folder.write("post.md", "---\ntitle: T\nkeywords:\n" + keywords + "\n---\nBody.\n")
        let result = try BoundedRun.run(["check", "post.md"], in: folder.path, seconds: 40)
        #expect(!result.timedOut, "postlint check did not end")
        #expect(result.status == 1)
        let gaveUp = result.standardOutput.split(separator: "\n").filter { $0.contains("gave up on the \"keywords\" value") }
        #expect(gaveUp.count == 1, "\(result.standardOutput)")
        #expect(gaveUp.first?.hasPrefix("post.md:4:") == true)
    }
}
