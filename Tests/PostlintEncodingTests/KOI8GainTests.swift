import Testing

@testable import PostlintEncoding

/// The KOI8 gain scored in one pass (`LegacyTextDetector.koi8Gain`) is the gain of the reading the
/// detector makes (`reading(_:shownAs: .windows1251, savedAs: nil)`), for every character.
struct KOI8GainTests {
    /// The gain as the detector weighs a reading it has made.
    static func gainOfReading(_ word: [Unicode.Scalar]) -> Double? {
        guard let text = LegacyTextDetector.reading(word[...], shownAs: .windows1251, savedAs: nil) else { return nil }
        return CyrillicLetterPairs.logLikelihood(text[...]) - CyrillicLetterPairs.logLikelihood(word[...])
    }

    @Test func everyCharacterBetweenLettersScoresAsItsReading() {
        // Every character up to the end of the code page index's table and past it (`ﬁ`, the pages'
        // symbols above U+2600), between letters that read back and letters that do not.
        let neighbours: [Unicode.Scalar] = ["р", "Т", "a", "ё", "\u{2116}"]
        var compared = 0
        var withReading = 0
        for value in UInt32(0)..<0x2_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for before in neighbours {
                let word = [before, scalar, "Й"]
                let expected = Self.gainOfReading(word)
                #expect(LegacyTextDetector.koi8Gain(word[...]) == expected, "U+\(String(value, radix: 16))")
                compared += 1
                if expected != nil { withReading += 1 }
            }
        }
        // Both outcomes are met: characters windows-1251 holds, and those it does not.
        #expect(compared > 500_000)
        #expect(withReading > 600)
    }

    @Test func wordsOfDamagedAndCorrectTextScoreAsTheirReadings() {
        for text in ["рТЙЧЕФ", "Привет", "фПНБfort", "ЛБЙК", "съешь", "Ґанок", "ЁЖИК", "word", ""] {
            let word = Array(text.unicodeScalars)
            #expect(LegacyTextDetector.koi8Gain(word[...]) == Self.gainOfReading(word), "\(text)")
        }
        // Damaged text gains by its reading; correct text loses.
        #expect((LegacyTextDetector.koi8Gain(Array("рТЙЧЕФ".unicodeScalars)[...]) ?? 0) > 0)
        #expect((LegacyTextDetector.koi8Gain(Array("Привет".unicodeScalars)[...]) ?? 0) < 0)
    }
}
