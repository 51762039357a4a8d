import PostlintCore

/// `readability` (info): Flesch reading ease (English), the share of long sentences, and long
/// paragraphs.
public struct ReadabilityRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "readability", category: .seo,
        summary: "The text is easy to read: reading ease, sentence and paragraph length",
        rationale: """
            People skim on screens; long sentences and walls of text make them leave. Yoast SEO's \
            readability analysis asks that at most 25 % of sentences have more than 20 words and \
            that paragraphs stay under 150 words, and scores English text with the Flesch reading \
            ease formula (206.835 − 1.015 × words per sentence − 84.6 × syllables per word), where \
            60 and above reads as plain English. Flesch applies to English only: the language \
            option, or a post's lang or language field, decides. Texts shorter than min-words are \
            not scored, only their paragraphs measured. Syllables are estimated from vowel groups. \
            Off by default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .info, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter, .markdown],
        triggeringExamples: [
            RuleExample(
                """
                ---
                title: Dense
                ---
                ⟦Organisational considerations notwithstanding, institutional implementations necessitate comprehensive documentation. Additional administrative authorisation is unavoidable.⟧

                """, options: ["min-words": .int(5)]),
            RuleExample(
                """
                Short one. ⟦This sentence keeps going and going with one more clause and then another clause after that, running far past twenty words⟧. Short two.

                """, options: ["min-words": .int(5), "min-flesch": .double(0), "max-long-sentences": .double(25)]),
            RuleExample(
                "⟦One two three four five six.⟧\n\nOne two.\n",
                options: ["max-paragraph-words": .int(5)]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                "The cat sat on the mat. It was a good day. We had tea and cake.\n",
                options: ["min-words": .int(5)]),
            RuleExample(
                """
                ---
                lang: de
                ---
                Organisatorische Rahmenbedingungen erfordern umfangreiche Dokumentationsverpflichtungen.

                """, options: ["min-words": .int(3)]),
            RuleExample(
                "Organisational considerations notwithstanding, institutional implementations necessitate documentation.\n"),
        ])

    let minFlesch: Double
    let maxSentenceWords: Int
    let maxLongShare: Double
    let maxParagraphWords: Int
    let minWords: Int
    let language: String

    /// `readability`'s options.
    public struct Options: TypedRuleOptions {
        public var minFlesch = 60.0
        public var maxSentenceWords = 20
        public var maxLongSentences = 25.0
        public var maxParagraphWords = 150
        public var minWords = 100
        public var language = "en"

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .number("min-flesch", \.minFlesch, "the lowest Flesch reading ease (English only; 0: not checked)"),
            .integer("max-sentence-words", \.maxSentenceWords, "a sentence with more words is long", minimum: 1),
            .number(
                "max-long-sentences", \.maxLongSentences, "the highest share of long sentences, in percent",
                minimum: 0, maximum: 100),
            .integer("max-paragraph-words", \.maxParagraphWords, "the most words in one paragraph", minimum: 1),
            .integer("min-words", \.minWords, "texts with fewer words get no reading ease or sentence score", minimum: 1),
            .string("language", \.language, "the site's language, when a post does not say (lang or language field)"),
        ]
    }

    public init(options: Options) {
        minFlesch = options.minFlesch
        maxSentenceWords = max(1, options.maxSentenceWords)
        maxLongShare = options.maxLongSentences
        maxParagraphWords = max(1, options.maxParagraphWords)
        minWords = max(1, options.minWords)
        language = options.language
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        let skips = ProseSkips(body)
        var diagnostics: [Diagnostic] = []
        var totalWords = 0
        var syllables = 0
        var sentenceCount = 0
        var longSentences = 0
        var firstLong: ByteRange?
        var firstParagraph: ByteRange?
        for paragraph in body.paragraphs {
            let prose = ProseText(document: document, ranges: [paragraph], skips: skips)
            guard !prose.words.isEmpty else { continue }
            if firstParagraph == nil { firstParagraph = paragraph }
            if prose.words.count > maxParagraphWords {
                diagnostics.append(
                    diagnostic(
                        "paragraph has \(prose.words.count) words; split it below \(maxParagraphWords + 1)",
                        at: paragraph))
            }
            totalWords += prose.words.count
            for word in prose.words { syllables += Self.syllables(in: word.text) }
            for sentence in prose.sentences {
                sentenceCount += 1
                if sentence.words.count > maxSentenceWords {
                    longSentences += 1
                    if firstLong == nil { firstLong = sentence.range }
                }
            }
        }
        guard totalWords >= minWords, sentenceCount > 0 else { return diagnostics }
        let longShare = Double(longSentences) * 100 / Double(sentenceCount)
        if longShare > maxLongShare, let firstLong {
            diagnostics.append(
                diagnostic(
                    "\(longSentences) of \(sentenceCount) sentences (\(Int(longShare.rounded())) %) have more "
                        + "than \(maxSentenceWords) words; keep that share at \(Int(maxLongShare.rounded())) % or less",
                    at: firstLong))
        }
        if minFlesch > 0, isEnglish(document), let firstParagraph {
            let score =
                206.835 - 1.015 * Double(totalWords) / Double(sentenceCount)
                - 84.6 * Double(syllables) / Double(totalWords)
            if score < minFlesch {
                diagnostics.append(
                    diagnostic(
                        "reading ease is \(Int(score.rounded())) on the Flesch scale; aim for "
                            + "\(Int(minFlesch.rounded())) or more with shorter words and sentences",
                        at: firstParagraph))
            }
        }
        return diagnostics.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func isEnglish(_ document: Document) -> Bool {
        for field in ["lang", "language", "locale"] {
            if let value = document.field(field)?.scalarText, !value.isEmpty {
                return value.lowercased().hasPrefix("en")
            }
        }
        return language.lowercased().hasPrefix("en")
    }

    private static let vowels = Set("aeiouyàáâäèéêëìíîïòóôöùúûü".unicodeScalars)

    /// English syllables, estimated: groups of vowels (y included), less a silent final e; at least one.
    static func syllables(in word: String) -> Int {
        var count = 0
        var previousVowel = false
        var last: Unicode.Scalar = " "
        var beforeLast: Unicode.Scalar = " "
        for scalar in word.unicodeScalars {
            let vowel = vowels.contains(scalar)
            if vowel, !previousVowel { count += 1 }
            previousVowel = vowel
            beforeLast = last
            last = scalar
        }
        if last == "e", count > 1, beforeLast != "l" { count -= 1 }
        return max(1, count)
    }
}
