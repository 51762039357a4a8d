/// How often each letter of the Cyrillic alphabets of Russian, Ukrainian and Bulgarian occurs in
/// running text (per ten thousand letters; the published Russian figures, with the Ukrainian
/// letters at their Ukrainian rates), to tell real words from the same bytes read through the
/// wrong Cyrillic code page: KOI8 shown as Windows-1251 turns `о`, the commonest letter, into `П`,
/// and `и` into `Й`, one of the rarest.
enum CyrillicLetterFrequency {
    /// The natural log of each letter's share of running text, from these counts per ten thousand
    /// letters: о 1097, е 845, а 801, и 735, н 670, т 626, с 547, р 473, в 454, л 440, к 349, м 321,
    /// д 298, п 281, у 262, я 201, ы 190, ь 174, г 170, з 165, б 159, ч 144, й 121, х 97, ж 94, ш 73,
    /// ю 64, ц 48, щ 36, э 32, ф 26, ъ 20, ё 4, і 150, ї 30, є 30, ґ 5.
    static let logShareByLetter: [(Character, Double)] = [
        ("о", -2.233), ("е", -2.494), ("а", -2.547), ("и", -2.633), ("н", -2.726), ("т", -2.794),
        ("с", -2.929), ("р", -3.074), ("в", -3.115), ("л", -3.147), ("к", -3.378), ("м", -3.462),
        ("д", -3.536), ("п", -3.595), ("у", -3.665), ("я", -3.930), ("ы", -3.986), ("ь", -4.074),
        ("г", -4.097), ("з", -4.127), ("б", -4.164), ("ч", -4.263), ("й", -4.437), ("х", -4.659),
        ("ж", -4.690), ("ш", -4.943), ("ю", -5.074), ("ц", -5.362), ("щ", -5.650), ("э", -5.768),
        ("ф", -5.975), ("ъ", -6.238), ("ё", -7.847), ("і", -4.223), ("ї", -5.832), ("є", -5.832),
        ("ґ", -7.624),
    ]

    /// The log share of any other character: rarer than the rarest letter above (0.0001).
    static let unknownLogShare = -9.210

    /// The log shares by lower-case scalar value, from U+0400 to U+049F.
    static let logShares: [Double] = {
        var table = [Double](repeating: unknownLogShare, count: 0xA0)
        for (letter, share) in logShareByLetter {
            guard let scalar = letter.unicodeScalars.first, (0x400..<0x4A0).contains(scalar.value) else { continue }
            table[Int(scalar.value) - 0x400] = share
        }
        return table
    }()

    /// The sum of the log shares of the letters of `text` (its likelihood as running text).
    static func logLikelihood(_ text: ArraySlice<Unicode.Scalar>) -> Double {
        var sum = 0.0
        for scalar in text {
            var value = scalar.value
            // Upper case: Ѐ-Џ are ѐ-џ less 0x50, А-Я are а-я less 0x20.
            if (0x400...0x40F).contains(value) { value += 0x50 } else if (0x410...0x42F).contains(value) { value += 0x20 }
            if value == 0x490 { value = 0x491 }
            if (0x400..<0x4A0).contains(value) {
                sum += logShares[Int(value) - 0x400]
            } else {
                sum += unknownLogShare
            }
        }
        return sum
    }
}
