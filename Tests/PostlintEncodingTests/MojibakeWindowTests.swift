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
