/// What the text rules ask of a character (its lower-case form, whether it is a letter or a number,
/// whether it is white space), answered from a table of ranges for the scalars of the scripts most
/// posts are written in: ASCII (but carriage return), Latin-1 and Latin Extended-A letters,
/// Cyrillic, Vietnamese, CJK ideographs, kana, Hangul syllables, full-width forms, and the common
/// spaces, dashes, quotes and arrows.
///
/// Each scalar in the table is a character of its own next to any other scalar in it (no mark,
/// joiner, Hangul jamo, regional indicator or carriage return), and lower-cases to one scalar that
/// is in the table too. So text made only of such scalars can be read a scalar at a time and give
/// what reading it a `Character` at a time (after `lowercased()`) gives, without grapheme breaking
/// or property look-ups; text with any other scalar is read by characters. A test checks every
/// scalar of the table against the standard library's answers.
public enum ScalarTable {
    /// What a character is, as the text rules tell them apart.
    public enum Kind: UInt8, Sendable {
        /// `Character.isLetter` or `Character.isNumber`.
        case letterOrNumber
        /// `Character.isWhitespace`.
        case whitespace
        /// Anything else: punctuation, symbols, controls.
        case other
    }

    public struct Entry: Sendable, Equatable {
        /// The scalar `lowercased()` makes of it.
        public var lowercase: Unicode.Scalar
        public var kind: Kind
    }

    /// The scalar's entry, or nil when it is not in the table.
    @inline(__always)
    public static func entry(_ scalar: Unicode.Scalar) -> Entry? {
        let value = scalar.value
        if value < 0x80 { return asciiEntry(UInt8(value)) }
        return entry(nonASCII: value)
    }

    private static func asciiEntry(_ byte: UInt8) -> Entry? {
        switch byte {
        case 0x0D: return nil  // A carriage return and a line feed after it are one character.
        case 0x41...0x5A: return Entry(lowercase: Unicode.Scalar(byte | 0x20), kind: .letterOrNumber)
        case 0x61...0x7A, 0x30...0x39: return Entry(lowercase: Unicode.Scalar(byte), kind: .letterOrNumber)
        case 0x09...0x0C, 0x20: return Entry(lowercase: Unicode.Scalar(byte), kind: .whitespace)
        default: return Entry(lowercase: Unicode.Scalar(byte), kind: .other)
        }
    }

    private static func entry(nonASCII value: UInt32) -> Entry? {
        switch value {
        // Latin-1 and Latin Extended-A.
        case 0x00A0: return same(value, .whitespace)
        case 0x00AB, 0x00BB, 0x00D7, 0x00F7: return same(value, .other)
        case 0x00C0...0x00D6, 0x00D8...0x00DE: return letter(value + 0x20)
        case 0x00DF...0x00F6, 0x00F8...0x00FF, 0x0131, 0x0138, 0x017F: return letter(value)
        case 0x0100...0x012F, 0x0132...0x0137, 0x014A...0x0177: return evenUpper(value)
        case 0x0139...0x0148, 0x0179...0x017E: return oddUpper(value)
        // Vietnamese: Ơ ơ, Ư ư and Latin Extended Additional's letters with two accents.
        case 0x01A0...0x01A1, 0x1EA0...0x1EF9: return evenUpper(value)
        case 0x01AF...0x01B0: return oddUpper(value)
        // Romanian: Ș ș Ț ț.
        case 0x0218...0x021B: return evenUpper(value)
        // Cyrillic (not its combining marks, U+0483-U+0489, nor Ӏ, which lower-cases backwards).
        case 0x0400...0x040F: return letter(value + 0x50)
        case 0x0410...0x042F: return letter(value + 0x20)
        case 0x0430...0x045F, 0x04CF: return letter(value)
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x052F: return evenUpper(value)
        case 0x0482: return same(value, .other)
        case 0x04C1...0x04CE: return oddUpper(value)
        // General punctuation (not the zero-width joiners and marks) and arrows.
        case 0x2000...0x200A, 0x2028...0x2029, 0x202F, 0x205F: return same(value, .whitespace)
        case 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF: return same(value, .other)
        // CJK punctuation (not the tone marks, U+302A-U+302F), kana, ideographs, Hangul syllables.
        case 0x3000: return same(value, .whitespace)
        case 0x3001...0x3004, 0x3008...0x3020, 0x309B...0x309C, 0x30A0, 0x30FB: return same(value, .other)
        case 0x3005...0x3007, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF: return letter(value)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return letter(value)
        // Full-width forms and half-width katakana (not the sound marks, U+FF9E-U+FF9F).
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return same(value, .other)
        case 0xFF10...0xFF19, 0xFF41...0xFF5A, 0xFF66...0xFF9D: return letter(value)
        case 0xFF21...0xFF3A: return letter(value + 0x20)
        default: return nil
        }
    }

    @inline(__always)
    private static func same(_ value: UInt32, _ kind: Kind) -> Entry? {
        Unicode.Scalar(value).map { Entry(lowercase: $0, kind: kind) }
    }

    @inline(__always)
    private static func letter(_ lowercase: UInt32) -> Entry? {
        same(lowercase, .letterOrNumber)
    }

    /// A range of case pairs with the capital at each even value.
    @inline(__always)
    private static func evenUpper(_ value: UInt32) -> Entry? {
        letter(value | 1)
    }

    /// A range of case pairs with the capital at each odd value.
    @inline(__always)
    private static func oddUpper(_ value: UInt32) -> Entry? {
        letter(value & 1 == 1 ? value + 1 : value)
    }
}
