import Testing
@testable import PostlintEncoding

/// `findings(in:)` examines only windows around non-ASCII text; these tests hold it to what the
/// detector finds over the whole text at once.
struct MojibakeWindowTests {
    /// Corpus texts joined with ASCII gaps of every length around the context size, so windows
    /// are joined, split and cut at the text's ends.
    @Test func windowsFindWhatTheWholeTextGives() throws {
        let items = try MojibakeCorpusTests.corpus()
        let detector = MojibakeDetector()
        var state: UInt64 = 3
        var compared = 0
        for start in stride(from: 0, to: min(items.count, 3000), by: 25) {
            var text = ""
            for item in items[start..<min(items.count, start + 25)] {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let gap = Int(state >> 58) + (Int(state >> 40) % 3 == 0 ? 60 : 0)
                text += item.text + String(repeating: state % 2 == 0 ? "a" : " ", count: gap)
            }
            #expect(detector.findings(in: text) == detector.findings(inWholeText: text))
            compared += 1
        }
        #expect(compared > 50)
    }

    /// The detector reads a post's bytes without making a `String`: its scalars are those of the
    /// text, ill-formed bytes included (each maximal ill-formed part one U+FFFD).
    @Test func bytesAreDecodedAsStringsDecodeThem() throws {
        var texts = try MojibakeCorpusTests.corpus().prefix(400).map { Array($0.text.utf8) }
        texts += [
            [0xC3], [0xC3, 0x28], [0xE2, 0x80], [0xE2, 0x80, 0x41], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xFF, 0xFE, 0x41],
        ]
        texts += [Array("itself".utf8) + [0xE2, 0x80] + Array("a — é".utf8) + [0x80, 0xC0, 0xAF]]
        texts += [[0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xC0, 0x80], [0xED, 0xBF, 0xBF]]
        // Random bytes, most of them the ones sequences are made of.
        let alphabet: [UInt8] = [0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var state: UInt64 = 11
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            texts.append(bytes)
        }
        for bytes in texts {
            let scalars = bytes.withUnsafeBufferPointer { MojibakeDetector.scalars(of: $0) }
            let offsets = bytes.withUnsafeBufferPointer { MojibakeDetector.offsets(of: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(scalars == Array(text.unicodeScalars), "\(bytes)")
            #expect(offsets.count == scalars.count + 1)
            #expect(offsets.last == bytes.count)
            #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 < $1 })
        }
        // Findings over ill-formed bytes stay inside them.
        let hostile: [UInt8] = Array("Ã©tÃ© ".utf8) + [0xC3] + Array(" â€".utf8) + [0xE2]
        let findings = hostile.withUnsafeBufferPointer { MojibakeDetector().findings(inValidUTF8: $0) }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.range.upperBound <= hostile.count })
    }

    @Test func asciiTextHasNoWindows() {
        var text = String(repeating: "plain words ", count: 1000)
        let windows = text.withUTF8 { MojibakeDetector.windows(in: $0) }
        #expect(windows.isEmpty)
    }

    /// Non-ASCII text without ASCII gaps still gets windows no longer than the cap plus a line.
    @Test func longNonASCIITextIsCutAtLineFeeds() {
        var text = String(repeating: "Ünïcödé wörds ïn ä lïnë, ëvërÿ wörd ä¢ç€nted\n", count: 5000)
        let windows = text.withUTF8 { MojibakeDetector.windows(in: $0) }
        #expect(windows.count > 1)
        #expect(windows.allSatisfy { $0.count <= MojibakeDetector.maximumWindowBytes + 4096 })
        // Windows are in order, do not overlap, and together cover every non-ASCII byte.
        for (left, right) in zip(windows, windows.dropFirst()) { #expect(left.upperBound <= right.lowerBound) }
        let covered = windows.reduce(0) { $0 + $1.count }
        #expect(covered >= text.utf8.filter { $0 >= 0x80 }.count)
    }

    /// The same with text in scripts no code page holds (which `findings(in:)` passes over when a
    /// window has nothing else) between the items, near them or far from them.
    @Test func windowsOfOtherScriptsAloneArePassedOverAndTheRestFoundAsWhole() throws {
        let items = try MojibakeCorpusTests.corpus()
        let others = ["日本語の文章です。", "한국어 문장입니다", "中文句子，没有别的。", "ภาษาไทย", "עברית"]
        let detector = MojibakeDetector()
        var state: UInt64 = 11
        var compared = 0
        for start in stride(from: 0, to: min(items.count, 3000), by: 25) {
            var text = ""
            for (offset, item) in items[start..<min(items.count, start + 25)].enumerated() {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let gap = Int(state >> 58) + (Int(state >> 40) % 3 == 0 ? 60 : 0)
                text += item.text + String(repeating: " ", count: gap) + others[offset % others.count]
                text += String(repeating: "a", count: gap)
            }
            #expect(detector.findings(in: text) == detector.findings(inWholeText: text))
            compared += 1
        }
        #expect(compared > 50)
        #expect(detector.findings(in: String(repeating: others.joined(separator: " x "), count: 50)).isEmpty)
    }

    /// Whether a window holds a character some code page has, asked of its bytes, agrees with
    /// the code page index for every scalar, alone or between others.
    @Test func aWindowHoldsACodePageCharacterExactlyWhenOneOfItsScalarsIsInAPage() {
        let index = CodePageIndex.shared
        var checked = 0
        for value in UInt32(0x80)...UInt32(0x10FFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "a日" + String(Character(scalar)) + "한 b"
            let holds = text.withUTF8 { MojibakeDetector.holdsCodePageCharacter($0) }
            #expect(holds == (index.packedBytes(of: value) != 0), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 1_000_000)
    }
}
