/// A coarse writing-system class of a scalar, enough to tell whether a character fits among its
/// neighbours (a lone Arabic letter inside Latin text does not; a Cyrillic one among Cyrillic does).
public enum ScriptClass: Sendable, Hashable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, syriac, thaana, nko, indic, thai, lao, tibetan
    case myanmar, georgian, hangul, ethiopic, cherokee, khmer, mongolian, han, kana, other
    /// Not a letter: digits, punctuation, symbols, spaces, marks.
    case none

    /// The class of `scalar`, from its block; non-letters are `.none`.
    public init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            let isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            self = isLetter ? .latin : .none
            return
        }
        guard scalar.properties.isAlphabetic, !Self.isMark(scalar) else {
            self = .none
            return
        }
        switch value {
        case 0x00C0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F,
            0x0250...0x02AF, 0x1D00...0x1DBF, 0xFB00...0xFB06, 0xFF21...0xFF5A:
            self = .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
        case 0x0530...0x058F, 0xFB13...0xFB17: self = .armenian
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: self = .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
        case 0x0700...0x074F, 0x0860...0x086F: self = .syriac
        case 0x0780...0x07BF: self = .thaana
        case 0x07C0...0x07FF: self = .nko
        case 0x0900...0x0DFF, 0xA8E0...0xA8FF: self = .indic
        case 0x0E00...0x0E7F: self = .thai
        case 0x0E80...0x0EFF: self = .lao
        case 0x0F00...0x0FFF: self = .tibetan
        case 0x1000...0x109F, 0xA9E0...0xA9FF, 0xAA60...0xAA7F: self = .myanmar
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: self = .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xFFA0...0xFFDC: self = .hangul
        case 0x1200...0x139F, 0x2D80...0x2DDF, 0xAB00...0xAB2F: self = .ethiopic
        case 0x13A0...0x13FF, 0xAB70...0xABBF: self = .cherokee
        case 0x1780...0x17FF, 0x19E0...0x19FF: self = .khmer
        case 0x1800...0x18AF: self = .mongolian
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            self = .han
        default: self = .other
        }
    }

    /// Whether the class is a letter class at all.
    public var isLetter: Bool { self != .none }

    /// Whether two classes are written together in one language: Japanese mixes kana and han.
    public func isCompatible(with other: ScriptClass) -> Bool {
        if self == other { return true }
        let eastAsian: Set<ScriptClass> = [.han, .kana, .hangul]
        return eastAsian.contains(self) && eastAsian.contains(other)
    }

    /// Scripts whose letters join or form conjuncts, where zero-width joiners and non-joiners are
    /// part of correct spelling.
    public var usesJoiners: Bool {
        switch self {
        case .arabic, .syriac, .nko, .indic, .mongolian, .myanmar, .khmer, .tibetan, .thaana: return true
        default: return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
