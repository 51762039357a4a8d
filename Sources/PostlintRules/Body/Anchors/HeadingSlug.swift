import Foundation
import PostlintCore

/// Each generator's way of turning a heading's text into an id, before repeats are numbered.
/// Every function is a pure function of the text it is given (which text that is, rendered or
/// source, is `DocumentAnchors`' business).
enum HeadingSlug {
    /// github-slugger (GitHub, Docusaurus): lower case; letters, marks, decimal and letter numbers,
    /// connector punctuation, alphabetic symbols and `-` kept; each space a `-`; the rest dropped.
    static func github(_ text: String) -> String {
        if let slug = githubASCII(text) { return slug }
        var output = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                output.append("-")
            } else if scalar == "-" || keepsInGitHub(scalar) {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `github` for an all-ASCII heading, byte by byte: there the kept characters are the ASCII
    /// letters (lower-cased), digits, `_` and `-`, and no general category need be looked up. Nil
    /// when the text is not all ASCII.
    private static func githubASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case 0x80...: return nil
                case 0x41...0x5A: output.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: output.append(byte)
                case 0x20: output.append(0x2D)
                default: break
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func keepsInGitHub(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation:
            return true
        default:
            return properties.isAlphabetic
        }
    }

    /// goldmark as Hugo configures it (`github` and `github-ascii`): the source trimmed; `-` and
    /// space as `-`; letters, decimal digits and `_` lower-cased; the rest dropped. ASCII only:
    /// accents are first split off (NFD) and everything outside ASCII dropped.
    static func goldmark(_ source: String, asciiOnly: Bool) -> String {
        goldmarkASCII(source) ?? goldmarkByScalars(source, asciiOnly: asciiOnly)
    }

    /// `goldmark` for an all-ASCII heading, byte by byte (nothing to decompose; white space is
    /// tab to carriage return and space): Hugo's headings are nearly all ASCII, and Foundation's
    /// trimming and decomposition cost a tenth of a Hugo site's link checks. Nil when the text is
    /// not all ASCII.
    static func goldmarkASCII(_ source: String) -> String? {
        var source = source
        return source.withUTF8 { bytes -> String? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var start = 0
            var end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            var output: [UInt8] = []
            output.reserveCapacity(end - start)
            for byte in bytes[start..<end] {
                switch byte {
                case 0x80...: return nil
                case 0x41...0x5A: output.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F: output.append(byte)
                case 0x2D, 0x20: output.append(0x2D)
                default: break
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `goldmark` scalar by scalar, for any text.
    static func goldmarkByScalars(_ source: String, asciiOnly: Bool) -> String {
        let text = asciiOnly ? source.decomposedStringWithCanonicalMapping : source
        var output = String.UnicodeScalarView()
        for scalar in text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars {
            if asciiOnly, !scalar.isASCII { continue }
            if scalar == "-" || scalar == " " {
                output.append("-")
            } else if scalar == "_" || isLetter(scalar) || scalar.properties.generalCategory == .decimalNumber {
                output.append(simpleLowercase(scalar))
            }
        }
        return String(output)
    }

    /// blackfriday's `SanitizedAnchorName` (Hugo's `blackfriday` type): letters and numbers
    /// lower-cased, each run of anything else one `-` between them.
    static func blackfriday(_ source: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in source.unicodeScalars {
            if isLetter(scalar) || isNumber(scalar) {
                if pendingDash, !output.isEmpty { output.append("-") }
                pendingDash = false
                output.append(simpleLowercase(scalar))
            } else {
                pendingDash = true
            }
        }
        return String(output)
    }

    /// kramdown's `basic_generate_id`: everything before the first ASCII letter dropped, then ASCII
    /// letters, digits, spaces and `-` kept, spaces as `-`, lower case.
    static func kramdown(_ source: String) -> String {
        var output = String.UnicodeScalarView()
        var started = false
        for scalar in source.unicodeScalars {
            let value = scalar.value
            let isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            if !started {
                guard isLetter else { continue }
                started = true
            }
            if isLetter {
                output.append(Unicode.Scalar(UInt8(value | 0x20)))
            } else if (0x30...0x39).contains(value) || scalar == "-" {
                output.append(scalar)
            } else if scalar == " " {
                output.append("-")
            }
        }
        return String(output)
    }

    /// kramdown-parser-gfm's `generate_gfm_header_id`: lower case; word characters (alphabetic,
    /// marks, decimal numbers, connector punctuation), `-`, spaces and tabs kept, blanks as `-`.
    static func kramdownGFM(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in typographic(text, ellipsis: false).lowercased().unicodeScalars {
            if scalar == " " || scalar == "\t" {
                output.append("-")
            } else if scalar == "-" || isWordCharacter(scalar) {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Pandoc's `auto_identifiers`: lower case; letters, numbers, `_`, `-`, `.` and blanks kept;
    /// words joined by `-`; everything before the first letter dropped.
    static func pandoc(_ text: String) -> String {
        var words: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
        for scalar in typographic(text, ellipsis: true).lowercased().unicodeScalars {
            if isHaskellSpace(scalar) {
                if !(words.last?.isEmpty ?? true) { words.append(String.UnicodeScalarView()) }
            } else if isLetter(scalar) || isNumber(scalar) || scalar == "_" || scalar == "-" || scalar == "." {
                words[words.count - 1].append(scalar)
            }
        }
        if words.last?.isEmpty ?? false { words.removeLast() }
        let joined = words.map(String.init).joined(separator: "-")
        guard let firstLetter = joined.unicodeScalars.firstIndex(where: isLetter) else { return "" }
        return String(joined.unicodeScalars[firstLetter...])
    }

    /// Pandoc's `gfm_auto_identifiers`: lower case; each run of spaces and tabs (one space once
    /// parsed) and each other blank a `-`; letters, numbers, marks, connector punctuation and `-`
    /// kept.
    static func pandocGFM(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let isSpace = scalar == " " || scalar == "\t" || scalar == "\n"
            defer { lastWasSpace = isSpace }
            if isSpace {
                if !lastWasSpace { output.append("-") }
            } else if isHaskellSpace(scalar) {
                output.append("-")
            } else if scalar == "-" || scalar == "_" || isLetter(scalar) || isNumber(scalar) {
                output.append(scalar)
            } else {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: output.append(scalar)
                default: break
                }
            }
        }
        return String(output)
    }

    /// Zola's `slugify` (the `slug` crate): each character transliterated to ASCII, ASCII letters
    /// and digits kept in lower case, each run of anything else one `-`, no `-` at either end.
    /// Nil when a character's transliteration is not known here (scripts other than Latin, Greek
    /// and Cyrillic, symbols and emoji, which the crate spells out in words).
    static func zola(_ text: String) -> String? {
        // Only ASCII letters, digits and `-` are written: the slug is built as bytes.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var lastWasDash = true
        func push(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39:
                output.append(UInt8(scalar.value))
                lastWasDash = false
            case 0x41...0x5A:
                output.append(UInt8(scalar.value | 0x20))
                lastWasDash = false
            default:
                if !lastWasDash {
                    output.append(UInt8(ascii: "-"))
                    lastWasDash = true
                }
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                push(scalar)
                continue
            }
            guard let ascii = GreekCyrillicTransliteration.spelling(of: scalar) ?? latinTransliteration(scalar) else {
                return nil
            }
            for piece in ascii.unicodeScalars { push(piece) }
        }
        if output.last == UInt8(ascii: "-") { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// The ASCII spelling of a Latin letter with accents (its decomposition's base letter), of the
    /// few Latin letters without a decomposition, or of punctuation and spaces (which only ever
    /// separate words); nil for anything else.
    private static func latinTransliteration(_ scalar: Unicode.Scalar) -> String? {
        if let special = latinSpecials[scalar] { return special }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return " "
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return ""
        default:
            break
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = decomposed.first, base.isASCII, base.properties.isAlphabetic,
            decomposed.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark })
        else { return nil }
        return String(base)
    }

    private static let latinSpecials: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
    ]

    /// `---` and `--` (em and en dashes once typeset) and, for Pandoc, `...` (an ellipsis): the
    /// smart punctuation kramdown and Pandoc apply before the text is slugged, where it disappears.
    static func typographic(_ text: String, ellipsis: Bool) -> String {
        guard ByteScanning.contains("--", in: text) || (ellipsis && ByteScanning.contains("...", in: text)) else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "-" {
                var run = 0
                while index + run < scalars.count, scalars[index + run] == "-" { run += 1 }
                if run % 3 == 1 { output.append("-") }
                if run % 3 == 2 || run >= 3 { output.append("\u{2013}") }
                index += run
            } else if ellipsis, scalar == ".", index + 2 < scalars.count, scalars[index + 1] == ".", scalars[index + 2] == "." {
                output.append("\u{2026}")
                index += 3
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// Ruby's `\p{Word}`: alphabetic characters, marks, decimal numbers and connector punctuation.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
            return true
        default:
            return scalar.properties.isAlphabetic
        }
    }

    /// Haskell's `isSpace`: the space separators and the ASCII blanks.
    private static func isHaskellSpace(_ scalar: Unicode.Scalar) -> Bool {
        (0x09...0x0D).contains(scalar.value) || scalar.properties.generalCategory == .spaceSeparator
    }

    /// Go's `unicode.ToLower`: one scalar for one (a full mapping's first scalar, as for `İ`).
    private static func simpleLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping[mapping.startIndex] : (mapping.first ?? scalar)
    }
}

/// Zola's `slugify` for the site model's paths: nil when a character's spelling is not known.
public enum ZolaSlug {
    public static func slugify(_ text: String) -> String? { HeadingSlug.zola(text) }
}
