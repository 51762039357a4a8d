import PostlintReporters
import Testing

/// Every format's whole output on the sample reports, compared with the golden files.
@Suite struct GoldenReportTests {
    @Test func text() {
        Golden.check(TextReporter(colored: false).render(ReportSamples.report), matches: "report.txt")
    }

    @Test func textColored() {
        Golden.check(TextReporter(colored: true).render(ReportSamples.report), matches: "report-colored.txt")
    }

    @Test func textQuiet() {
        Golden.check(TextReporter(colored: false, quiet: true).render(ReportSamples.report), matches: "report-quiet.txt")
    }

    @Test func textClean() {
        Golden.check(TextReporter(colored: false).render(ReportSamples.cleanReport), matches: "clean.txt")
    }

    @Test func json() {
        Golden.check(JSONReporter().render(ReportSamples.report), matches: "report.json")
    }

    @Test func jsonCompact() {
        Golden.check(JSONReporter(layout: .compact).render(ReportSamples.report), matches: "report-compact.json")
    }

    @Test func jsonClean() {
        Golden.check(JSONReporter().render(ReportSamples.cleanReport), matches: "clean.json")
    }

    /// Also validated against the OASIS schema by `.ci/sarif.sh`.
    @Test func sarif() {
        Golden.check(SARIFReporter().render(ReportSamples.report), matches: "report.sarif")
    }

    @Test func sarifClean() {
        Golden.check(SARIFReporter().render(ReportSamples.cleanReport), matches: "clean.sarif")
    }

    @Test func github() {
        Golden.check(GitHubActionsReporter().render(ReportSamples.report), matches: "report-github.txt")
    }

    @Test func junit() {
        Golden.check(JUnitReporter().render(ReportSamples.report), matches: "report-junit.xml")
    }

    @Test func junitClean() {
        Golden.check(JUnitReporter().render(ReportSamples.cleanReport), matches: "clean-junit.xml")
    }
}
