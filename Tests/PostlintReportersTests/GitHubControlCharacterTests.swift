import PostlintCore
import PostlintReporters
import Testing

/// `--format github` never writes a raw control byte: names and messages from hostile files keep
/// the workflow-command escaping and show every other control character as a visible escape.
@Suite struct GitHubControlCharacterTests {
    @Test func controlCharactersInPathsAndMessagesAreVisibleEscapes() {
        let finding = Finding(
            path: "posts/\u{1B}[31mred\u{0}\u{7F}\u{85},x:y%.md", start: SourceLocation(line: 1, column: 1),
            end: SourceLocation(line: 1, column: 2), ruleID: "slug-format", severity: .error,
            message: "slug \"a\u{0}b\u{1B}]0;title\u{7}\tc\r\n%\"")
        let output = GitHubActionsReporter().render(LintReport(findings: [finding], fileCount: 1, rules: [], toolVersion: "0"))
        #expect(
            output == "::error file=posts/\\u{1B}[31mred\\u{0}\\u{7F}\\u{85}%2Cx%3Ay%25.md,line=1,col=1,endLine=1,endColumn=2,"
                + "title=slug-format::slug \"a\\u{0}b\\u{1B}]0;title\\u{7}\\u{9}c%0D%0A%25\"\n")
        #expect(!output.unicodeScalars.dropLast().contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func ordinaryTextIsUnchanged() {
        #expect(GitHubActionsReporter.escapedData("café — naïve, 50: ok") == "café — naïve, 50: ok")
        #expect(GitHubActionsReporter.escapedProperty("posts/ünïcode.md") == "posts/ünïcode.md")
    }
}
