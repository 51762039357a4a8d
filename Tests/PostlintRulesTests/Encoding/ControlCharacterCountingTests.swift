import PostlintCore
import PostlintParsing
@testable import PostlintRules
import PostlintTestSupport
import Testing

/// The counting fast path of `control-character` against its byte-by-byte scan.
@Suite struct ControlCharacterCountingTests {
    /// Seeded ASCII texts: as generated (every ASCII byte, so nearly all hold controls), and with
    /// every control but tab and the line endings turned into a letter (so they hold none), with
    /// line feeds only and with carriage returns.
    private func samples() -> [String] {
        var texts: [String] = []
        for text in SeededASCII.strings(seed: 11, lengths: 0..<200) {
            let cleaned = String(
                decoding: text.utf8.map { byte -> UInt8 in
                    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F ? 0x78 : byte
                }, as: UTF8.self)
            let lineFeedsOnly = String(decoding: cleaned.utf8.map { $0 == 0x0D ? 0x0A : $0 }, as: UTF8.self)
            let withoutTabs = String(decoding: lineFeedsOnly.utf8.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
            texts += [text, cleaned, lineFeedsOnly, withoutTabs, withoutTabs + "\u{1B}", "\u{7F}" + lineFeedsOnly]
        }
        return texts
    }

    @Test func countingAgreesWithTheScan() {
        let rule = ControlCharacterRule(options: RuleOptions(defaultsOf: ControlCharacterRule.metadata))
        var clean = 0
        for text in samples() {
            let source = SourceText(text)
            let scanned = rule.diagnostics(scanning: source)
            #expect(
                ControlCharacterRule.controlBytesAreOnlyTabsAndLineEndings(inASCII: source) == scanned.isEmpty,
                "\(Array(text.utf8))")
            let document = DocumentLoader.load(path: "post.md", text: text)
            #expect(rule.check(document, context: RuleContext()) == scanned)
            if scanned.isEmpty { clean += 1 }
        }
        // Both outcomes were exercised.
        #expect(clean > 100)
    }
}
