import Testing
@testable import PostlintEncoding

/// Runs that no code page reads as the start of a UTF-8 sequence are passed over before their
/// clusters are looked for; these tests hold the detector to what it finds without that.
struct MojibakeRunFilterTests {
    @Test func theCorpusAndTextInManyScriptsGiveTheSameFindingsWithAndWithoutIt() throws {
        let filtered = MojibakeDetector()
        let unfiltered = MojibakeDetector(pages: CodePage.allCases, passesOverRunsWithoutSequences: false)
        var texts = try MojibakeCorpusTests.corpus().map(\.text)
        texts += [
            "Привет, мир! Ёлка и ёж — всё «в порядке».", "Здравствуйте, это тест: рТЙЧЕФ and ÐŸÑ€Ð¸Ð²ÐµÑ‚",
            "Größe, Straße, naïve café — “quoted” … ©®™", "Zażółć gęślą jaźń, Za¿ó³æ gêœl¹ jaŸñ",
            "Ελληνικά κείμενα", "Tiếng Việt có dấu: Nguyễn Ánh", "ĞÜŞİÖÇ ğüşıöç", "╔══╗ ░▒▓ ┬╖ Â· itselfâ€”a",
        ]
        var compared = 0
        for text in texts {
            #expect(filtered.findings(in: text) == unfiltered.findings(in: text), "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 1000)
        // The filter is not idle: Cyrillic words are runs it passes over, mojibake is not.
        #expect(!MojibakeDetector.mayHoldSequence(Self.packs("Привет")))
        #expect(MojibakeDetector.mayHoldSequence(Self.packs("â€”")))
        #expect(MojibakeDetector.mayHoldSequence(Self.packs("Ã©")))
    }

    static func packs(_ text: String) -> [UInt64] {
        text.unicodeScalars.map { CodePageIndex.shared.packedBytes(of: $0.value) }
    }
}
