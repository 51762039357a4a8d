/// ASCII spellings of the Greek and Cyrillic letters, as the `deunicode` crate (and the
/// Text::Unidecode tables it comes from) spells them: Zola's `slugify` (the `slug` crate) writes
/// URLs and heading ids with them (`Αθήνα` → `athena`, `Привет` → `privet`). Letters only: marks,
/// punctuation and the other scripts are not here. CJK is not either: deunicode spells each
/// ideograph as a word of its own table (`北京` → `bei-jing`), which postlint does not carry, so
/// a CJK heading's Zola id and a CJK file name's Zola path are not known.
public enum GreekCyrillicTransliteration {
    /// The spelling of `scalar`, or nil when it is not a Greek or Cyrillic letter listed here.
    public static func spelling(of scalar: Unicode.Scalar) -> String? {
        let value = Int(scalar.value)
        if (greekStart..<greekStart + greek.count).contains(value) { return greek[value - greekStart] }
        if (cyrillicStart..<cyrillicStart + cyrillic.count).contains(value) { return cyrillic[value - cyrillicStart] }
        return nil
    }

    private static let greekStart = 0x386
    /// U+0386 Ά … U+03CE ώ.
    private static let greek: [String?] = [
        "A", nil, "E", "E", "I", nil, "O", nil, "U", "O", "I", "A", "B", "G", "D", "E",
        "Z", "E", "Th", "I", "K", "L", "M", "N", "Ks", "O", "P", "R", nil, "S", "T", "U",
        "Ph", "Kh", "Ps", "O", "I", "U", "a", "e", "e", "i", "u", "a", "b", "g", "d", "e",
        "z", "e", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "u",
        "ph", "kh", "ps", "o", "i", "u", "o", "u", "o",
    ]

    private static let cyrillicStart = 0x400
    /// U+0400 Ѐ … U+045F џ (`ъ` and `ь` are an apostrophe, which a slug turns into a separator).
    private static let cyrillic: [String?] = [
        "Ie", "Io", "Dj", "Gj", "Ie", "Dz", "I", "Yi", "J", "Lj", "Nj", "Tsh", "Kj", "I", "U", "Dzh",
        "A", "B", "V", "G", "D", "E", "Zh", "Z", "I", "I", "K", "L", "M", "N", "O", "P",
        "R", "S", "T", "U", "F", "Kh", "Ts", "Ch", "Sh", "Shch", "'", "Y", "'", "E", "Iu", "Ia",
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "'", "y", "'", "e", "iu", "ia",
        "ie", "io", "dj", "gj", "ie", "dz", "i", "yi", "j", "lj", "nj", "tsh", "kj", "i", "u", "dzh",
    ]
}
