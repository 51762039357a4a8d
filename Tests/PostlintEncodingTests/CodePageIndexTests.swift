import Testing
@testable import PostlintEncoding

/// The index answers for every scalar what asking each code page gives: its byte in each page
/// that has it, nothing for a scalar no page has (CJK, Hangul, emoji, surrogates' neighbours).
@Suite struct CodePageIndexTests {
    @Test func everyScalarsBytesAreThePagesBytes() {
        var expected: [UInt32: UInt64] = [:]
        for page in CodePage.allCases {
            for byte in UInt8(0x80)...UInt8(0xFF) {
                guard let scalar = page.decode(byte) else { continue }
                expected[scalar, default: 0] |= UInt64(byte) << (8 * UInt64(page.rawValue))
            }
        }
        let index = CodePageIndex.shared
        var mismatches = 0
        for value in UInt32(0)...0x10FFFF where index.packedBytes(of: value) != (expected[value] ?? 0) {
            mismatches += 1
        }
        #expect(mismatches == 0)
        // Scalars beyond the table are found too (Mac Roman's ﬁ).
        #expect(expected.keys.contains { $0 >= 0x2600 })
        #expect(index.packedBytes(of: 0xFB01) != 0 && index.packedBytes(of: 0x65E5) == 0)
    }
}
