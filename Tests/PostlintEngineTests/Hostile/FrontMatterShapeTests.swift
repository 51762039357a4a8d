import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// YAML front matter that is not a mapping of fields is never a silent pass: an empty block is
/// judged as TOML's empty table is (the required fields are missing), anything else is an error.
@Suite struct FrontMatterShapeTests {
    private func findings(_ text: String) throws -> [Finding] {
        let folder = try TemporaryFolder()
        try folder.write("post.md", bytes: Array(text.utf8))
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.problems.isEmpty)
        return Array(outcome.findings)
    }

    @Test(arguments: [
        "---\n---\n\nBody.\n", "---\n# only a comment\n---\nBody.\n", "---\nnull\n---\nBody.\n",
        "---\n~\n---\n", "+++\n+++\n\nBody.\n",
    ])
    func emptyFrontMatterLacksTheRequiredFields(_ text: String) throws {
        let all = try findings(text)
        let missing = all.filter { $0.ruleID == "required-fields" }
        #expect(missing.count == 4, "\(all.map(\.message))")
        #expect(missing.allSatisfy { $0.severity == .error && $0.message.contains("missing required field") })
        #expect(!all.contains { $0.ruleID == "front-matter-syntax" })
    }

    @Test(arguments: [
        ("---\n- a\n- b\n---\nBody.\n", "not a list", 2),
        ("---\njust a string\n---\nBody.\n", "not a string", 2),
        ("---\n\n42\n---\n", "not an integer", 3),
    ])
    func frontMatterThatIsNotAMappingIsAnError(_ text: String, _ phrase: String, _ line: Int) throws {
        let all = try findings(text)
        let syntax = try #require(all.first { $0.ruleID == "front-matter-syntax" })
        #expect(syntax.severity == .error)
        #expect(syntax.message.contains("front matter must be a mapping of fields"))
        #expect(syntax.message.contains(phrase))
        #expect(syntax.start.line == line)
    }
}
