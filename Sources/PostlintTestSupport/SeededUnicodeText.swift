/// Seeded texts for tests that compare a scalar-at-a-time path with a character-at-a-time one:
/// pieces of many scripts in both letter cases, white space, punctuation that is trimmed or kept,
/// and scalars that join the character before them or lower-case to two (which the fast paths
/// leave to the slow ones).
public enum SeededUnicodeText {
    public static let pieces: [String] = [
        "A", "z", "7", " ", "  ", "\t", "\n", "\r\n", ".", ",", "!", "(", ")", "\"", "'", "-", "_", "*", "#",
        "é", "É", "ß", "Ø", "×", "Ł", "ł", "Ą", "ı", "Œ", "ſ", "Ș", "ț", "Ơ", "ư", "Ệ", "ự", "Ё", "ё", "Ж", "ж", "Ѣ",
        "Ҕ", "Ӂ", "Ӑ", "ӏ", "漢", "字", "ひ", "カ", "ー", "々", "한", "Ａ", "ｚ", "１", "！", "ｶ",
        "\u{A0}", "\u{3000}", "\u{2003}", "\u{202F}", "…", "→", "»", "«", "‹", "›", "–", "—", "“", "”", "、", "。", "「",
        "\u{301}", "\u{200D}", "\u{483}", "İ", "Σ", "ς", "Ӏ", "\u{3099}", "\u{1100}", "\u{1F1EB}", "e\u{301}",
    ]

    /// `count` texts of up to `mostPieces` pieces each.
    public static func strings(seed: UInt64, count: Int, mostPieces: Int = 8) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % UInt64(mostPieces + 1))).map { _ in
                pieces[Int(random.next() % UInt64(pieces.count))]
            }.joined()
        }
    }

    /// The seeded texts a fast path answers (`fast` is nil for the others), each with the fast
    /// path's answer and the slow path's.
    public static func answers(
        seed: UInt64, count: Int, fast: (String) -> String?, slow: (String) -> String
    ) -> [(text: String, fast: String, slow: String)] {
        strings(seed: seed, count: count).compactMap { text in fast(text).map { (text, $0, slow(text)) } }
    }
}
