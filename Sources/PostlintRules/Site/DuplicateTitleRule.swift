import PostlintCore

/// `duplicate-title` (site-level): two posts with one title.
public struct DuplicateTitleRule: BuiltInSiteRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-title", category: .site,
        summary: "No two posts share a title",
        rationale: """
            Two results with the same title look like one page twice: readers cannot tell which \
            to pick, and search engines may show only one of them. Titles are compared ignoring \
            letter case and punctuation. Each post is reported, naming the others. Posts in different languages (a \
            `lang` or `language` field, a Hugo suffix such as post.fr.md, or a language folder such as \
            en/, ja/ or pt-br/) are not compared: a translation may keep the same title.
            """,
        defaultSeverity: .warning, reads: [.frontMatter],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(
                ("blog/first-steps.md", "---\ntitle: ⟦Brewing Green Tea⟧\n---\n"),
                ("blog/steeping-times.md", "---\ntitle: ⟦\"brewing green tea!\"⟧\n---\n"),
                ("blog/black-tea.md", "---\ntitle: Brewing Black Tea\n---\n")),
            // Within one language folder, still duplicates.
            SiteRuleExample(
                ("pt-br/news/a.md", "---\ntitle: ⟦Ruby 3.3 lançado⟧\n---\n"),
                ("pt-br/news/b.md", "---\ntitle: ⟦Ruby 3.3 lançado⟧\n---\n")),
        ],
        nonTriggeringSiteExamples: [
            SiteRuleExample(
                ("blog/green.md", "---\ntitle: Brewing Green Tea\n---\n"),
                ("blog/black.md", "---\ntitle: Brewing Black Tea\n---\n")),
            // Translations: language folders, Hugo suffixes, a lang field.
            SiteRuleExample(
                ("en/news/ruby-3-3.md", "---\ntitle: Ruby 3.3 Released\n---\n"),
                ("ja/news/ruby-3-3.md", "---\ntitle: Ruby 3.3 Released\n---\n"),
                ("content/green.md", "---\ntitle: Brewing Green Tea\n---\n"),
                ("content/green.fr.md", "---\ntitle: Brewing Green Tea\n---\n"),
                ("notes/green.md", "---\nlang: de\ntitle: Brewing Green Tea\n---\n")),
        ])

    public init(options: NoOptions) {}

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        SiteDuplicates.fieldFact("title", key: "title", of: document, context: context)
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        SiteDuplicates.findings(facts, key: "title", metadata: Self.metadata) { title, others in
            "title \"\(title)\" is also used by \(others)"
        }
    }
}
