import PostlintCore

/// `keyphrase-in-introduction`: the first paragraph of the body mentions the focus keyphrase.
public struct KeyphraseInIntroductionRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "keyphrase-in-introduction", category: .seo,
        summary: "The first paragraph mentions the focus keyphrase",
        rationale: """
            Readers decide in the first lines whether a page answers their question, and search \
            engines weigh early text more. Yoast SEO checks the keyphrase in the introduction, the \
            first paragraph of the text. Paragraphs without words (a cover image alone) are \
            passed over; every word of the keyphrase (stop words aside) must appear in any order. \
            Off by default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter, .markdown],
        triggeringExamples: [
            RuleExample("---\nkeywords: [green tea]\n---\n⟦Water boils cooler up high.⟧\n\nGreen tea likes that.\n"),
            RuleExample("---\nkeywords: [green tea]\n---\n![Green tea](tea.png)\n\n⟦Cooler water, sweeter cup.⟧\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nkeywords: [green tea]\n---\n![cover](tea.png)\n\nGreen tea likes cooler water.\n"),
            RuleExample("---\nkeywords: [green tea]\n---\n# Notes\n\nThe tea was green and sweet.\n"),
            RuleExample("---\ntitle: No keywords\n---\nAnything goes.\n"),
            RuleExample("---\nkeywords: [green tea]\n---\n```\nno paragraph at all\n```\n"),
        ])

    let keyphraseField: String

    /// `keyphrase-in-introduction`'s options.
    public struct Options: TypedRuleOptions {
        public var keyphraseField = SEOFields.defaultKeyphraseField

        public init() {}

        public static let fields: [OptionField<Self>] = [.keyphraseField(\.keyphraseField)]
    }

    public init(options: Options) {
        keyphraseField = options.keyphraseField
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body,
            let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField)
        else { return [] }
        let skips = ProseSkips(body)
        for paragraph in body.paragraphs {
            let prose = ProseText(document: document, ranges: [paragraph], skips: skips)
            guard !prose.words.isEmpty else { continue }
            if keyphrase.isMentioned(in: prose.words.map(\.text)) { return [] }
            return [
                diagnostic(
                    "the first paragraph does not mention the focus keyphrase \"\(keyphrase.text)\"",
                    at: paragraph)
            ]
        }
        return []
    }
}
