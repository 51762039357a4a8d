import Testing
@testable import PostlintRules

/// The github slug of an all-ASCII heading is computed byte by byte; these tests hold it to the
/// rule written with Unicode properties (lower case; letters, marks, numbers, connector punctuation,
/// alphabetic symbols and `-` kept; space as `-`), character by character and on whole headings.
@Suite struct HeadingSlugASCIITests {
    /// github-slugger's rule, spelled with Unicode properties, as the reference.
    static func reference(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                output.append("-")
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation:
                output.append(scalar)
            default:
                if scalar == "-" || scalar.properties.isAlphabetic { output.append(scalar) }
            }
        }
        return String(output)
    }

    @Test func everyASCIICharacterAsTheReference() {
        for value in UInt8(0)...UInt8(127) {
            let text = "A\(Character(Unicode.Scalar(value)))b"
            #expect(HeadingSlug.github(text) == Self.reference(text), "byte \(value)")
        }
    }

    @Test(arguments: [
        "Hello World", "C++ / CLI: `std::vector<T>` (2019)", "snake_case and kebab-case", "  Tabs\tand  spaces ",
        "Café au lait", "Привет, мир", "日本語の見出し 2", "Mixed ASCII and é",
    ])
    func headingsAsTheReference(_ heading: String) {
        #expect(HeadingSlug.github(heading) == Self.reference(heading))
    }
}
