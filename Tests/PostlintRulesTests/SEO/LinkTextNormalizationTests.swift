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

    /// The scalar-at-a-time path gives what the character path gives wherever it answers, and
    /// leaves text with joining marks or two-scalar lower cases to it.
    @Test func theTablePathAgreesWithTheCharacterPath() {
        let answers = SeededUnicodeText.answers(
            seed: 5, count: 20_000, fast: LinkTextRule.normalizedByTable, slow: LinkTextRule.normalizedByCharacters)
        for answer in answers { #expect(answer.fast == answer.slow, "\(answer.text.debugDescription)") }
        #expect(answers.count > 5_000 && answers.count < 20_000, "\(answers.count)")
        #expect(LinkTextRule.normalizedByTable("« Ici »") == "ici")
        #expect(LinkTextRule.normalizedByTable(" Подробнее… ") == "подробнее")
        #expect(LinkTextRule.normalizedByTable("e\u{301}") == nil)
    }

    /// `asciiStart` tells how `normalizeASCII` starts without normalizing: the same first byte,
    /// empty where it is empty, and not ASCII where it gives nil.
    @Test func theStartOfANormalizedTextIsToldWithoutNormalizing() {
        var texts = ["", " \t ", "(«)", "Click HERE", "  (HERE)  ", "-> Read more", "`0518b9edf3`", "#31086", "é", "x é"]
        texts += LinkTextRule.vagueTexts.values.flatMap { $0 }
        texts += SeededASCII.strings(seed: 23, lengths: 0...24)
        var scratch: [UInt8] = []
        var starts: Set<UInt8> = []
        for text in texts {
            let expected: LinkTextRule.ASCIIStart
            if let normalized = LinkTextRule.normalizeASCII(text, into: &scratch) {
                expected = normalized.isEmpty ? .empty : .byte(scratch[normalized.lowerBound])
            } else {
                expected = .notASCII
            }
            #expect(LinkTextRule.asciiStart(of: text) == expected, "\(text.debugDescription)")
            if case .byte(let byte) = expected { starts.insert(byte) }
        }
        // Upper case (lowered) and punctuation that normalizing keeps were both met.
        #expect(starts.contains(UInt8(ascii: "c")) && starts.contains(UInt8(ascii: "`")) && starts.contains(UInt8(ascii: "#")))
        #expect(LinkTextRule.asciiStart(of: "  (HERE)  ") == .byte(UInt8(ascii: "h")))
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

    /// A text `mayBeVagueOrURL` passes over is, normalized, no vague text and no URL: texts made
    /// of vague phrases in every language, white space (the ideographic space and no-break space
    /// too), punctuation trimmed or kept, joining marks after spaces, letters that lower-case to
    /// more or fewer bytes, a question mark equivalent to `;`, and URLs; and most long texts are
    /// passed over.
    @Test func textsPassedOverAreNeitherVagueNorURLs() {
        let rule = LinkTextRule(
            options: LinkTextRule.Options(RuleOptions(["languages": .strings(LinkTextRule.vagueTexts.keys.sorted())])))
        var pieces = LinkTextRule.vagueTexts.values.flatMap { $0 }
        pieces += [
            " ", "  ", String(repeating: " ", count: 12), String(repeating: "\t\n", count: 6), String(repeating: ".", count: 12),
            "\u{3000}", "\u{A0}", "\t", "«", "»", "…", "—", ".", "!", "(", ")", "\u{301}", " \u{301}",
        ]
        pieces += [
            "\u{212A}", "İ", "ẞ", "\u{37E}", String(repeating: "\u{37E}", count: 6), String(repeating: " \u{301}", count: 6),
            "ΑΒΓ", "Ѐю", "漢字", "ひらがな", "カタカナ", "한국어", "Ünïcödé", "ÀÉ",
        ]
        pieces += ["http://", "HTTPS://", "WWW.", "wWw.", "example.com", "/path", "Rust", "1.0"]
        var random = SeededRandom(seed: 19)
        var passedOver = 0
        var longTexts = 0
        for _ in 0..<30_000 {
            let text = (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let normalized = LinkTextRule.normalizedUnicode(text)
            if text.utf8.count > 40 { longTexts += 1 }
            guard !LinkTextRule.mayBeVagueOrURL(text, mostVagueScalars: rule.mostVagueScalars) else { continue }
            passedOver += 1
            #expect(!rule.vague.contains(normalized) && !LinkTextRule.isURL(normalized), "\(text.debugDescription)")
        }
        #expect(passedOver > longTexts / 3, "\(passedOver) of \(longTexts)")
    }
}
