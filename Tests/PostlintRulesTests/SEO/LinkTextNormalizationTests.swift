import Testing
import PostlintCore
import PostlintParsing
import PostlintTestSupport
@testable import PostlintRules

@Suite struct LinkTextNormalizationTests {
    /// The byte-by-byte path for ASCII link texts gives what the character path gives, on every
    /// ASCII character in many arrangements.
    @Test func theASCIIPathAgreesWithTheUnicodePath() {
        var texts = ["", " ", "Click HERE", "  (here)  ", "read more ->", "--> next <--", "a\r\nb", "\"quoted\"", "_x_"]
        texts += SeededASCII.strings(seed: 7, lengths: 1...48)
        for text in texts {
            #expect(LinkTextRule.normalizedASCII(text) == LinkTextRule.normalizedUnicode(text), "\(text.debugDescription)")
        }
        #expect(LinkTextRule.normalized("  Click   HERE! ") == "click here")
        #expect(LinkTextRule.normalized("read more →") == "read more")
        // Spaces left inside by trimmed punctuation go too.
        #expect(LinkTextRule.normalized("« Ici »") == "ici")
        #expect(LinkTextRule.normalized("( here )") == "here")
    }

    /// The rule's pass over ASCII texts (normalized into one buffer reused from link to link, a
    /// string made only of a text as short as a vague one) finds what judging each text's
    /// `normalized` string finds: the same vague texts, the same bare URLs, in the same order.
    @Test func theRulesBufferedPassJudgesAsTheNormalizedText() {
        var texts = ["Click HERE", "  (here)  ", "read more ->", "https://example.com/a", "WWW.example.com", "x"]
        texts += ["continue reading the whole long story", "Continue reading the whole long story...", "here é"]
        texts += SeededASCII.strings(seed: 11, lengths: 1...40)
        let options = LinkTextRule.Options(RuleOptions(["phrases": .strings(["Continue reading the whole long story"])]))
        let rule = LinkTextRule(options: options)
        var markdown = ""
        var expected: [String] = []
        for text in texts where !text.contains(where: { "[]\\`<>!*_&\r\n".contains($0) }) {
            markdown += "[\(text)](https://example.com/)\n\n"
            let normalized = LinkTextRule.normalized(text)
            if normalized.isEmpty { continue }
            if rule.vague.contains(normalized) {
                expected.append("link text \"\(normalized)\" says nothing about where the link goes")
            } else if LinkTextRule.isURL(normalized) {
                expected.append("link text is a bare URL; describe the page it leads to")
            }
        }
        let document = DocumentLoader.load(path: "post.md", text: markdown)
        let found = rule.check(document, context: RuleContext()).map(\.message)
        #expect(found == expected)
        // Vague texts, the long phrase and URLs were all met.
        #expect(expected.filter { $0.hasPrefix("link text \"") }.count >= 4 && found.contains { $0.contains("bare URL") })
        #expect(found.contains { $0.contains("whole long story") })
    }
}
