import PostlintCore
import PostlintReporters
import Testing

@Suite struct TextReporterTests {
    private func finding(
        _ severity: Severity, path: String = "a.md", message: String = "m",
        fixable: Bool = false
    ) -> Finding {
        Finding(
            path: path, start: SourceLocation(line: 2, column: 5), end: SourceLocation(line: 2, column: 9),
            ruleID: "some-rule", severity: severity, message: message,
            fix: fixable ? Fix(title: "t", edits: []) : nil)
    }

    private func render(_ findings: [Finding], files: Int = 1, colored: Bool = false, quiet: Bool = false) -> String {
        TextReporter(colored: colored, quiet: quiet)
            .render(LintReport(findings: findings, fileCount: files, rules: [], toolVersion: "0"))
    }

    @Test func oneCompilerStyleLinePerFindingThenASummary() {
        let output = render([finding(.error), finding(.warning, path: "b.md", message: "second")], files: 5)
        #expect(
            output == """
                a.md:2:5: error: m [some-rule]
                b.md:2:5: warning: second [some-rule]
                1 error, 1 warning, 0 infos in 5 files

                """)
    }

    @Test func summaryCountsAndPlurals() {
        #expect(render([], files: 1) == "No problems in 1 file\n")
        #expect(render([], files: 0) == "No problems in 0 files\n")
        let many = [finding(.error), finding(.error), finding(.info), finding(.info, fixable: true)]
        #expect(render(many, files: 2).hasSuffix("2 errors, 0 warnings, 2 infos in 2 files (1 fixable with `postlint fix`)\n"))
    }

    @Test func findingsOfARuleThatReportsWhatItCouldNotJudgeAreCountedApart() {
        var notJudged = finding(.info)
        notJudged.ruleID = "route-not-known"
        let findings = [finding(.info), notJudged, notJudged]
        func metadata(_ capabilities: RuleCapabilities) -> RuleMetadata {
            RuleMetadata(
                id: "route-not-known", category: .body, summary: "s", rationale: "r", defaultSeverity: .info,
                reads: [.markdown], capabilities: capabilities, triggeringExamples: [], nonTriggeringExamples: [])
        }
        func summary(_ capabilities: RuleCapabilities) -> String {
            TextReporter(colored: false, quiet: false)
                .render(LintReport(findings: findings, fileCount: 1, rules: [metadata(capabilities)], toolVersion: "0"))
                .split(separator: "\n").last.map(String.init) ?? ""
        }
        #expect(summary(.reportsUnchecked) == "0 errors, 0 warnings, 1 info in 1 file (2 links not checked)")
        #expect(summary([]) == "0 errors, 0 warnings, 3 infos in 1 file")
    }

    @Test func quietShowsErrorsOnly() {
        let output = render([finding(.error), finding(.warning), finding(.info)], files: 3, quiet: true)
        #expect(output == "a.md:2:5: error: m [some-rule]\n1 error in 3 files\n")
        #expect(render([finding(.warning)], quiet: true) == "No errors in 1 file\n")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = render([finding(.error)])
        #expect(!plain.contains("\u{1B}"))
        let colored = render([finding(.error)], colored: true)
        #expect(colored.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1ma.md:2:5:\u{1B}[0m"))
        // Without the escapes it is the plain text.
        #expect(colored.replacing(/\x{1B}\[[0-9;]*m/, with: "") == plain)
    }

    @Test func hostileTextCannotBreakTheLineOrDriveTheTerminal() {
        let message = "a\nb\r\u{1B}[2Jc\u{7}\u{0}\u{9B}d\u{202E}e\tf"
        let output = render([finding(.error, path: "x\ny.md", message: message)])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let expected = #"x\ny.md:2:5: error: a\nb\r\u{1B}[2Jc\u{7}\u{0}\u{9B}d\u{202E}e"# + "\tf [some-rule]"
        #expect(lines.first == expected)
    }
}
