import PostlintCore

/// `duplicate-title` (site-level): two posts with one title.
public struct DuplicateTitleRule: SiteRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-title", category: .site,
        summary: "No two posts share a title",
        rationale: """
            Two results with the same title look like one page twice: readers cannot tell which \
            to pick, and search engines may show only one of them. Titles are compared ignoring \
            letter case and punctuation. Each post is reported, naming the others.
            """,
        defaultSeverity: .warning, reads: [.frontMatter],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(("blog/first-steps.md", "---\ntitle: ⟦Brewing Green Tea⟧\n---\n"),
                            ("blog/steeping-times.md", "---\ntitle: ⟦\"brewing green tea!\"⟧\n---\n"),
                            ("blog/black-tea.md", "---\ntitle: Brewing Black Tea\n---\n")),
        ],
        nonTriggeringSiteExamples: [
            SiteRuleExample(("blog/green.md", "---\ntitle: Brewing Green Tea\n---\n"),
                            ("blog/black.md", "---\ntitle: Brewing Black Tea\n---\n")),
        ])

    public var metadata: RuleMetadata { Self.metadata }

    public init(options: RuleOptions) {}

    public static var factory: SiteRuleFactory {
        SiteRuleFactory(metadata: metadata) { Self(options: $0) }
    }

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        SiteDuplicates.fieldFact("title", key: "title", of: document, context: context)
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        SiteDuplicates.findings(facts, key: "title", metadata: Self.metadata) { title, others in
            "title \"\(title)\" is also used by \(others)"
        }
    }
}
