import Testing
import PostlintCore
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

@Suite struct SiteDuplicatesHashingTests {
    /// The hash read straight from a value's bytes is the hash of its compared form, for ASCII
    /// (hashed as it is normalized) and for other text (normalized as a string first).
    @Test func hashingFromBytesAgreesWithHashingTheComparedForm() {
        var values = ["", " ", "--", "Hello, World!", "  Leading and trailing  ", "Café — Déjà vu", "ÉTÉ", "☕☕", "a☕b"]
        values += SeededASCII.strings(seed: 7, lengths: 0...60)
        for value in values {
            for comparison in [SiteDuplicates.Comparison.exact, .normalized] {
                let form = comparison.form(of: value)
                var bytes = value
                let hash = bytes.withUTF8 { comparison.hash(ofValue: $0) }
                #expect(hash == (form.isEmpty ? nil : SiteDuplicates.hash(of: form)), "\(value.debugDescription)")
            }
        }
    }

    /// The hash made scalar by scalar from the table is the hash of `normalizedUnicode`, on text
    /// mixing every range the table holds with scalars beside them it does not (marks joining a
    /// letter, Greek, İ, µ, ª, superscripts, the iteration and prolonged-sound marks, full-width
    /// letters, emoji); the table answers for most of the texts, and gives up on the others.
    @Test func theTablePathAgreesWithTheUnicodePath() {
        var scalars: [UInt32] = [0x41, 0x5A, 0x61, 0x30, 0x20, 0x2D, 0x0D, 0x0A, 0x2E]
        scalars += [0xBF, 0xC0, 0xC9, 0xD6, 0xD7, 0xD8, 0xDE, 0xDF, 0xE9, 0xF6, 0xF7, 0xF8, 0xFF, 0xA0, 0xA1, 0xAB, 0xBB]
        scalars += [0x400, 0x40F, 0x410, 0x42F, 0x430, 0x44F, 0x450, 0x45F, 0x2010, 0x2014, 0x2026, 0x2027]
        scalars += [0x3000, 0x3001, 0x3002, 0x3005, 0x3008, 0x3011, 0x3041, 0x3096, 0x30A1, 0x30FA, 0x30FB, 0x30FC]
        scalars += [0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xAC00, 0xD7A3]
        let outside: [UInt32] = [
            0x301, 0x3099, 0x391, 0x3C3, 0x130, 0xB5, 0xAA, 0xB2, 0x460, 0x3006, 0x3007, 0xFF21, 0x1F600, 0x1100,
        ]
        var random = SeededRandom(seed: 29)
        var byTable = 0
        for round in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 10) {
                let pool = round % 4 == 0 && random.next() % 6 == 0 ? outside : scalars
                if let scalar = Unicode.Scalar(pool[Int(random.next() % UInt64(pool.count))]) { text.append(scalar) }
            }
            var value = String(text)
            let normalized = SiteDuplicates.normalizedUnicode(value)
            let hash = value.withUTF8 { SiteDuplicates.hashOfNormalizedByTable($0) }
            if let hash {
                byTable += 1
                #expect(hash == (normalized.isEmpty ? nil : SiteDuplicates.hash(of: normalized)), "\(value.debugDescription)")
            }
            let compared = value.withUTF8 { SiteDuplicates.Comparison.normalized.hash(ofValue: $0) }
            #expect(compared == (normalized.isEmpty ? nil : SiteDuplicates.hash(of: normalized)), "\(value.debugDescription)")
        }
        #expect(byTable > 15_000 && byTable < 20_000)
    }

    @Test func duplicatesAreFoundAcrossScriptsAndNotWithinOnePost() {
        let origin = SourceLocation(line: 2, column: 8)
        func fact(_ path: String, _ value: String) -> SiteFact {
            SiteFact(path: path, key: "title", value: value, start: origin, end: origin)
        }
        let facts = SiteFacts([
            fact("a.md", "Café!"), fact("b.md", "café"), fact("c.md", "Same"), fact("c.md", "same"),
            fact("d.md", "CAFE"),
        ])
        let metadata = DuplicateTitleRule.metadata
        let findings = SiteDuplicates.findings(facts, key: "title", metadata: metadata) { value, others in "\(value)|\(others)" }
            .sorted(by: Finding.reportOrder)
        #expect(findings.map(\.message) == ["Café!|b.md", "café|a.md"])
        let exact = SiteDuplicates.findings(facts, key: "title", metadata: metadata, comparison: .exact) { value, _ in value }
        #expect(exact.isEmpty)
    }
}
