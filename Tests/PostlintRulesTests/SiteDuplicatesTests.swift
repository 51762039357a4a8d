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

    /// The scalar-at-a-time path gives what the character path gives wherever it answers, and
    /// leaves text with joining marks or two-scalar lower cases to it.
    @Test func theTablePathAgreesWithTheCharacterPath() {
        let answers = SeededUnicodeText.answers(
            seed: 3, count: 20_000, fast: SiteDuplicates.normalizedByTable, slow: SiteDuplicates.normalizedByCharacters)
        for answer in answers { #expect(answer.fast == answer.slow, "\(answer.text.debugDescription)") }
        #expect(answers.count > 5_000 && answers.count < 20_000, "\(answers.count)")
        #expect(SiteDuplicates.normalizedByTable("Привет, МИР — 2024") == "привет мир 2024")
        #expect(SiteDuplicates.normalizedByTable("e\u{301}") == nil)
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
