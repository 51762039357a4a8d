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

    @Test func goldmarkByBytesAsByScalarsForEveryASCIICharacterAtEitherEndAndInside() throws {
        for value in UInt8(0)...UInt8(127) {
            let character = Character(Unicode.Scalar(value))
            for text in ["\(character)A b", "A\(character)b", "a B\(character)", "\(character)", "\(character) \(character)"] {
                let bytes = try #require(HeadingSlug.goldmarkASCII(text), "byte \(value)")
                #expect(
                    bytes == HeadingSlug.goldmarkByScalars(text, asciiOnly: false), "byte \(value) in \(text.debugDescription)")
                #expect(
                    bytes == HeadingSlug.goldmarkByScalars(text, asciiOnly: true), "byte \(value) in \(text.debugDescription)")
            }
        }
    }

    @Test(arguments: [
        "  Install Hugo on Linux  ", "The `--gc` flag: remove unused cache files", "Front matter \t\n", "", " \n ",
        "Café au lait", "Привет, мир", " é ", "日本語の見出し 2", "Non\u{A0}breaking",
    ])
    func goldmarkAsByScalars(_ heading: String) {
        for asciiOnly in [false, true] {
            #expect(
                HeadingSlug.goldmark(heading, asciiOnly: asciiOnly)
                    == HeadingSlug.goldmarkByScalars(heading, asciiOnly: asciiOnly))
        }
        #expect((HeadingSlug.goldmarkASCII(heading) == nil) == heading.unicodeScalars.contains { !$0.isASCII })
    }
}
