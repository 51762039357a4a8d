import PostlintCore
import PostlintReporters
import Testing

@Suite struct ReportFormatTests {
    @Test func everyFormatHasAReporter() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "junit"])
        #expect(ReportFormat.text.makeReporter(colored: true, quiet: true) is TextReporter)
        #expect(ReportFormat.json.makeReporter() is JSONReporter)
        #expect(ReportFormat.sarif.makeReporter() is SARIFReporter)
        #expect(ReportFormat.github.makeReporter() is GitHubActionsReporter)
        #expect(ReportFormat.junit.makeReporter(files: ["a.md"]) is JUnitReporter)
    }

    @Test func optionsReachTheReporters() {
        let report = LintReport(
            findings: [
                Finding(
                    path: "a.md", start: SourceLocation(line: 1, column: 1),
                    end: SourceLocation(line: 1, column: 1), ruleID: "r",
                    severity: .warning, message: "m")
            ],
            fileCount: 1, rules: [], toolVersion: "0")
        #expect(ReportFormat.text.makeReporter(colored: true).render(report).contains("\u{1B}["))
        #expect(!ReportFormat.text.makeReporter(colored: false).render(report).contains("\u{1B}["))
        #expect(ReportFormat.text.makeReporter(quiet: true).render(report) == "No errors in 1 file\n")
        #expect(ReportFormat.json.makeReporter(compact: true).render(report).filter { $0 == "\n" }.count == 1)
        #expect(ReportFormat.sarif.makeReporter(compact: true).render(report).filter { $0 == "\n" }.count == 1)
        #expect(ReportFormat.junit.makeReporter(files: ["z.md"]).render(report).contains("name=\"z.md\""))
    }

    /// Many findings render in one pass: a run over a large site must not be quadratic.
    @Test func largeReportsRenderCompletely() {
        let findings = (0..<20_000).map { index in
            Finding(
                path: "posts/p\(index / 10).md", start: SourceLocation(line: index % 10 + 1, column: 1),
                end: SourceLocation(line: index % 10 + 1, column: 4), ruleID: "r", severity: .warning,
                message: "finding \(index)")
        }
        let report = LintReport(findings: findings, fileCount: 2_000, rules: [], toolVersion: "0")
        #expect(TextReporter(colored: false).render(report).split(separator: "\n").count == 20_001)
        #expect(GitHubActionsReporter().render(report).split(separator: "\n").count == 20_000)
        #expect(JSONReporter(layout: .compact).render(report).components(separatedBy: "\"rule\":").count == 20_001)
        #expect(SARIFReporter(layout: .compact).render(report).components(separatedBy: "\"ruleId\":").count == 20_001)
        #expect(JUnitReporter().render(report).components(separatedBy: "<failure ").count == 20_001)
    }
}
