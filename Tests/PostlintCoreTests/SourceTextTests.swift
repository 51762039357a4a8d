import Testing
@testable import PostlintCore

@Suite struct SourceTextTests {
    @Test func keepsByteOffsetsWhenBytesAreInvalid() {
        let bytes: [UInt8] = [0x61, 0xE9, 0x62, 0xC3, 0xA9, 0xFF, 0xFE, 0x0A]
        let source = SourceText(bytes: bytes)
        #expect(source.invalidRanges == [1..<2, 5..<7])
        #expect(source.text.utf8.count == bytes.count)
        #expect(source.string(in: 3..<5) == "é")
        #expect(source.isInvalid(at: 6))
        #expect(!source.isInvalid(at: 3))
        #expect(!source.isASCII)
    }

    @Test func decodedBytesAreTheFilesOwnUnlessSomeAreInvalid() {
        let valid = Array("tea ✓\n".utf8)
        let clean = SourceText(bytes: valid)
        #expect(clean.utf8 == valid)
        #expect(clean.text == "tea ✓\n")

        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x9C, 0x93, 0xC3]
        let source = SourceText(bytes: bytes)
        #expect(source.bytes == bytes)
        #expect(source.utf8 == [0x61, 0x1A, 0x62, 0xE2, 0x9C, 0x93, 0x1A])
        #expect(source.text == "a\u{1A}b✓\u{1A}")
        #expect(source.text.utf8.count == bytes.count)
        #expect(source.string(in: 2..<6) == "b✓")
        // Ranges past either end are clamped, as before.
        #expect(source.string(in: 6..<99) == "\u{1A}")
        #expect(source.string(in: -3..<1) == "a")
    }

    @Test func rejectsOverlongsSurrogatesAndTruncation() {
        #expect(UTF8Validation.scan([0xC0, 0xAF]).invalidRanges == [0..<2])
        #expect(UTF8Validation.scan([0xED, 0xA0, 0x80]).invalidRanges == [0..<3])
        #expect(UTF8Validation.scan([0x61, 0xE2, 0x82]).invalidRanges == [1..<3])
        #expect(UTF8Validation.scan(Array("ok ✓ 😀".utf8)).invalidRanges.isEmpty)
    }

    @Test func detectsByteOrderMark() {
        #expect(SourceText(bytes: [0xEF, 0xBB, 0xBF, 0x61]).hasByteOrderMark)
        #expect(!SourceText("abc").hasByteOrderMark)
        #expect(SourceText("abc").isASCII)
    }

    @Test func stripsExampleMarkers() {
        let example = RuleExample("a⟦bé⟧c⟦⟧")
        let (text, ranges) = example.unmarked
        #expect(text == "abéc")
        #expect(ranges == [1..<4, 5..<5])
    }
}
