import PostlintCore
import PostlintReporters
import Testing

@Suite struct GitHubActionsReporterTests {
    @Test func oneWorkflowCommandPerFinding() {
        let finding = Finding(
            path: "posts/tea.md", start: SourceLocation(line: 3, column: 7),
            end: SourceLocation(line: 3, column: 18), ruleID: "slug-format", severity: .error,
            message: "slug is wrong")
        let output = GitHubActionsReporter().render(LintReport(findings: [finding], fileCount: 1, rules: [], toolVersion: "0"))
        #expect(output == "::error file=posts/tea.md,line=3,col=7,endLine=3,endColumn=18,title=slug-format::slug is wrong\n")
    }

    @Test func severitiesMapToCommands() {
        #expect(Severity.allCases.map(GitHubActionsReporter.command(for:)) == ["notice", "warning", "error"])
    }

    @Test func messagesEscapePercentAndLineBreaks() {
        #expect(GitHubActionsReporter.escapedData("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b")
        #expect(GitHubActionsReporter.escapedData("%0A") == "%250A")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubActionsReporter.escapedProperty("C:\\a,b%\nc") == "C%3A\\a%2Cb%25%0Ac")
    }

    @Test func hostilePathCannotAddProperties() {
        let finding = Finding(
            path: "a.md,line=99::injected\n::error::x", start: SourceLocation(line: 1, column: 1),
            end: SourceLocation(line: 1, column: 1), ruleID: "r", severity: .warning, message: "m\n::error::y")
        let output = GitHubActionsReporter().render(LintReport(findings: [finding], fileCount: 1, rules: [], toolVersion: "0"))
        #expect(
            output
                == "::warning file=a.md%2Cline=99%3A%3Ainjected%0A%3A%3Aerror%3A%3Ax,line=1,col=1,endLine=1,endColumn=1,title=r::m%0A::error::y\n"
        )
        #expect(output.split(separator: "\n").count == 1)
    }

    @Test func nothingForACleanRun() {
        #expect(GitHubActionsReporter().render(ReportSamples.cleanReport) == "")
    }
}
