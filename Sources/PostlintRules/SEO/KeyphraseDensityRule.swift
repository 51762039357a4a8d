import PostlintCore

/// `keyphrase-density`: the focus keyphrase makes up a sensible share of the body's words.
public struct KeyphraseDensityRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "keyphrase-density", category: .seo,
        summary: "The focus keyphrase is used often enough, but not stuffed",
        rationale: """
            A post about a topic names it now and then; one that repeats it in every sentence reads \
            as keyword stuffing, which search engines penalise. Yoast SEO aims for a keyphrase \
            density (occurrences per hundred words) of 0.5 % to 3 %. Occurrences count the phrase \
            and its word-order variants ("tea green"); words are counted in the body's prose (code, \
            comments, markup and link addresses left out). Short posts are not measured. Off by \
            default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .warning, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter, .markdown],
        triggeringExamples: [
            RuleExample(
                "---\nkeywords: [⟦green tea⟧]\n---\nWater boils cooler up high, and leaves like that. Steep them briefly.\n",
                options: ["min-words": .int(5)]),
            RuleExample(
                "---\nkeywords: [⟦green tea⟧]\n---\nGreen tea. Tea green. Green tea is green tea, and more green tea.\n",
                options: ["min-words": .int(5)]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                "---\nkeywords: [green tea]\n---\nGreen tea is picky about water: pour it cooler and wait a while for the leaves to open up.\n",
                options: ["min-words": .int(5), "max": .double(10)]),
            RuleExample("---\nkeywords: [green tea]\n---\nShort.\n"),
            RuleExample("---\ntitle: No keyphrase\n---\nShort.\n", options: ["min-words": .int(1)]),
        ])

    let keyphraseField: String
    let minimum: Double
    let maximum: Double
    let minWords: Int

    /// `keyphrase-density`'s options.
    public struct Options: TypedRuleOptions {
        public var keyphraseField = SEOFields.defaultKeyphraseField
        public var minDensity = 0.5
        public var maxDensity = 3.0
        public var minWords = 100

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .keyphraseField(\.keyphraseField),
            .number("min", \.minDensity, "the lowest density, in occurrences per hundred words", minimum: 0),
            .number("max", \.maxDensity, "the highest density, in occurrences per hundred words", minimum: 0),
            .integer("min-words", \.minWords, "posts with fewer words are not measured", minimum: 1),
        ]
    }

    public init(options: Options) {
        keyphraseField = options.keyphraseField
        minimum = options.minDensity
        maximum = options.maxDensity
        minWords = max(1, options.minWords)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.body != nil,
            let keyphrase = Keyphrase.focus(of: document, context: context, field: keyphraseField)
        else { return [] }
        let words = ProseText.body(of: document).words.map(\.text)
        guard words.count >= minWords else { return [] }
        let count = keyphrase.occurrences(in: words)
        let density = Double(count) * 100 / Double(words.count)
        let shown = "\(Self.rounded(density)) % (\(count) in \(words.count) words)"
        let aim = "aim for \(Self.rounded(minimum)) % to \(Self.rounded(maximum)) %"
        if density < minimum {
            return [diagnostic("focus keyphrase \"\(keyphrase.text)\" is rare: \(shown); \(aim)", at: keyphrase.range)]
        }
        if density > maximum {
            return [diagnostic("focus keyphrase \"\(keyphrase.text)\" is overused: \(shown); \(aim)", at: keyphrase.range)]
        }
        return []
    }

    /// One decimal place.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
