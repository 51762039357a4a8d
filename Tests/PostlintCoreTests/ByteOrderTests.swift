import Testing
import PostlintTestSupport
import PostlintCore

/// `precedesInByteOrder` is the byte order of UTF-8, the order reports list paths in.
@Suite struct ByteOrderTests {
    @Test func agreesWithTheUTF8ByteOrderOnGeneratedStrings() {
        let ascii = SeededASCII.strings(seed: 41, lengths: (0..<200).map { $0 % 9 })
        let words = ascii + ["", "a", "a/b", "a-b", "ab", "é", "e\u{301}", "z", "Z", "🎉", "post-10.md", "post-9.md"]
        for left in words {
            for right in words {
                #expect(
                    left.precedesInByteOrder(right) == left.utf8.lexicographicallyPrecedes(right.utf8),
                    "\(left.debugDescription) vs \(right.debugDescription)")
            }
        }
    }

    @Test func sortsByBytesNotByUnicodeOrder() {
        // "é" precomposed (C3 A9) sorts after "e" + combining acute (65 CC 81) by bytes, though
        // the two are equal as Swift strings.
        #expect("e\u{301}".precedesInByteOrder("é"))
        #expect(!"é".precedesInByteOrder("e\u{301}"))
        #expect(["b", "a/b", "a", "A"].sorted { $0.precedesInByteOrder($1) } == ["A", "a", "a/b", "b"])
    }
}
