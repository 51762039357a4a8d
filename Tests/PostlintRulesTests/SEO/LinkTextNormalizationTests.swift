import Testing
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
}
