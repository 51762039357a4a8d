import PostlintCore

/// `keyphrase-in-excerpt`: the excerpt (the meta description) mentions the focus keyphrase.
public struct KeyphraseInExcerptRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "keyphrase-in-excerpt", category: .seo,
        summary: "The excerpt mentions the focus keyphrase",
        rationale: """
            The excerpt usually becomes the meta description, the text under the title in a search \
            result. Search engines highlight the words of the query in it, and Yoast SEO and Rank \
            Math check that the focus keyphrase appears there. Every word of the keyphrase (stop \
            words aside) must appear, in any order, ignoring case. Off by default; the seo and \
            strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter],
        triggeringExamples: [
            RuleExample("---\nexcerpt: ⟦Notes from a rainy afternoon by the window.⟧\nkeywords: [green tea]\n---\n"),
            RuleExample("---\nexcerpt: ⟦\"Green leaves, gentle water.\"⟧\nkeywords: [green tea]\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nexcerpt: Why boiling water makes green tea bitter.\nkeywords: [green tea]\n---\n"),
            RuleExample("---\nexcerpt: Tea that is green needs cooler water.\nkeywords: [green tea]\n---\n"),
            RuleExample("---\nexcerpt: No keywords here.\n---\n"),
        ])

    let keyphraseField: String

    /// `keyphrase-in-excerpt`'s options.
    public struct Options: TypedRuleOptions {
        public var keyphraseField = SEOFields.defaultKeyphraseField

        public init() {}

        public static let fields: [OptionField<Self>] = [.keyphraseField(\.keyphraseField)]
    }

    public init(options: Options) {
        keyphraseField = options.keyphraseField
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField),
            let excerpt = SEOFields.string("excerpt", of: document, context: context)
        else { return [] }
        guard !keyphrase.isMentioned(in: ProseText.words(of: excerpt.text)) else { return [] }
        return [diagnostic("excerpt does not mention the focus keyphrase \"\(keyphrase.text)\"", at: excerpt.range)]
    }
}
