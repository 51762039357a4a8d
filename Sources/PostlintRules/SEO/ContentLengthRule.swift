import PostlintCore

/// `content-length`: the body has enough words to be worth a search result.
public struct ContentLengthRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "content-length", category: .seo,
        summary: "The body has at least 300 words of text",
        rationale: """
            Very short pages rarely answer a question well, and search engines treat them as thin \
            content. Yoast SEO asks for at least 300 words in a post. Words are counted in the \
            body's prose: front matter, code, HTML comments, markup, images and link addresses do \
            not count (a link counts by its text). The finding points at the start of the body. \
            Off by default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.markdown],
        triggeringExamples: [
            RuleExample("---\ntitle: Short\n---\n⟦⟧A short note about tea.\n"),
            RuleExample(
                "---\ntitle: Code only\n---\n⟦⟧```\nlots of words inside a code block do not count at all\n```\n",
                options: ["min-words": .int(5)]),
            RuleExample(
                "---\ntitle: Link\n---\n⟦⟧Three words [here](https://example.com/a/b/c/d/e/f).\n",
                options: ["min-words": .int(4)]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                "---\ntitle: Enough\n---\nFive words are enough [here](https://example.com/a/b/c).\n",
                options: ["min-words": .int(5)])
        ])

    let minWords: Int

    /// `content-length`'s options.
    public struct Options: TypedRuleOptions {
        public var minWords = 300

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .integer("min-words", \.minWords, "the fewest words the body should have", minimum: 0)
        ]
    }

    public init(options: Options) {
        minWords = max(0, options.minWords)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.body != nil else { return [] }
        let count = ProseText.body(of: document).words.count
        guard count < minWords else { return [] }
        let start = document.bodyRange.lowerBound
        return [
            diagnostic(
                "body has \(count) \(count == 1 ? "word" : "words"); at least \(minWords) make a post worth a search result",
                at: start..<start)
        ]
    }
}
