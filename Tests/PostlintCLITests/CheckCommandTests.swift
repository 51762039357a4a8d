import Foundation
import Testing
import PostlintTestSupport

/// The built binary on `fixtures/`, as the README runs it.
@Suite struct CheckCommandTests {
    static let root = CommandRunner.packageRoot()

    /// What each fixture must report (rule ids); a fixture not listed must be clean.
    static let expectations: [String: Set<String>] = [
        "fixtures/front-matter/no-front-matter.md": ["front-matter-missing"],
        "fixtures/front-matter/broken-yaml.md": ["front-matter-syntax"],
        "fixtures/front-matter/missing-excerpt.md": ["required-fields"],
        "fixtures/front-matter/bad-slug.md": ["slug-format"],
        "fixtures/front-matter/short-excerpt.md": ["excerpt-length"],
        "fixtures/front-matter/duplicate-keywords.md": ["keyword-presence"],
        "fixtures/front-matter/keyword-not-in-content.md": ["keyword-in-content"],
        "fixtures/front-matter/repeated-key.md": ["duplicate-key"],
        "fixtures/site/sourdough-starter.md": ["duplicate-slug", "duplicate-keyphrase"],
        "fixtures/site/sourdough-loaf.md": ["duplicate-slug", "duplicate-keyphrase"],
        "fixtures/body/missing-image.md": ["broken-image"],
        "fixtures/body/no-alt-text.md": ["image-alt-text"],
        "fixtures/body/broken-link.md": ["broken-link"],
        "fixtures/cms-export/night-the-lights-went-out.md": ["mojibake"],
        // The fixture sites' posts with a missing file, anchor or image among their broken links.
        "fixtures/sites/hugo/content/posts/tomato-seedlings/index.md": ["broken-link", "broken-image"],
        "fixtures/sites/hugo/content/posts/compost-basics/index.md": ["broken-image"],
        "fixtures/sites/jekyll/_posts/2024-03-02-sowing-beans.md": ["broken-link", "broken-image"],
        "fixtures/sites/jekyll/about.md": ["broken-link"],
    ]

    private func json(_ output: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func jsonReportFollowsTheContractAndEachFixtureGetsItsRule() throws {
        let result = try CommandRunner.run(["check", "fixtures", "--format", "json"], in: Self.root)
        #expect(result.status == 1)
        let report = try json(result.standardOutput)
        #expect(report["version"] as? Int == 1)
        let tool = try #require(report["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "postlint")
        #expect((tool["version"] as? String)?.split(separator: ".").count == 3)
        let summary = try #require(report["summary"] as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(summary["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
        #expect((summary["files"] as? Int ?? 0) >= 12)
        let keys: Set<String> = ["path", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "fixable"]
        var rulesByPath: [String: Set<String>] = [:]
        for diagnostic in diagnostics {
            #expect(Set(diagnostic.keys) == keys)
            let path = try #require(diagnostic["path"] as? String)
            rulesByPath[path, default: []].insert(try #require(diagnostic["rule"] as? String))
        }
        for (path, rules) in Self.expectations {
            #expect(
                rulesByPath[path]?.isSuperset(of: rules) == true, "\(path): expected \(rules), got \(rulesByPath[path] ?? [])")
        }
        #expect(rulesByPath["fixtures/clean/brewing-green-tea.md"] == nil, "the clean fixture must stay clean")
        // Deterministic order: path, line, column, rule.
        let order = diagnostics.map {
            "\($0["path"] ?? "")|\(String(format: "%06d", $0["line"] as? Int ?? 0))|\(String(format: "%06d", $0["column"] as? Int ?? 0))|\($0["rule"] ?? "")"
        }
        #expect(order == order.sorted())
    }

    @Test func textReportUsesTheCompilerFormatWithoutColourWhenPiped() throws {
        let result = try CommandRunner.run(["check", "fixtures/front-matter/bad-slug.md"], in: Self.root)
        #expect(result.status == 1)
        let firstLine = try #require(result.standardOutput.split(separator: "\n").first)
        #expect(firstLine.hasPrefix("fixtures/front-matter/bad-slug.md:3:7: error: slug "))
        #expect(firstLine.hasSuffix("[slug-format]"))
        #expect(!result.standardOutput.contains("\u{1B}["))
    }

    @Test func cleanPostExitsZero() throws {
        let result = try CommandRunner.run(["check", "fixtures/clean"], in: Self.root)
        #expect(result.status == 0, "\(result.standardOutput)")
    }

    @Test func maxWarningsTurnsWarningsIntoFailure() throws {
        let path = "fixtures/front-matter/short-excerpt.md"
        #expect(try CommandRunner.run(["check", path], in: Self.root).status == 0)
        #expect(try CommandRunner.run(["check", path, "--max-warnings", "0"], in: Self.root).status == 1)
        #expect(try CommandRunner.run(["check", path, "--max-warnings", "1"], in: Self.root).status == 0)
    }

    @Test func quietShowsErrorsOnly() throws {
        let result = try CommandRunner.run(["check", "fixtures", "--quiet"], in: Self.root)
        #expect(!result.standardOutput.contains(": warning: "))
        #expect(result.standardOutput.contains(": error: "))
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        let missing = try CommandRunner.run(["check", "no/such/path.md"], in: Self.root)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no/such/path.md"))
        #expect(try CommandRunner.run(["check", "--format", "xml"], in: Self.root).status == 2)
        #expect(try CommandRunner.run(["check", "--max-warnings", "-3"], in: Self.root).status == 2)
        #expect(try CommandRunner.run(["frobnicate"], in: Self.root).status == 2)
    }

    @Test func checkHelpAndUsageErrorsComeFromTheRootCommand() throws {
        // `check` is parsed on its own when it parses cleanly; anything else must read as before.
        let help = try CommandRunner.run(["check", "--help"], in: Self.root)
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: postlint check"))
        #expect(help.standardOutput.components(separatedBy: "USAGE:").count == 2, "help printed once")
        let usage = try CommandRunner.run(["check", "--format", "xml"], in: Self.root)
        #expect(usage.status == 2)
        #expect(usage.standardError.contains("postlint check"), "\(usage.standardError)")
        let version = try CommandRunner.run(["--version"], in: Self.root)
        #expect(version.status == 0 && !version.standardOutput.isEmpty)
        #expect(version.standardOutput.split(separator: "\n").count == 1, "the version printed once: \(version.standardOutput)")
        // The default subcommand still works without its name.
        #expect(try CommandRunner.run(["fixtures/clean"], in: Self.root).status == 0)
    }

    @Test func configurationErrorsArePositionedAndExitTwo() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules:\n  slug-format: error\n  exerpt-length: {min: 10}\n")
        try folder.write("post.md", "---\ntitle: x\n---\n")
        let result = try CommandRunner.run(["check", "."], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 2)
        #expect(result.standardError.contains(".postlint.yml:3:3: unknown rule \"exerpt-length\""))
        #expect(result.standardError.contains("did you mean \"excerpt-length\"?"))
    }

    @Test func theBinaryCopiedAloneStillKnowsTheDefaultRules() throws {
        let folder = try TemporaryFolder()
        let copy = URL(fileURLWithPath: folder.path).appendingPathComponent("postlint")
        try FileManager.default.copyItem(at: CommandRunner.executable, to: copy)
        try folder.write("post.md", "---\ntitle: Only a title\nslug: only-a-title\n---\nBody.\n")
        let rules = try CommandRunner.run(["rules"], in: URL(fileURLWithPath: folder.path), executable: copy)
        #expect(rules.status == 0)
        for id in ["required-fields", "excerpt-length", "keyword-presence", "keyword-in-content", "slug-format"] {
            #expect(rules.standardOutput.contains(id))
        }
        let check = try CommandRunner.run(["check", "post.md"], in: URL(fileURLWithPath: folder.path), executable: copy)
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("missing required field \"excerpt\" [required-fields]"))
    }

    @Test func explainShowsRationaleOptionsAndExamples() throws {
        let result = try CommandRunner.run(["explain", "slug-format"], in: Self.root)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("max-length (integer, at least 1, default 75)"))
        #expect(result.standardOutput.contains("Reported:"))
        #expect(result.standardOutput.contains("Not reported:"))
        let unknown = try CommandRunner.run(["explain", "slug-formt"], in: Self.root)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("slug-format"))
    }

    @Test func initWritesAStarterConfigurationThatLoads() throws {
        let folder = try TemporaryFolder()
        let directory = URL(fileURLWithPath: folder.path)
        #expect(try CommandRunner.run(["init"], in: directory).status == 0)
        let again = try CommandRunner.run(["init"], in: directory)
        #expect(again.status == 2)
        #expect(again.standardError.contains("already exists"))
        try folder.write("post.md", "---\ntitle: x\n---\n")
        let check = try CommandRunner.run(["check", "."], in: directory)
        #expect(check.status == 1, "\(check.standardError)")
    }

    @Test func standardInputIsLintedAsTheNamedFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts/.postlint.yml", "rules: {front-matter-missing: info}\n")
        let result = try CommandRunner.run(
            ["check", "--stdin", "--stdin-filename", "posts/draft.md", "--format", "json"],
            in: URL(fileURLWithPath: folder.path), input: Array("no front matter\n".utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains("\"path\" : \"posts/draft.md\"")
                || result.standardOutput.contains("\"path\": \"posts/draft.md\""))
        #expect(
            result.standardOutput.contains("\"severity\" : \"info\"") || result.standardOutput.contains("\"severity\": \"info\""))
        #expect(try CommandRunner.run(["check", "--stdin-filename", "x.md"], in: URL(fileURLWithPath: folder.path)).status == 2)
    }

    @Test func fixRepairsTheMojibakeFixtureByteForByteAndThenHasNothingToDo() throws {
        let folder = try TemporaryFolder()
        let copy = URL(fileURLWithPath: folder.path).appendingPathComponent("fixtures")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("fixtures"), to: copy)
        let post = "fixtures/cms-export/night-the-lights-went-out.md"
        let original = String(decoding: try folder.read(post), as: UTF8.self)
        #expect(original.contains("itselfâ€”a"))
        let first = try CommandRunner.run(["fix", "fixtures"], in: URL(fileURLWithPath: folder.path))
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("fixed \(post)"))
        let fixed = String(decoding: try folder.read(post), as: UTF8.self)
        #expect(fixed == original.replacingOccurrences(of: "itselfâ€”a", with: "itself—a"))
        let second = try CommandRunner.run(["fix", "fixtures"], in: URL(fileURLWithPath: folder.path))
        #expect(second.status == 0)
        #expect(second.standardOutput == "nothing to fix\n")
        // Only the fixed file changed.
        for name in ["fixtures/clean/brewing-green-tea.md", "fixtures/front-matter/bad-slug.md"] {
            #expect(try folder.read(name) == Array(try Data(contentsOf: Self.root.appendingPathComponent(name))))
        }
    }

    @Test func fixDryRunPrintsADiffAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let text = "\u{FEFF}---\ntitle: x\n---\ncaf\u{C3}\u{A9} au lait is cafÃ© au lait\n"
        try folder.write("post.md", text)
        let result = try CommandRunner.run(["fix", "--dry-run", "post.md"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 1, "a file would change")
        #expect(result.standardOutput.hasPrefix("--- a/post.md\n+++ b/post.md\n@@ "))
        #expect(result.standardOutput.contains("+café au lait is café au lait"))
        #expect(try folder.read("post.md") == Array(text.utf8))
        try folder.write("clean.md", "---\ntitle: x\n---\nplain text\n")
        let clean = try CommandRunner.run(["fix", "--dry-run", "clean.md"], in: URL(fileURLWithPath: folder.path))
        #expect(clean.status == 0, "nothing would change")
        #expect(clean.standardOutput.isEmpty)
    }

    @Test func utf16FilesAreNamedAsSuchAndNotLintedAsGarbage() throws {
        let folder = try TemporaryFolder()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "---\ntitle: x\n---\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try folder.write("post.md", bytes: bytes)
        let result = try CommandRunner.run(["check", "post.md"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("post.md:") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("UTF-16") == true)
    }

    @Test func fixReportsAReadOnlyFileLeavesItAndExitsTwo() throws {
        let folder = try TemporaryFolder()
        let text = "\u{FEFF}---\ntitle: x\n---\nBody\n"
        let path = try folder.write("post.md", text)
        chmod(path, 0o444)
        let result = try CommandRunner.run(["fix", "post.md"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 2)
        #expect(result.standardError.contains("post.md: file is read-only; not fixed"))
        #expect(try folder.read("post.md") == Array(text.utf8))
    }

    @Test func checkNeverWritesFiles() throws {
        let folder = try TemporaryFolder()
        let original = "\u{FEFF}---\r\ntitle: x\n---\nbody\r\n"
        try folder.write("post.md", original)
        _ = try CommandRunner.run(["check", "."], in: URL(fileURLWithPath: folder.path))
        #expect(try folder.read("post.md") == Array(original.utf8))
    }
}
