import PostlintCore

/// `duplicate-keyphrase` (site-level): two posts competing for one focus keyphrase.
public struct DuplicateKeyphraseRule: SiteRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-keyphrase", category: .site,
        summary: "No two posts compete for one focus keyphrase",
        rationale: """
            Two posts optimised for the same keyphrase compete with each other in search results \
            (keyword cannibalisation): search engines pick one, often not the one you would, and \
            each ranks lower than a single, stronger page would. Yoast SEO warns when a focus \
            keyphrase was used before. The focus keyphrase is the keyphrase field when set, else \
            the first keyword; compared ignoring case and punctuation. Off by default; the seo \
            and strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: [SEOFields.keyphraseFieldOption],
        reads: [.frontMatter],
        triggeringExamples: [], nonTriggeringExamples: [])

    public var metadata: RuleMetadata { Self.metadata }

    let keyphraseField: String

    public init(options: RuleOptions) {
        keyphraseField = options.string("keyphrase-field", default: "focus_keyphrase")
    }

    public static var factory: SiteRuleFactory {
        SiteRuleFactory(metadata: metadata) { Self(options: $0) }
    }

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        guard let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField) else { return [] }
        return [SiteFact(path: document.path, key: "keyphrase", value: keyphrase.text,
                         start: document.location(of: keyphrase.range.lowerBound),
                         end: document.location(of: keyphrase.range.upperBound))]
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        SiteDuplicates.findings(facts, key: "keyphrase", metadata: Self.metadata) { keyphrase, others in
            "focus keyphrase \"\(keyphrase)\" is also the focus of \(others); the posts compete in search results"
        }
    }
}
