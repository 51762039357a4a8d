import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// What the YAML front matter's reading means for findings, through the whole linter.
@Suite struct YAMLFrontMatterFindingsTests {
    private func findings(_ post: String) throws -> [Finding] {
        let folder = try TemporaryFolder()
        try folder.write("post.md", post)
        return Array(try Linter(workingDirectory: folder.path).lint(paths: ["."]).findings)
    }

    @Test func anUnknownTagIsAWarningOfFrontMatterSyntax() throws {
        let found = try findings("---\ntitle: !custom Brewing tea\nslug: brewing-tea\n---\nTea.\n")
        let notice = try #require(found.first { $0.ruleID == "front-matter-syntax" })
        #expect(notice.severity == .warning)
        #expect(notice.start.line == 2)
        #expect(notice.message.contains("!custom"))
    }

    @Test func aKeyRepeatedInANestedMapIsAWarningNotASyntaxError() throws {
        let found = try findings("---\ntitle: Tea\nauthor:\n  name: Ann\n  name: Bo\n---\nTea.\n")
        #expect(!found.contains { $0.ruleID == "front-matter-syntax" })
        let duplicate = try #require(found.first { $0.ruleID == "duplicate-key" })
        #expect(duplicate.severity == .warning)
        #expect(duplicate.start.line == 4)
        #expect(duplicate.start.column == 3)
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func lineSeparatorsInAValueDoNotShiftLaterFindings(_ separator: String) throws {
        let found = try findings("---\nexcerpt: \"one\(separator)two\"\nslug: Not A Slug\nauthor:\n  name: x\n---\nTea.\n")
        let slug = try #require(found.first { $0.ruleID == "slug-format" })
        #expect(slug.start.line == 3)
        #expect(slug.start.column == 7)
    }
}
