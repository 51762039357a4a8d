import PostlintCore

/// `keyphrase-in-subheadings`: some H2 or H3 subheading mentions the focus keyphrase.
public struct KeyphraseInSubheadingsRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "keyphrase-in-subheadings", category: .seo,
        summary: "Some H2 or H3 subheading mentions the focus keyphrase",
        rationale: """
            Subheadings are what skimming readers and search engines use to map a page. Yoast SEO \
            checks that the keyphrase (or its words) appears in some of the H2 and H3 subheadings. \
            A post without subheadings is not reported. The levels are options. Off by default; \
            the seo and strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: [
            SEOFields.keyphraseFieldOption,
            RuleOption("min-level", .int(2), "the highest subheading level that counts (2: H2)"),
            RuleOption("max-level", .int(3), "the lowest subheading level that counts (3: H3)"),
        ],
        reads: [.frontMatter, .markdown],
        triggeringExamples: [
            RuleExample("---\nkeywords: [green tea]\n---\nIntro.\n\n⟦## Water⟧\n\nText.\n\n### Leaves\n"),
            RuleExample("---\nkeywords: [green tea]\n---\n## Green tea at home\n\n⟦### Water⟧\n",
                        options: ["min-level": .int(3)]),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nkeywords: [green tea]\n---\n## Water\n\n### Steeping green tea\n"),
            RuleExample("---\nkeywords: [green tea]\n---\nNo subheadings at all.\n"),
            RuleExample("---\nkeywords: [green tea]\n---\n# Green tea\n\n#### Water\n"),
        ])

    let keyphraseField: String
    let levels: ClosedRange<Int>

    public init(options: RuleOptions) {
        keyphraseField = options.string("keyphrase-field", default: "focus_keyphrase")
        let low = min(max(options.int("min-level", default: 2), 1), 6)
        levels = low...max(low, min(options.int("max-level", default: 3), 6))
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body,
              let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField) else { return [] }
        let subheadings = body.headings.filter { levels.contains($0.level) }
        guard let first = subheadings.first else { return [] }
        if subheadings.contains(where: { keyphrase.isMentioned(in: ProseText.words(of: $0.text)) }) { return [] }
        let names = levels.lowerBound == levels.upperBound ? "H\(levels.lowerBound)"
            : "H\(levels.lowerBound) to H\(levels.upperBound)"
        return [diagnostic("no \(names) subheading mentions the focus keyphrase \"\(keyphrase.text)\"", at: first.range)]
    }
}
