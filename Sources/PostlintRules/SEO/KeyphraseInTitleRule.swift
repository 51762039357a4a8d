import PostlintCore

/// `keyphrase-in-title`: the title mentions the focus keyphrase, ideally near its start.
public struct KeyphraseInTitleRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "keyphrase-in-title", category: .seo,
        summary: "The title mentions the focus keyphrase, near its start",
        rationale: """
            The title is the first thing a search result shows and the strongest hint of what a \
            page is about. Yoast SEO and Rank Math both check that the focus keyphrase is in it, and \
            rate it higher when the title opens with it, as words at the start survive when a \
            result is cut. A missing keyphrase is a warning; one that starts late is an info notice. \
            Every word of the keyphrase (stop words aside) must appear, in any order, ignoring case. \
            The focus keyphrase is the keyphrase field when set, else the first keyword. Off by \
            default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter],
        triggeringExamples: [
            RuleExample("---\ntitle: ⟦Notes from a rainy afternoon⟧\nkeywords: [green tea]\n---\n"),
            RuleExample("---\ntitle: ⟦A long rainy afternoon spent brewing green tea⟧\nkeywords: [green tea]\n---\n"),
            RuleExample("---\ntitle: ⟦Brewing green tea⟧\nfocus_keyphrase: matcha\nkeywords: [green tea]\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Green Tea at the Right Temperature\nkeywords: [green tea]\n---\n"),
            RuleExample("---\ntitle: \"Brewing Tea, Green and Gentle\"\nkeywords: [\"green tea\"]\n---\n"),
            RuleExample(
                "---\ntitle: A long rainy afternoon spent brewing green tea\nkeywords: [green tea]\n---\n",
                options: ["near-start": .int(0)]),
            RuleExample("---\ntitle: A title without keywords to compare\n---\n"),
        ])

    let keyphraseField: String
    let nearStart: Int

    /// `keyphrase-in-title`'s options.
    public struct Options: TypedRuleOptions {
        public var keyphraseField = SEOFields.defaultKeyphraseField
        public var nearStart = 3

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .keyphraseField(\.keyphraseField),
            .integer(
                "near-start", \.nearStart,
                "the keyphrase should begin within this many words of the title's start (0: no notice)", minimum: 0),
        ]
    }

    public init(options: Options) {
        keyphraseField = options.keyphraseField
        nearStart = max(0, options.nearStart)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField),
            let title = SEOFields.string("title", of: document, context: context)
        else { return [] }
        let words = ProseText.words(of: title.text)
        guard keyphrase.isMentioned(in: words) else {
            return [diagnostic("title does not mention the focus keyphrase \"\(keyphrase.text)\"", at: title.range)]
        }
        guard nearStart > 0 else { return [] }
        let position =
            keyphrase.firstOccurrence(in: words)
            ?? words.firstIndex(of: keyphrase.significantWords[0]) ?? 0
        guard position >= nearStart else { return [] }
        return [
            Diagnostic(
                ruleID: Self.metadata.id, severity: .info,
                message: "the focus keyphrase \"\(keyphrase.text)\" starts at word \(position + 1) of the title; "
                    + "results favour it within the first \(nearStart)",
                range: title.range)
        ]
    }
}
