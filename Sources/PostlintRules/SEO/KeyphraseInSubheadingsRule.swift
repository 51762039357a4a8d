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
        options: Options.declared,
        reads: [.frontMatter, .markdown],
        triggeringExamples: [
            RuleExample("---\nkeywords: [green tea]\n---\nIntro.\n\n⟦## Water⟧\n\nText.\n\n### Leaves\n"),
            RuleExample(
                "---\nkeywords: [green tea]\n---\n## Green tea at home\n\n⟦### Water⟧\n",
                options: ["min-level": .int(3)]),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nkeywords: [green tea]\n---\n## Water\n\n### Steeping green tea\n"),
            RuleExample("---\nkeywords: [green tea]\n---\nNo subheadings at all.\n"),
            RuleExample("---\nkeywords: [green tea]\n---\n# Green tea\n\n#### Water\n"),
        ])

    let keyphraseField: String
    let levels: ClosedRange<Int>

    /// `keyphrase-in-subheadings`'s options.
    public struct Options: TypedRuleOptions {
        public var keyphraseField = SEOFields.defaultKeyphraseField
        public var minLevel = 2
        public var maxLevel = 3

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .keyphraseField(\.keyphraseField),
            .integer("min-level", \.minLevel, "the highest subheading level that counts (2: H2)", minimum: 1, maximum: 6),
            .integer("max-level", \.maxLevel, "the lowest subheading level that counts (3: H3)", minimum: 1, maximum: 6),
        ]
    }

    public init(options: Options) {
        keyphraseField = options.keyphraseField
        let low = min(max(options.minLevel, 1), 6)
        levels = low...max(low, min(options.maxLevel, 6))
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body,
            let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField)
        else { return [] }
        let subheadings = body.headings.filter { levels.contains($0.level) }
        guard let first = subheadings.first else { return [] }
        if subheadings.contains(where: { keyphrase.isMentioned(in: ProseText.words(of: $0.text)) }) { return [] }
        let names =
            levels.lowerBound == levels.upperBound
            ? "H\(levels.lowerBound)"
            : "H\(levels.lowerBound) to H\(levels.upperBound)"
        return [diagnostic("no \(names) subheading mentions the focus keyphrase \"\(keyphrase.text)\"", at: first.range)]
    }
}
