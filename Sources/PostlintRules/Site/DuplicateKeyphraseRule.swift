import PostlintCore

/// `duplicate-keyphrase` (site-level): two posts competing for one focus keyphrase.
public struct DuplicateKeyphraseRule: BuiltInSiteRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-keyphrase", category: .site,
        summary: "No two posts compete for one focus keyphrase",
        rationale: """
            Two posts optimised for the same keyphrase compete with each other in search results \
            (keyword cannibalisation): search engines pick one, often not the one you would, and \
            each ranks lower than a single, stronger page would. Yoast SEO warns when a focus \
            keyphrase was used before. The focus keyphrase is the keyphrase field when set, else \
            the first keyword; compared ignoring case and punctuation. A phrase that is the focus of \
            a few posts (up to max-competing) is reported on each of them. A phrase that more posts \
            share is a topic (typically a tag mapped onto keywords) rather than a competing \
            keyphrase: it gets one info finding for the site, on the first of its posts, whatever \
            the rule's severity. Posts in different languages (a \
            `lang` or `language` field, a Hugo suffix such as post.fr.md, or a language folder such as \
            en/, ja/ or pt-br/) are not compared: a translation may keep the same keyphrase.
            """,
        defaultSeverity: .warning,
        options: Options.declared,
        reads: [.frontMatter],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(
                ("cold-brew.md", "---\nfocus_keyphrase: ⟦cold brew tea⟧\n---\n"),
                ("iced-tea.md", "---\nkeywords: [⟦Cold-brew tea⟧, summer]\n---\n")),
            // Five posts sharing a phrase is a topic: one info finding for the site.
            SiteRuleExample(
                ("a.md", "---\nkeywords: [⟦green tea⟧]\n---\n"), ("b.md", "---\nkeywords: [green tea]\n---\n"),
                ("c.md", "---\nkeywords: [green tea]\n---\n"), ("d.md", "---\nkeywords: [green tea]\n---\n"),
                ("e.md", "---\nkeywords: [green tea]\n---\n")),
        ],
        nonTriggeringSiteExamples: [
            SiteRuleExample(
                ("cold-brew.md", "---\nfocus_keyphrase: cold brew tea\n---\n"),
                ("iced-tea.md", "---\nkeywords: [iced tea, cold brew tea]\n---\n")),
            // A translation keeps the keyphrase.
            SiteRuleExample(
                ("cold-brew.md", "---\nfocus_keyphrase: cold brew tea\n---\n"),
                ("cold-brew.es.md", "---\nfocus_keyphrase: cold brew tea\n---\n")),
        ])

    let keyphraseField: String
    let maxCompeting: Int

    /// `duplicate-keyphrase`'s options.
    public struct Options: TypedRuleOptions {
        public var keyphraseField = SEOFields.defaultKeyphraseField
        public var maxCompeting = 3

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .keyphraseField(\.keyphraseField),
            .integer(
                "max-competing", \.maxCompeting,
                "the most posts that share a focus keyphrase and are each reported; more posts share a topic",
                minimum: 2),
        ]
    }

    public init(options: Options) {
        keyphraseField = options.keyphraseField
        maxCompeting = max(2, options.maxCompeting)
    }

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        guard let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField) else { return [] }
        return [
            SiteFact(
                path: document.path, key: SiteDuplicates.factKey("keyphrase", of: document),
                value: keyphrase.text,
                start: document.location(of: keyphrase.range.lowerBound),
                end: document.location(of: keyphrase.range.upperBound))
        ]
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        SiteDuplicates.findings(
            facts, key: "keyphrase", metadata: Self.metadata,
            largeGroup: (
                size: maxCompeting + 1,
                message: { keyphrase, paths in
                    let more = paths.count - 3
                    return "focus keyphrase \"\(keyphrase)\" is the focus of \(paths.count) posts "
                        + "(\(paths.prefix(3).joined(separator: ", "))\(more > 0 ? " and \(more) more" : "")): a topic "
                        + "rather than a competing keyphrase; give each post a focus keyphrase of its own"
                }
            )
        ) { keyphrase, others in
            "focus keyphrase \"\(keyphrase)\" is also the focus of \(others); the posts compete in search results"
        }
    }
}
