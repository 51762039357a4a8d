import Testing
import PostlintCore
@testable import PostlintReporters

@Suite struct AuditReportersTests {
    static func finding(_ path: String, _ rule: String, line: Int, _ message: String) -> Finding {
        Finding(
            path: path, start: SourceLocation(line: line, column: 3), end: SourceLocation(line: line, column: 9),
            ruleID: rule, severity: .warning, message: message)
    }

    static let report = AuditReport(
        posts: [
            AuditReport.Post(path: "posts/a.md", title: "Green tea", score: 100, checksPassed: 3, checksRun: 3, failed: []),
            AuditReport.Post(
                path: "posts/<b>&\"c\".md", title: "<script>alert(1)</script>", score: 40, checksPassed: 1,
                checksRun: 3,
                failed: [
                    AuditReport.FailedCheck(
                        id: "title-length", weight: 2,
                        findings: [
                            finding("posts/<b>&\"c\".md", "title-length", line: 2, "title is <short>")
                        ]),
                    AuditReport.FailedCheck(
                        id: "link-text", weight: 2,
                        findings: [
                            finding("posts/<b>&\"c\".md", "link-text", line: 7, "link text \"here\" says nothing"),
                            finding("posts/<b>&\"c\".md", "link-text", line: 9, "link text \"more\" says nothing"),
                        ]),
                ]),
            AuditReport.Post(
                path: "posts/d.md", title: nil, score: 67, checksPassed: 2, checksRun: 3,
                failed: [
                    AuditReport.FailedCheck(
                        id: "link-text", weight: 2, findings: [finding("posts/d.md", "link-text", line: 4, "x")])
                ]),
        ],
        checks: [
            AuditReport.Check(id: "title-length", summary: "The title fits", severity: .warning, weight: 2, passed: 2, total: 3),
            AuditReport.Check(
                id: "link-text", summary: "Link text says where", severity: .warning, weight: 2, passed: 1, total: 3),
            AuditReport.Check(id: "heading-structure", summary: "Headings", severity: .error, weight: 3, passed: 3, total: 3),
        ],
        siteFindings: [finding("posts/a.md", "orphan-image", line: 1, "image \"images/x.png\" is not used by any post")],
        toolVersion: "9.9.9")

    @Test func summaryFigures() {
        let report = Self.report
        #expect(report.averageScore == 69)
        #expect(report.distribution == [0, 0, 0, 0, 1, 0, 1, 0, 0, 1])
        #expect(report.worstPosts(1).map(\.score) == [40])
        #expect(report.worstPosts(5).map(\.score) == [40, 67])
        #expect(report.checks[1].passRate == 100.0 / 3)
        #expect(AuditReport.weight(of: .error) == 3 && AuditReport.weight(of: .info) == 1)
    }

    @Test func textIsATableWithTheWorstPostsAndPassRates() {
        let text = AuditTextReporter(worstCount: 1).render(Self.report)
        #expect(text.hasPrefix("SEO audit: 3 posts, average score 69.0 / 100\n"))
        #expect(text.contains("  100     3/3  posts/a.md\n"))
        #expect(text.contains("   40     1/3  posts/<b>&\"c\".md\n"))
        #expect(text.contains("       - link-text (lines 7, 9): link text \"here\" says nothing\n"))
        #expect(!text.contains("   67  posts/d.md\n"), "only the worst post is listed")
        #expect(text.contains("link-text               2       33 %  1/3\n"))
        #expect(text.contains("image \"images/x.png\" is not used by any post [orphan-image]"))
    }

    @Test func textNamesEachLineOnce() {
        var report = Self.report
        report.posts[1].failed = [
            AuditReport.FailedCheck(
                id: "readability", weight: 1,
                findings: [
                    Self.finding("posts/e.md", "readability", line: 12, "sentences are long"),
                    Self.finding("posts/e.md", "readability", line: 12, "passive voice"),
                ])
        ]
        let text = AuditTextReporter(worstCount: 1).render(report)
        #expect(text.contains("       - readability (line 12): sentences are long\n"), "\(text)")
        #expect(!text.contains("12, 12"))
    }

    @Test func textEscapesControlCharacters() {
        var report = Self.report
        report.posts[0].path = "evil\u{1B}[31m.md"
        #expect(!AuditTextReporter().render(report).contains("\u{1B}"))
    }

    @Test func jsonHasTheDocumentedShape() {
        let json = AuditJSONReporter(worstCount: 2, layout: .compact).render(Self.report)
        #expect(
            json.hasPrefix(
                "{\"tool\":{\"name\":\"postlint\",\"version\":\"9.9.9\"},\"summary\":{\"posts\":3,\"averageScore\":69.0,"
                    + "\"distribution\":[0,0,0,0,1,0,1,0,0,1]},\"posts\":[{\"path\":\"posts/a.md\",\"title\":\"Green tea\","
                    + "\"score\":100,\"checksPassed\":3,\"checksRun\":3,\"failed\":[]},"))
        #expect(json.contains("\"worst\":[\"posts/<b>&\\\"c\\\".md\",\"posts/d.md\"]"))
        #expect(
            json.contains(
                "{\"id\":\"link-text\",\"summary\":\"Link text says where\",\"severity\":\"warning\",\"weight\":2,"
                    + "\"passed\":1,\"total\":3,\"passRate\":33.3}"))
        #expect(
            json.contains(
                "{\"rule\":\"title-length\",\"weight\":2,\"findings\":[{\"path\":\"posts/<b>&\\\"c\\\".md\",\"line\":2,"
                    + "\"column\":3,\"endLine\":2,\"endColumn\":9,\"rule\":\"title-length\",\"severity\":\"warning\","
                    + "\"message\":\"title is <short>\"}]}"))
        #expect(json.hasSuffix("\"problems\":[]}\n"))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let html = AuditHTMLReporter().render(Self.report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("default-src 'none'"))
        // No network: the only URL is the SVG namespace.
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(!html.contains("<script src") && !html.contains("<link rel=\"stylesheet\""))
        #expect(html.contains("<svg id=\"score-chart\""))
        #expect(html.contains("<table id=\"posts\" class=\"sortable\">"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("title is &lt;short&gt;"))
        #expect(html.components(separatedBy: "<script>").count == 2, "one inline script")
    }

    @Test func htmlLinksEachFindingToItsLine() {
        let html = AuditHTMLReporter(linkBase: "https://example.com/blob/main/").render(Self.report)
        #expect(html.contains("<a href=\"https://example.com/blob/main/posts/%3Cb%3E%26%22c%22.md#L7\">line 7</a>"))
        #expect(html.contains("<a href=\"https://example.com/blob/main/posts/d.md#L4\">line 4</a>"))
        let relative = AuditHTMLReporter(linkBase: "../").render(Self.report)
        #expect(relative.contains("<a href=\"../posts/d.md#L4\">line 4</a>"))
    }

    @Test func theChartHasABarPerTenthScaledToTheHighest() {
        let svg = AuditHTMLReporter().chart([0, 0, 0, 0, 1, 0, 2, 0, 0, 1])
        #expect(svg.components(separatedBy: "<rect ").count == 11)
        #expect(svg.contains("<title>60–69: 2 posts</title>"))
        #expect(svg.contains("<title>90–100: 1 post</title>"))
        #expect(svg.contains("class=\"bar poor\" x=\"44\" y=\"220\" width=\"51\" height=\"0\""))
        #expect(svg.contains("height=\"200\"><title>60–69"))
    }
}
