import Testing
@testable import PostlintRules

@Suite struct SiteDuplicatesTests {
    /// The byte-by-byte path for ASCII values gives what the Unicode path gives, on every ASCII
    /// character in many arrangements.
    @Test func theASCIIPathAgreesWithTheUnicodePath() {
        let alphabet = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var values = ["", "  ", "Hello, World!", "a--b", "  Leading and trailing  ", "MiXeD 42 cAsE", "x\ty\nz"]
        var state: UInt64 = 1
        for length in 1...40 {
            var value = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                value += alphabet[Int(state >> 57)]
            }
            values.append(value)
        }
        for value in values {
            #expect(SiteDuplicates.normalizedASCII(value) == SiteDuplicates.normalizedUnicode(value), "\(value.debugDescription)")
        }
        #expect(SiteDuplicates.normalized("Hello, World!") == "hello world")
        #expect(SiteDuplicates.normalized("Café — Déjà vu") == "café déjà vu")
    }
}
