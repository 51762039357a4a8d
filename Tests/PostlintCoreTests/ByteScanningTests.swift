import Testing
import PostlintTestSupport
import PostlintCore

/// The word-at-a-time scans against plain byte loops, on random bytes at every alignment.
@Suite struct ByteScanningTests {
    /// Mostly ASCII text with a few bytes from `rare` sprinkled in, as real posts are.
    private func samples(rare: [UInt8]) -> [[UInt8]] {
        var generator = SeededRandom(seed: 42)
        var result: [[UInt8]] = [[], [0x41], rare]
        for length in [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 300] {
            for _ in 0..<40 {
                result.append(
                    (0..<length).map { _ in
                        UInt8.random(in: 0...9, using: &generator) == 0
                            ? rare.randomElement(using: &generator) ?? 0x20
                            : UInt8.random(in: 0x20...0x7E, using: &generator)
                    })
            }
        }
        return result
    }

    @Test func endOfASCIIMatchesAByteLoop() {
        for bytes in samples(rare: [0x80, 0xC2, 0xE2, 0xFF, 0x7F, 0x00]) {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { $0 >= 0x80 } ?? bytes.count
                    #expect(ByteScanning.endOfASCII(in: buffer, from: start) == expected)
                }
                #expect(ByteScanning.isASCII(buffer) == bytes.allSatisfy { $0 < 0x80 })
            }
        }
    }

    @Test func controlCandidatesMatchAByteLoop() {
        let rare: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC1, 0xC2, 0xC3, 0xFF]
        for bytes in samples(rare: rare) {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex {
                        ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2
                    }
                    #expect(ByteScanning.firstControlCandidate(in: buffer, from: start) == expected)
                }
            }
        }
    }

    @Test func countOutsidePrintableASCIIMatchesAByteLoop() {
        let rare: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xC2, 0xFF]
        var long = SeededRandom(seed: 5)
        // Past one counting stretch (255 steps of sixteen bytes), where the lanes are emptied.
        let longSamples = [4_079, 4_080, 4_081, 9_000].map { length in
            (0..<length).map { _ in UInt8.random(in: 0...0xFF, using: &long) }
        }
        for bytes in samples(rare: rare) + longSamples {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...min(bytes.count, 17) {
                    let slice = UnsafeBufferPointer(rebasing: buffer[start...])
                    let expected = slice.count { $0 < 0x20 || $0 >= 0x7F }
                    #expect(ByteScanning.countOutsidePrintableASCII(in: slice) == expected)
                }
            }
        }
    }

    @Test func countOfAByteMatchesAByteLoop() {
        for bytes in samples(rare: [0x09, 0x0D]) {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ByteScanning.count(of: 0x09, in: buffer) == bytes.count { $0 == 0x09 })
                #expect(ByteScanning.count(of: 0x41, in: buffer) == bytes.count { $0 == 0x41 })
            }
        }
    }

    @Test func firstIndexOfAByteMatchesAByteLoop() {
        for bytes in samples(rare: [0x0A, 0x0D]) {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    #expect(ByteScanning.firstIndex(of: 0x0D, in: buffer, from: start) == bytes[start...].firstIndex(of: 0x0D))
                }
            }
        }
    }

    /// Columns from the line index's word-at-a-time checkpoints equal columns counted scalar by
    /// scalar, in both units, across block boundaries.
    @Test func lineIndexColumnsMatchCountingScalars() {
        var generator = SeededRandom(seed: 7)
        let pieces = ["a", "bc ", "é", "—", "😀", "\n", "x\r\n", "日本", "\r"]
        var text = ""
        while text.utf8.count < 5_000 { text += pieces.randomElement(using: &generator) ?? "a" }
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes: bytes)
        var scalars = 0
        var utf16 = 0
        var offset = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let location = index.location(of: offset)
            let location16 = index.location(of: offset, unit: .utf16)
            if !(previousWasCR && scalar == "\n") {
                #expect(location.column == scalars + 1, "scalar column at byte \(offset)")
                #expect(location16.column == utf16 + 1, "UTF-16 column at byte \(offset)")
            }
            offset += String(scalar).utf8.count
            if scalar == "\n" || scalar == "\r" {
                scalars = 0
                utf16 = 0
            } else {
                scalars += 1
                utf16 += scalar.utf16.count
            }
            previousWasCR = scalar == "\r"
        }
    }

    @Test func equalIsComparingTheBytes() {
        var generator = SeededRandom(seed: 7)
        for length in [0, 1, 7, 8, 9, 16, 33] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var changed = bytes
            if length > 0 { changed[Int.random(in: 0..<length, using: &generator)] ^= 0x20 }
            bytes.withUnsafeBufferPointer { one in
                #expect(ByteScanning.equal(one, one))
                changed.withUnsafeBufferPointer { other in
                    #expect(ByteScanning.equal(one, other) == (bytes == changed), "length \(length)")
                }
                (bytes + [0]).withUnsafeBufferPointer { longer in
                    #expect(!ByteScanning.equal(one, longer), "length \(length)")
                }
            }
        }
    }

    /// `contains` finds a needle where a byte-by-byte search does: needles of one to three bytes
    /// from a small alphabet (so they are often there, at the start, the end, overlapping a near
    /// miss), the empty needle, needles longer than the text, and non-ASCII bytes.
    @Test func containsFindsWhatAByteSearchFinds() {
        var generator = SeededRandom(seed: 13)
        let alphabet: [String] = ["-", ".", "<", "[", "^", "a", "é", "\u{301}"]
        func text(_ length: Int) -> String {
            (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }.joined()
        }
        var found = 0
        for _ in 0..<4_000 {
            let haystack = text(Int.random(in: 0...12, using: &generator))
            let needle = text(Int.random(in: 0...3, using: &generator))
            let bytes = Array(haystack.utf8)
            let wanted = Array(needle.utf8)
            let expected =
                wanted.isEmpty
                || (bytes.count >= wanted.count
                    && (0...(bytes.count - wanted.count)).contains { Array(bytes[$0..<($0 + wanted.count)]) == wanted })
            if expected { found += 1 }
            #expect(
                ByteScanning.contains(needle, in: haystack) == expected,
                "\(needle.debugDescription) in \(haystack.debugDescription)")
        }
        #expect(found > 1_000 && found < 3_000, "\(found)")
        #expect(ByteScanning.contains("--", in: "a-b--") && !ByteScanning.contains("--", in: "a-b-"))
    }

    /// Strings are equal when their bytes are: not when they are only canonically equivalent.
    @Test func stringsAreEqualByTheirBytes() {
        #expect(ByteScanning.equal("title", "title") && ByteScanning.equal("", ""))
        #expect(!ByteScanning.equal("title", "titles") && !ByteScanning.equal("title", "Title"))
        #expect("caf\u{E9}" == "cafe\u{301}" && !ByteScanning.equal("caf\u{E9}", "cafe\u{301}"))
        #expect(!ByteScanning.equal("ab", "ba") && ByteScanning.equal("日本", "日本"))
    }
}
