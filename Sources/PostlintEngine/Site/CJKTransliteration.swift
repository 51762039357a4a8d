import Foundation

/// ASCII spellings of Chinese, Japanese and Korean text, as Zola's `slugify` (the `slug` crate,
/// which spells each character through the `deunicode` crate) spells them in paths:
/// - a Hangul syllable is its jamo romanised in turn (`한국어` → `hangugeo`), worked out from
///   the syllable's code point;
/// - a kana is its syllable in Nihon-shiki spelling (`し` → `si`, `ふ` → `hu`), one character at a
///   time (`きゃ` → `kiya`); the long vowel mark `ー` is dropped;
/// - a Han character is its Mandarin reading without tones, as a word of its own (`日本語` →
///   `ri ben yu`), read from the system's Unicode transliteration tables (ICU's Han-Latin). Those
///   read most characters as the crate does, but not all (rare and Japanese-only characters can
///   differ): a route from such a name may be spelled otherwise by Zola.
/// Anything else is left as it is, for the slug functions to judge.
enum CJKTransliteration {
    /// `text` with its CJK characters spelled in ASCII, or nil when it has none.
    static func spelled(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: isCJK) else { return nil }
        var output = ""
        var hanRun = ""
        func flushHan() {
            guard !hanRun.isEmpty else { return }
            // Each character a word: the transliteration keeps the spaces between them.
            output += hanRun.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? hanRun
            hanRun = ""
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                hanRun.unicodeScalars.append(scalar)
                hanRun += " "
                continue
            }
            flushHan()
            if let syllable = hangul(scalar) ?? kana(scalar) {
                output += syllable
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        flushHan()
        return output
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        isHan(scalar) || (0xAC00...0xD7A3).contains(scalar.value) || (0x3041...0x30FF).contains(scalar.value)
    }

    /// CJK Unified Ideographs and extension A.
    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    private static let initials = [
        "g", "gg", "n", "d", "dd", "r", "m", "b", "bb", "s", "ss", "", "j", "jj", "c", "k", "t",
        "p", "h",
    ]
    private static let vowels = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "weo",
        "we", "wi", "yu", "eu", "yi", "i",
    ]
    private static let finals = [
        "", "g", "gg", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls", "lt", "lp", "lh",
        "m", "b", "bs", "s", "ss", "ng", "j", "c", "k", "t", "p", "h",
    ]

    /// A Hangul syllable: initial, vowel and final consonant (the syllable's code point is
    /// 0xAC00 + (initial × 21 + vowel) × 28 + final).
    private static func hangul(_ scalar: Unicode.Scalar) -> String? {
        guard (0xAC00...0xD7A3).contains(scalar.value) else { return nil }
        let index = Int(scalar.value - 0xAC00)
        let (initial, rest) = index.quotientAndRemainder(dividingBy: 21 * 28)
        let (vowel, final) = rest.quotientAndRemainder(dividingBy: 28)
        return initials[initial] + vowels[vowel] + finals[final]
    }

    /// The kana U+3041…U+3096 in code point order (small and full size alike); the katakana
    /// U+30A1…U+30F6 are in the same order.
    private static let kanaSyllables = """
        a a i i u u e e o o ka ga ki gi ku gu ke ge ko go sa za si zi su zu se ze so zo ta da ti di tu tu du te de to \
        do na ni nu ne no ha ba pa hi bi pi hu bu pu he be pe ho bo po ma mi mu me mo ya ya yu yu yo yo ra ri ru re ro \
        wa wa wi we wo n vu ka ke
        """.split(separator: " ").map(String.init)

    private static func kana(_ scalar: Unicode.Scalar) -> String? {
        let value = Int(scalar.value)
        switch value {
        case 0x3041...0x3096: return kanaSyllables[value - 0x3041]
        case 0x30A1...0x30F6: return kanaSyllables[value - 0x30A1]
        case 0x30F7...0x30FA: return ["va", "vi", "ve", "vo"][value - 0x30F7]
        case 0x30FC: return ""
        // Iteration marks and the middle dot only separate words.
        case 0x309D, 0x309E, 0x30FB, 0x30FD, 0x30FE: return " "
        default: return nil
        }
    }
}
