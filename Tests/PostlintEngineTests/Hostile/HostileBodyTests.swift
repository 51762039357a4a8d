import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// Bodies built to exhaust a recursive or quadratic Markdown scanner: the run ends, the file is
/// linted, and the front matter rules still report what they would on an ordinary post.
@Suite struct HostileBodyTests {
    /// Front matter with a slug that `slug-format` reports, so each test can see the rules still ran.
    static let frontMatter =
        "---\ntitle: Hostile body\nslug: Not A Slug\nexcerpt: A post whose body is built to break a Markdown scanner, to check it cannot.\nkeywords: [hostile]\n---\n"

    private func lint(_ body: String) throws -> LintOutcome {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.frontMatter + body)
        return try Linter(workingDirectory: folder.path).lint(paths: ["."])
    }

    private func expectLintedWithTheFrontMatterRules(_ outcome: LintOutcome, _ what: Comment) {
        #expect(outcome.files == ["post.md"], what)
        #expect(outcome.problems.isEmpty, what)
        #expect(outcome.findings.contains { $0.ruleID == "slug-format" && $0.start.line == 3 }, what)
    }

    /// Bodies nested 10,000 levels deep, by name (the names keep the test log readable).
    static func body(_ name: String) -> String {
        let levels = 10_000
        switch name {
        case "brackets": return String(repeating: "[", count: levels) + "x" + String(repeating: "](y)", count: levels)
        case "image brackets": return String(repeating: "![", count: levels) + String(repeating: "]", count: levels)
        case "emphasis": return String(repeating: "*", count: levels) + "x" + String(repeating: "_", count: levels)
        case "strong emphasis": return String(repeating: "**a ", count: levels) + String(repeating: "b** ", count: levels)
        // Each marker on one line opens a list inside the previous one's item.
        case "list levels": return String(repeating: "- ", count: levels) + "x"
        case "ordered list levels": return String(repeating: "1. ", count: levels) + "x"
        case "block quotes": return String(repeating: "> ", count: levels) + "quote"
        case "quotes, lists and ordered lists": return String(repeating: "> 1. - ", count: levels / 3) + "x"
        case "code spans": return String(repeating: "`", count: levels) + "x" + String(repeating: "``", count: levels / 2)
        // Remote targets, so that 10,000 links are not 10,000 broken-link findings on one line (whose
        // cost HostileCommandTests.aOneMegabyteSingleLineFullOfMarkupEnds tracks).
        case "HTML":
            return String(repeating: "<a href='https://example.com/'>", count: levels)
                + String(repeating: "</a>", count: levels)
        case "links in link text": return String(repeating: "[a](https://example.com/) [", count: levels)
        default: return name
        }
    }

    @Test(arguments: [
        "brackets", "image brackets", "emphasis", "strong emphasis", "list levels", "ordered list levels",
        "block quotes", "quotes, lists and ordered lists", "code spans", "HTML", "links in link text",
    ])
    func tenThousandNestingLevels(_ name: String) throws {
        expectLintedWithTheFrontMatterRules(try lint(Self.body(name) + "\n"), "\(name)")
    }

    @Test func aOneMegabyteLineWithoutSpacesOrMarkup() throws {
        let outcome = try lint(String(repeating: "x", count: 1_048_576) + "\n")
        expectLintedWithTheFrontMatterRules(outcome, "1 MB of one character")
    }

    @Test func nulAndControlBytesInTheBodyAreReportedNotFatal() throws {
        let folder = try TemporaryFolder()
        var bytes = Array((Self.frontMatter + "Body with a NUL").utf8)
        bytes += [0, 0x01, 0x1B, 0xFF, 0xFE, 0]
        bytes += Array(" and the rest.\n".utf8)
        try folder.write("post.md", bytes: bytes)
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.files == ["post.md"])
        #expect(outcome.findings.contains { $0.ruleID == "slug-format" })
        #expect(outcome.findings.contains { $0.ruleID == "invalid-utf8" && $0.start.line == 7 })
    }
}
