import PostlintCore

/// `duplicate-slug` (site-level): two posts with one slug.
public struct DuplicateSlugRule: BuiltInSiteRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-slug", category: .site,
        summary: "No two posts share a slug",
        rationale: """
            Two posts with one slug compete for one URL: one of them is unreachable, or the \
            build fails, depending on the site generator. Each post is reported, naming the other. Posts in different languages (a \
            `lang` or `language` field, a Hugo suffix such as post.fr.md, or a language folder such as \
            en/, ja/ or pt-br/) are not compared: a translation may keep the same slug, served under its language's prefix.
            """,
        defaultSeverity: .error, reads: [.frontMatter],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(
                ("2024/green-tea.md", "---\nslug: ⟦green-tea⟧\n---\n"),
                ("2025/green-tea-again.md", "---\nslug: ⟦green-tea⟧\n---\n"))
        ],
        nonTriggeringSiteExamples: [
            // Slugs are compared exactly, as URLs are.
            SiteRuleExample(("a.md", "---\nslug: green-tea\n---\n"), ("b.md", "---\nslug: Green-Tea\n---\n")),
            // Translations keep the slug under their language's prefix.
            SiteRuleExample(
                ("content/en/green-tea.md", "---\nslug: green-tea\n---\n"),
                ("content/pt-br/green-tea.md", "---\nslug: green-tea\n---\n"),
                ("content/tea.md", "---\nslug: green-tea\n---\n"),
                ("content/tea.zh-tw.md", "---\nslug: green-tea\n---\n")),
        ])

    public init(options: NoOptions) {}

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        guard let node = document.field(context.fieldNames.name(of: "slug")), let slug = node.scalarText,
            !slug.isEmpty
        else { return [] }
        return [
            SiteFact(
                path: document.path, key: SiteDuplicates.factKey("slug", of: document), value: slug,
                start: document.location(of: node.range.lowerBound),
                end: document.location(of: node.range.upperBound))
        ]
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        // Slugs are compared exactly, as URLs are.
        SiteDuplicates.findings(facts, key: "slug", metadata: Self.metadata, comparison: .exact) { slug, others in
            "slug \"\(slug)\" is also used by \(others)"
        }
    }
}
