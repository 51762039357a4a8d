import Foundation
import PostlintCore
import PostlintEncoding
import PostlintEngine
import PostlintParsing
import PostlintRules
import Testing
import PostlintTestSupport

/// The encoding rules on bad input and on the repairs they offer.
@Suite struct EncodingRuleTests {
    func check<R: BuiltInRule>(_ type: R.Type, _ bytes: [UInt8]) -> [Diagnostic] {
        let rule = R(options: RuleOptions(defaultsOf: R.metadata))
        return rule.check(DocumentLoader.load(path: "post.md", bytes: bytes), context: RuleContext())
    }

    func check<R: BuiltInRule>(_ type: R.Type, _ text: String) -> [Diagnostic] {
        check(type, Array(text.utf8))
    }

    func fixed<R: BuiltInRule>(_ type: R.Type, _ text: String) -> String {
        let fixes = check(type, text).compactMap(\.fix)
        return String(decoding: FixApplier.apply(fixes, to: Array(text.utf8)).bytes, as: UTF8.self)
    }

    // MARK: invalid-utf8

    @Test func namesTheBytesOfEachRun() {
        let bytes = Array("---\ntitle: A\n---\n\nCaf".utf8) + [0xE9] + Array(" and na".utf8) + [0xEF, 0x76] + Array("e\n".utf8)
        let diagnostics = check(InvalidUTF8Rule.self, bytes)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first?.message.contains("0xE9") == true)
        #expect(diagnostics.first?.message.contains("\"é\" in Windows-1252") == true)
        #expect(diagnostics.first?.range == 21..<22)
    }

    @Test func randomBytesGiveOneSummary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let diagnostics = check(InvalidUTF8Rule.self, bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("the file is not UTF-8 text") == true)
    }

    @Test func utf16WithByteOrderMarkIsReportedOnce() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "---\ntitle: A\n---\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let diagnostics = check(InvalidUTF8Rule.self, bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("UTF-16 (little-endian)") == true)
        #expect(diagnostics.first?.range == 0..<2)
        let bigEndian: [UInt8] = [0xFE, 0xFF, 0x00, 0x41]
        #expect(check(InvalidUTF8Rule.self, bigEndian).first?.message.contains("big-endian") == true)
    }

    @Test func utf16WithoutByteOrderMarkIsRecognisedByItsNULs() {
        let text = "---\ntitle: Notes on brewing\n---\n\nBody text.\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(EncodingSniffer.sniff(little).encoding == .utf16LittleEndian)
        #expect(EncodingSniffer.sniff(big).encoding == .utf16BigEndian)
        // Text with no NUL among its first 512 bytes is UTF-8 at once; a NUL or two is not UTF-16.
        #expect(EncodingSniffer.sniff(Array(text.utf8)).encoding == .utf8)
        #expect(EncodingSniffer.sniff(Array(text.utf8) + [0, 0x41, 0]).encoding == .utf8)
        #expect(EncodingSniffer.sniff(Array(String(repeating: "a", count: 600).utf8) + little).encoding == .utf8)
    }

    @Test func encodedSurrogateIsNamed() {
        let bytes = Array("x ".utf8) + [0xED, 0xA0, 0x80] + Array(" y\n".utf8)
        let diagnostics = check(InvalidUTF8Rule.self, bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.range == 2..<5)
        #expect(diagnostics.first?.message.contains("surrogate") == true)
    }

    @Test func truncatedSequenceAtTheEnd() {
        let bytes = Array("the end—".utf8).dropLast() + []
        let diagnostics = check(InvalidUTF8Rule.self, Array(bytes))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("cut short at the end of the file") == true)
        #expect(diagnostics.first?.message.contains("0xE2 0x80") == true)
    }

    // MARK: control-character

    @Test func nulByteIsAControlCharacter() {
        let bytes = Array("---\ntitle: A\n---\n\nNUL".utf8) + [0x00] + Array("here\n".utf8)
        let diagnostics = check(ControlCharacterRule.self, bytes)
        #expect(diagnostics.map(\.range) == [21..<22])
        #expect(diagnostics.first?.message == "control character U+0000 (NUL)")
        // The mojibake and encoding rules take NUL in their stride.
        #expect(check(MojibakeRule.self, bytes).isEmpty)
        #expect(check(InvalidUTF8Rule.self, bytes).isEmpty)
    }

    // MARK: mojibake

    @Test func messageNamesTheRepairAndTheChain() {
        let single = check(MojibakeRule.self, "itselfâ€”a")
        #expect(single.map(\.message) == ["\"â€”\" looks like \"—\" read as Windows-1252; the bytes round-trip exactly"])
        #expect(single.first?.severity == .error)
        let double = check(MojibakeRule.self, "ItÃ¢â‚¬â„¢s")
        #expect(
            double.map(\.message) == ["\"Ã¢â‚¬â„¢\" looks like \"’\" read as Windows-1252 twice; the bytes round-trip exactly"])
        let mixed = "Caf" + String(decoding: [0xC3, 0x83, 0xC2, 0x83, 0xC3, 0x82, 0xC2, 0xA9], as: UTF8.self)
        let mixedMessages = check(MojibakeRule.self, mixed).map(\.message)
        #expect(mixedMessages.count == 1 && mixedMessages[0].contains("\"é\" read as Latin-1 twice"), "\(mixedMessages)")
    }

    @Test func repairsAreExactAndConverge() {
        let broken = "---\ntitle: \"CafÃ©\"\n---\n\nÃ‰tÃ© ItÃ¢â‚¬â„¢s ðŸ˜€ Ð¿Ñ€Ð¸Ð²ÐµÑ‚\n"
        let once = fixed(MojibakeRule.self, broken)
        #expect(once == "---\ntitle: \"Café\"\n---\n\nÉté It’s 😀 привет\n")
        #expect(check(MojibakeRule.self, once).isEmpty)
    }

    @Test func realTextInManyLanguagesIsLeftAlone() {
        let texts = [
            "Ça fait déjà l’été à Aix-en-Provence : « VOILÀ » — DÉJÀ…",
            "Coração, São Paulo, NÃO! IRMÃ… CAPITÃ”", "Fußgängerübergänge „Straße“ ÄRGER",
            "Tiếng Việt có dấu: Đặng, người, được", "Ελληνικά: Καλημέρα, «κόσμε»",
            "Её ещё нет. Він пішов. Ђурђевдан", "中文字符和日本語のテキスト、한국어", "👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷 1️⃣",
            "½ cup ± 2 °C, © 2024 Acme™, § 3 ¶ 2, 5 €", "┌──┐\n│ab│\n└──┘", "e\u{301}te\u{301} (decomposed)",
        ]
        for text in texts {
            #expect(check(MojibakeRule.self, text).isEmpty, "\(text)")
        }
    }

    @Test func asciiFilesTakeTheFastPath() {
        #expect(check(MojibakeRule.self, "plain ASCII only\n").isEmpty)
        #expect(check(InvisibleCharacterRule.self, "plain ASCII only\n").isEmpty)
    }

    @Test func hostileInputStaysLinear() {
        // A long run of characters that all map to code page bytes but never form UTF-8.
        let text = String(repeating: "Ã", count: 200_000) + String(repeating: "Ã©", count: 50_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = check(MojibakeRule.self, text) }
        #expect(elapsed < HangGuard.duration(10))
    }

    // MARK: bom, line endings, invisible characters, replacement characters

    @Test func byteOrderMarkIsRemoved() {
        #expect(fixed(BomRule.self, "\u{FEFF}---\ntitle: A\n---\n") == "---\ntitle: A\n---\n")
        #expect(check(BomRule.self, "---\ntitle: A\n---\n").isEmpty)
    }

    @Test func lineEndingsNormaliseToTheMajority() {
        #expect(fixed(MixedLineEndingsRule.self, "a\r\nb\r\nc\nd\r\n") == "a\r\nb\r\nc\r\nd\r\n")
        #expect(fixed(MixedLineEndingsRule.self, "a\nb\rc\r\nd\n") == "a\nb\nc\nd\n")
        let diagnostics = check(MixedLineEndingsRule.self, "a\r\nb\nc\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.range == 1..<3)
        #expect(check(MixedLineEndingsRule.self, "a\r\nb\r\n").isEmpty)
    }

    /// The endings the rule reads from the line index are those a look at every byte finds: on
    /// seeded texts of LF, CRLF, lone CRs (also two in a row), letters and invalid bytes, the
    /// edits of its fix are the minority endings, in order, and the rule is silent when none is.
    @Test func lineEndingsReadFromTheLineIndexAreThoseOfTheBytes() {
        let pieces: [[UInt8]] = [[0x61], [0xC3, 0xA9], [0x0A], [0x0D], [0x0D, 0x0A], [0x0D, 0x0D], [0xFF]]
        var random = SeededRandom(seed: 31)
        var mixed = 0
        for _ in 0..<3_000 {
            let bytes = (0..<Int(random.next() % 12)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            // Each ending by its bytes: 0 LF, 1 CRLF, 2 CR.
            var endings: [(range: Range<Int>, kind: Int)] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    endings.append((index..<index + 1, 0))
                } else if bytes[index] == 0x0D {
                    let crlf = index + 1 < bytes.count && bytes[index + 1] == 0x0A
                    endings.append((index..<index + (crlf ? 2 : 1), crlf ? 1 : 2))
                    if crlf { index += 1 }
                }
                index += 1
            }
            let counts = (0..<3).map { kind in endings.filter { $0.kind == kind }.count }
            let majority = (0..<3).reduce(0) { counts[$1] > counts[$0] ? $1 : $0 }
            let expected = counts.filter { $0 > 0 }.count > 1 ? endings.filter { $0.kind != majority }.map(\.range) : []
            let edits = check(MixedLineEndingsRule.self, bytes).compactMap(\.fix).flatMap(\.edits).map(\.range)
            if !expected.isEmpty { mixed += 1 }
            #expect(edits == expected, "\(bytes)")
        }
        #expect(mixed > 1_000)
    }

    @Test func invisibleCharactersOutOfPlace() {
        let diagnostics = check(InvisibleCharacterRule.self, "a\u{200B}b c\u{202E}d e\u{200D}f")
        #expect(diagnostics.map(\.severity) == [.warning, .error, .warning])
        #expect(check(InvisibleCharacterRule.self, "👨‍👩‍👧 می‌خواهم क्‍ष 🏳️‍🌈").isEmpty)
        #expect(check(InvisibleCharacterRule.self, "\u{FEFF}start").isEmpty)
    }

    @Test func replacementCharactersAreRuns() {
        let diagnostics = check(ReplacementCharacterRule.self, "a\u{FFFD}\u{FFFD}b\u{FFFD}")
        #expect(diagnostics.map(\.range) == [1..<7, 8..<11])
        #expect(diagnostics.first?.message.hasPrefix("2 replacement characters") == true)
    }

    /// Runs of U+FFFD among text made of its own bytes' neighbours (EF, BF, BD alone and in other
    /// orders, other EF sequences, a run cut at the end of the file), found as a byte-by-byte
    /// search finds them.
    @Test func replacementCharacterRunsAreFoundWhereverTheyStand() {
        var random = SeededRandom(seed: 21)
        let pieces: [[UInt8]] = [
            [0xEF, 0xBF, 0xBD], [0xEF], [0xBF], [0xBD], [0xEF, 0xBF], [0xEF, 0xBB, 0xBF], [0x61], [0x0A],
            Array("é".utf8), [0xEF, 0xBF, 0xBE],
        ]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 40) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            var expected: [Range<Int>] = []
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD else {
                    index += 1
                    continue
                }
                let start = index
                while index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD {
                    index += 3
                }
                expected.append(start..<index)
            }
            let source = SourceText(bytes: bytes)
            // The rule reads the file's bytes; a file that is not ASCII and not UTF-8 keeps them.
            guard !source.isASCII else { continue }
            let found = check(ReplacementCharacterRule.self, bytes).map(\.range)
            #expect(found == expected, "\(bytes)")
        }
    }

    // MARK: the fixture

    @Test func mojibakeFixtureRepairsToTheCleanText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("fixtures/cms-export/night-the-lights-went-out.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let diagnostics = check(MojibakeRule.self, text)
        #expect(diagnostics.map(\.message) == ["\"â€”\" looks like \"—\" read as Windows-1252; the bytes round-trip exactly"])
        let repaired = fixed(MojibakeRule.self, text)
        #expect(repaired == text.replacingOccurrences(of: "itselfâ€”a", with: "itself—a"))
        #expect(check(MojibakeRule.self, repaired).isEmpty)
    }
}
