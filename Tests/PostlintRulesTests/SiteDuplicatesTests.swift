import Testing
import PostlintTestSupport
@testable import PostlintRules

@Suite struct SiteDuplicatesTests {
    /// The byte-by-byte path for ASCII values gives what the Unicode path gives, on every ASCII
    /// character in many arrangements.
    @Test func theASCIIPathAgreesWithTheUnicodePath() {
        var values = ["", "  ", "Hello, World!", "a--b", "  Leading and trailing  ", "MiXeD 42 cAsE", "x\ty\nz"]
        values += SeededASCII.strings(seed: 1, lengths: 1...40)
        for value in values {
            #expect(SiteDuplicates.normalizedASCII(value) == SiteDuplicates.normalizedUnicode(value), "\(value.debugDescription)")
        }
        #expect(SiteDuplicates.normalized("Hello, World!") == "hello world")
        #expect(SiteDuplicates.normalized("Café — Déjà vu") == "café déjà vu")
    }
}
