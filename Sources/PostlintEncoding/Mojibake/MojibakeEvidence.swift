/// How much a character says about mojibake, from how UTF-8 looks through a code page: a lead byte
/// shows as a letter (often a capital with an accent), the continuation bytes that follow it as
/// symbols, punctuation or C1 controls. Real text rarely puts those directly after a letter.
enum MojibakeEvidence {
    /// Points for the character that stands for the continuation byte of a two-byte sequence.
    @inline(__always)
    static func continuationPoints(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if (0x80...0x9F).contains(value) { return 3 }  // C1 controls never occur in real text
        if (0x2500...0x259F).contains(value) { return 0 }  // box drawing sits next to box drawing
        return isOddAfterLetter(value) ? 2 : 1
    }

    /// Symbols that real text puts after a space or a digit, not straight after a letter.
    @inline(__always)
    static func isOddAfterLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAC, 0xAD, 0xAF, 0xB1, 0xB4, 0xB6, 0xB8,
            0xBC, 0xBD, 0xBE, 0xBF, 0xD7, 0xF7, 0x0192, 0x02C6, 0x02C7, 0x02D8, 0x02D9, 0x02DB, 0x02DC,
            0x02DD, 0x2020, 0x2021, 0x2030, 0x201A, 0x201E, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2310,
            0x221A, 0x2248, 0x2260, 0x2264, 0x2265, 0x221E, 0x2202, 0x2206, 0x220F, 0x2211, 0x222B,
            0x25CA, 0xF8FF, 0x2044, 0x2122:
            return true
        default:
            return false
        }
    }

    /// Lead bytes of the most common mojibake: C2/C3 (Latin-1 symbols and accented letters), C4/C5
    /// (the Latin letters of Central and Eastern Europe and Turkish) and D0/D1 (Cyrillic).
    @inline(__always)
    static func isCommonLead(_ byte: UInt8) -> Bool {
        (0xC2...0xC5).contains(byte) || byte == 0xD0 || byte == 0xD1
    }

    /// Whether a decoded scalar could appear in real text after `previous` (the scalar before it
    /// once repaired). Controls, unassigned and private-use code points, noncharacters and stray
    /// combining marks cannot.
    static func isPlausible(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        let properties = scalar.properties
        if properties.isNoncharacterCodePoint { return false }
        switch properties.generalCategory {
        case .control, .unassigned, .privateUse, .surrogate:
            return false
        case .format:
            switch scalar.value {
            case 0x00AD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xE0001...0xE007F: return true
            default: return false
            }
        case .nonspacingMark, .spacingMark, .enclosingMark:
            if (0x0332...0x036F).contains(scalar.value) { return false }
            guard let previous, previous.value > 0x20 else { return false }
            let category = previous.properties.generalCategory
            switch category {
            case .control, .spaceSeparator, .lineSeparator, .paragraphSeparator: return false
            default: return true
            }
        default:
            return true
        }
    }
}
