import Foundation
import PostlintCore

/// `keyphrase-in-slug`: the slug holds the words of the focus keyphrase.
public struct KeyphraseInSlugRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "keyphrase-in-slug", category: .seo,
        summary: "The slug holds the words of the focus keyphrase",
        rationale: """
            The slug is part of the URL that search results show, and a URL that names the topic \
            tells readers what they will get before they click. Yoast SEO checks the keyphrase in \
            the slug; stop words ("the", "of", "and") are ignored as they are usually left out of \
            slugs, and accents are ignored as slugs are plain ASCII. Off by default; the seo and \
            strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter],
        triggeringExamples: [
            RuleExample("---\nslug: ⟦rainy-afternoon-notes⟧\nkeywords: [green tea]\n---\n"),
            RuleExample("---\nslug: ⟦green-notes⟧\nkeywords: [green tea, notes]\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nslug: brewing-green-tea\nkeywords: [green tea]\n---\n"),
            RuleExample("---\nslug: art-tea\nkeywords: [the art of tea]\n---\n"),
            RuleExample("---\nslug: creme-brulee-at-home\nkeywords: [crème brûlée]\n---\n"),
            RuleExample("---\nslug: anything\n---\n"),
        ])

    let keyphraseField: String

    /// `keyphrase-in-slug`'s options.
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
            let slug = SEOFields.string("slug", of: document, context: context)
        else { return [] }
        let slugWords = Set(ProseText.words(of: Self.folded(slug.text)))
        let missing = keyphrase.significantWords.filter { !slugWords.contains(Self.folded($0)) }
        guard !missing.isEmpty else { return [] }
        return [
            diagnostic(
                "slug does not hold \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) "
                    + "of the focus keyphrase \"\(keyphrase.text)\"", at: slug.range)
        ]
    }

    /// Lower-cased, accents removed.
    static func folded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
