import Testing
import PostlintCore
import PostlintParsing
@testable import PostlintRules

@Suite struct KeyphraseTests {
    private func focus(_ frontMatter: String, context: RuleContext = RuleContext()) -> Keyphrase? {
        Keyphrase.focus(
            of: DocumentLoader.load(path: "p.md", text: "---\n\(frontMatter)\n---\n"), context: context,
            field: "focus_keyphrase")
    }

    @Test func theKeyphraseFieldWinsOverTheFirstKeyword() {
        #expect(focus("keywords: [green tea, matcha]")?.text == "green tea")
        #expect(focus("focus_keyphrase: matcha latte\nkeywords: [green tea]")?.text == "matcha latte")
        #expect(focus("keywords: green tea, matcha")?.text == "green tea")
        #expect(focus("title: none") == nil)
        #expect(focus("keywords: []") == nil)
    }

    @Test func theSiteKeywordsFieldNameIsUsed() {
        let context = RuleContext(fieldNames: FieldNames(["keywords": "tags"]))
        #expect(focus("tags: [sencha]", context: context)?.text == "sencha")
    }

    @Test func mentionsIgnoreOrderCaseAndStopWords() throws {
        let keyphrase = try #require(Keyphrase(text: "The Art of Tea", range: 0..<1))
        #expect(keyphrase.significantWords == ["art", "tea"])
        #expect(keyphrase.isMentioned(in: ProseText.words(of: "Tea as an art")))
        #expect(!keyphrase.isMentioned(in: ProseText.words(of: "Art history")))
    }

    @Test func occurrencesCountWordOrderVariantsWithoutOverlap() throws {
        let keyphrase = try #require(Keyphrase(text: "green tea", range: 0..<1))
        let words = ProseText.words(of: "Green tea, tea green; green green tea tea. Greenish tea.")
        #expect(keyphrase.occurrences(in: words) == 3)
        #expect(keyphrase.firstOccurrence(in: words) == 0)
        #expect(keyphrase.firstOccurrence(in: ["tea"]) == nil)
    }

    @Test func longKeyphrasesAreCut() throws {
        let long = Array(repeating: "word", count: 50).joined(separator: " ")
        let keyphrase = try #require(Keyphrase(text: long, range: 0..<1))
        #expect(keyphrase.words.count == Keyphrase.maximumWords)
    }
}
