import PostlintTestSupport
@testable import PostlintRulePacks
import Testing

/// The ASCII shortcuts of the white space helpers against `Character.isWhitespace` itself.
@Suite struct StringWhitespaceTests {
    /// Strings built from pieces chosen by a seeded generator: ASCII and Unicode white space,
    /// CR LF, combining marks that attach to a space or a letter, a prepended mark, letters.
    private func samples() -> [String] {
        let pieces = [
            " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "a", "Z", "-", "é",
            "e\u{301}", "\u{301}", " \u{301}", "\u{600}", "\u{600}a", "\u{A0}", "\u{85}", "\u{3000}",
            "\u{200D}", "😀", "\u{7F}",
        ]
        var state: UInt64 = 19
        var result = [""]
        for length in 1...6 {
            for _ in 0..<400 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text += pieces[Int(state >> 33) % pieces.count]
                }
                result.append(text)
            }
        }
        return result + SeededASCII.strings(seed: 23, lengths: 0..<60)
    }

    @Test func trimmingAgreesWithTrimmingCharacterByCharacter() {
        for text in samples() {
            #expect(
                Array(text.trimmingWhitespace().utf8) == Array(text.trimmingWhitespaceCharacterByCharacter().utf8),
                "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func allWhitespaceAgreesWithCharacterIsWhitespace() {
        for text in samples() {
            #expect(text.isAllWhitespace == text.allSatisfy(\.isWhitespace), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// The ASCII bytes taken for white space are exactly those whose character is white space.
    @Test func asciiWhitespaceIsUnicodeWhiteSpace() {
        for byte in UInt8(0)..<0x80 {
            #expect(ASCIIWhitespace.contains(byte) == Character(Unicode.Scalar(byte)).isWhitespace, "\(byte)")
        }
    }
}

/// The ASCII shortcut of counting characters against `String.count`.
@Suite struct CharacterCountTests {
    @Test func asciiCountAgreesWithStringCount() {
        let texts =
            SeededASCII.strings(seed: 29, lengths: 0..<120)
            + ["\r\n", "\r\r\n\n", "a\r", "\n\r", "é\r\n", "e\u{301}", "😀 ok", "\r\n\r\n"]
        for text in texts {
            #expect(FieldLengthCheck.characterCount(of: text) == text.count, "\(Array(text.utf8))")
        }
    }
}

/// The list check's first-position record against a dictionary, below and past its linear limit.
@Suite struct FirstPositionsTests {
    @Test func agreesWithADictionary() {
        let keys = [
            "tea", "café", "cafe\u{301}", "green tea", "", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
            "k", "l", "m", "n", "o", "p", "q", "r", "s",
        ]
        var state: UInt64 = 31
        for length in [0, 1, 2, 5, 15, 16, 17, 40, 200] {
            for _ in 0..<20 {
                var record = FirstPositions(capacity: length)
                var reference: [String: Int] = [:]
                for position in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    let key = keys[Int(state >> 33) % keys.count]
                    let expected = reference[key]
                    if expected == nil { reference[key] = position }
                    #expect(record.firstPosition(of: key, recording: position) == expected)
                }
            }
        }
    }
}
