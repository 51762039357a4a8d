import PostlintCore

/// `duplicate-excerpt` (site-level): two posts with one excerpt (meta description).
public struct DuplicateExcerptRule: BuiltInSiteRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-excerpt", category: .site,
        summary: "No two posts share an excerpt",
        rationale: """
            The excerpt usually becomes the meta description. Pages with the same description \
            look interchangeable in search results, and search engines tend to replace repeated \
            descriptions with text of their own choosing. Excerpts are compared ignoring letter \
            case and punctuation. Each post is reported, naming the others. Posts in different languages (a \
            `lang` or `language` field, a Hugo suffix such as post.fr.md, or a language folder such as \
            en/, ja/ or pt-br/) are not compared: a translation may keep the same excerpt.
            """,
        defaultSeverity: .warning, reads: [.frontMatter],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(
                ("tea/sencha.md", "---\nexcerpt: ⟦How to brew a better cup at home.⟧\n---\n"),
                ("tea/gyokuro.md", "---\nexcerpt: ⟦how to brew a better cup at home⟧\n---\n"))
        ],
        nonTriggeringSiteExamples: [
            SiteRuleExample(
                ("tea/sencha.md", "---\nexcerpt: Sencha likes water just off the boil.\n---\n"),
                ("tea/gyokuro.md", "---\nexcerpt: Gyokuro wants cooler water and patience.\n---\n")),
            // An untranslated excerpt in a translated post.
            SiteRuleExample(
                ("en/tea/sencha.md", "---\nexcerpt: Sencha likes water just off the boil.\n---\n"),
                ("ko/tea/sencha.md", "---\nexcerpt: Sencha likes water just off the boil.\n---\n"),
                ("tea/sencha.md", "---\nlanguage: it\nexcerpt: Sencha likes water just off the boil.\n---\n")),
        ])

    public init(options: NoOptions) {}

    /// The excerpt's fact holds a digest of its normalised text, not the text: the message does
    /// not quote it, and a site's excerpts would otherwise be its largest facts.
    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        guard var fact = SiteDuplicates.fieldFact("excerpt", key: "excerpt", of: document, context: context).first
        else { return [] }
        // Hashed as it is normalised, from the value's bytes: no normalised string is built.
        var value = fact.value
        guard let hash = value.withUTF8({ SiteDuplicates.Comparison.normalized.hash(ofValue: $0) }) else { return [] }
        fact.value = SiteDuplicates.digest(ofHash: hash)
        return [fact]
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        SiteDuplicates.findings(facts, key: "excerpt", metadata: Self.metadata) { _, others in
            "the same excerpt is used by \(others)"
        }
    }
}
