import Testing
import PostlintCore
import PostlintParsing
@testable import PostlintRules

@Suite struct DuplicateSlugRuleTests {
    private func facts(_ rule: DuplicateSlugRule, _ path: String, _ text: String) -> [SiteFact] {
        rule.facts(of: DocumentLoader.load(path: path, text: text), context: RuleContext())
    }

    @Test func reportsEachPostNamingTheOther() {
        let rule = DuplicateSlugRule(options: RuleOptions())
        let all =
            facts(rule, "a.md", "---\nslug: same\n---\n") + facts(rule, "b.md", "---\ntitle: x\nslug: same\n---\n")
            + facts(rule, "c.md", "---\nslug: other\n---\n")
        let findings = rule.check(SiteFacts(all)).sorted(by: Finding.reportOrder)
        #expect(findings.map(\.path) == ["a.md", "b.md"])
        #expect(findings[0].message == "slug \"same\" is also used by b.md")
        #expect(findings[1].message == "slug \"same\" is also used by a.md")
        #expect(findings[1].start == SourceLocation(line: 3, column: 7))
    }

    @Test func uniqueSlugsAndMissingSlugsAreFine() {
        let rule = DuplicateSlugRule(options: RuleOptions())
        let all =
            facts(rule, "a.md", "---\nslug: one\n---\n") + facts(rule, "b.md", "---\nslug: two\n---\n")
            + facts(rule, "c.md", "No front matter\n") + facts(rule, "d.md", "---\nslug: \"\"\n---\n")
        #expect(rule.check(SiteFacts(all)).isEmpty)
    }
}

@Suite struct SiteDuplicatesListingTests {
    @Test func namesAFewOthersThenCountsTheRest() {
        let paths = (0..<300).map { "p\(String(format: "%03d", $0)).md" }
        #expect(SiteDuplicates.otherPaths(paths, besides: "p001.md") == "p000.md, p002.md, p003.md and 296 others")
        #expect(SiteDuplicates.otherPaths(["a.md", "b.md"], besides: "a.md") == "b.md")
        #expect(
            SiteDuplicates.otherPaths(["a.md", "b.md", "c.md", "d.md", "e.md"], besides: "e.md") == "a.md, b.md, c.md and 1 other"
        )
    }
}
