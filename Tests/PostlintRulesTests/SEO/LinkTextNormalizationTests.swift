import Testing
@testable import PostlintRules

@Suite struct LinkTextNormalizationTests {
    /// The byte-by-byte path for ASCII link texts gives what the character path gives, on every
    /// ASCII character in many arrangements.
    @Test func theASCIIPathAgreesWithTheUnicodePath() {
        let alphabet = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var texts = ["", " ", "Click HERE", "  (here)  ", "read more ->", "--> next <--", "a\r\nb", "\"quoted\"", "_x_"]
        var state: UInt64 = 7
        for length in 1...48 {
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(state >> 57)]
            }
            texts.append(text)
        }
        for text in texts {
            #expect(LinkTextRule.normalizedASCII(text) == LinkTextRule.normalizedUnicode(text), "\(text.debugDescription)")
        }
        #expect(LinkTextRule.normalized("  Click   HERE! ") == "click here")
        #expect(LinkTextRule.normalized("read more →") == "read more")
        // Spaces left inside by trimmed punctuation go too.
        #expect(LinkTextRule.normalized("« Ici »") == "ici")
        #expect(LinkTextRule.normalized("( here )") == "here")
    }
}
