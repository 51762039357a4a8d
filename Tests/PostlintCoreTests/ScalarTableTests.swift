import Testing
@testable import PostlintCore

@Suite struct ScalarTableTests {
    /// Every scalar of the table, asked of the standard library: its lower-case form, its kind (of
    /// it and of that form), and that it is a character of its own beside any scalar of the table.
    /// For that last, three pairs suffice: grapheme clusters join two scalars only when the second
    /// extends (a mark, a joiner, a spacing mark: `x` then it is one character), the first is
    /// prepended (it then `x` is one), or both are Hangul jamo or regional indicators (it then it
    /// is one); a Hangul syllable then jamo is ruled out with the jamo. Carriage return is the one
    /// control that joins (with a line feed), and the table leaves it out.
    @Test func everyScalarInTheTableIsAnsweredAsTheStandardLibraryAnswers() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let entry = ScalarTable.entry(scalar) else { continue }
            checked += 1
            let character = Character(scalar)
            let lowered = String(character).lowercased()
            #expect(Array(lowered.unicodeScalars) == [entry.lowercase], "U+\(String(value, radix: 16))")
            for asked in [character, Character(entry.lowercase)] {
                let kind: ScalarTable.Kind =
                    asked.isLetter || asked.isNumber ? .letterOrNumber : asked.isWhitespace ? .whitespace : .other
                #expect(kind == entry.kind, "U+\(String(value, radix: 16))")
            }
            #expect(ScalarTable.entry(entry.lowercase) == entry, "U+\(String(value, radix: 16))")
            let alone = String(character)
            for pair in ["x" + alone, alone + "x", alone + alone] {
                #expect(pair.count == 2, "U+\(String(value, radix: 16))")
            }
        }
        // The scripts the table is for are in it.
        #expect(checked > 40_000)
        for text in ["Zürich", "Привет", "Tiếng Việt", "日本語のテキスト", "한국어", "Ｆｕｌｌ", "«a» — b…"] {
            #expect(text.unicodeScalars.allSatisfy { ScalarTable.entry($0) != nil }, "\(text)")
        }
        // Marks, joiners, jamo, the dotted capital I (two scalars lower-cased) and Greek are not.
        for scalar: Unicode.Scalar in ["\u{301}", "\u{200D}", "\u{1100}", "\u{130}", "\r", "Σ", "\u{302A}", "\u{FF9E}"] {
            #expect(ScalarTable.entry(scalar) == nil, "\(scalar.escaped(asASCII: true))")
        }
    }
}
