/// The letters beyond ASCII in the standard alphabets of the languages written in Latin script
/// across Europe and around it, to tell how widely a letter is used: `š` is written in ten of
/// them, `ť` in two. When readings of mojibake through different code pages are otherwise equally
/// plausible (`ĹĄ`: `š` through ISO-8859-2 or `ť` through Windows-1250), the reading whose rarest
/// letter is far more widely written is the likelier one.
enum LatinAlphabets {
    /// Lower-case letters beyond ASCII of each language's alphabet (letters used only in loanwords
    /// left out).
    static let alphabets: [(language: String, letters: String)] = [
        ("cs", "áčďéěíňóřšťúůýž"), ("sk", "áäčďéíĺľňóôŕšťúýž"), ("pl", "ąćęłńóśźż"),
        ("hu", "áéíóöőúüű"), ("ro", "ăâîșțşţ"), ("hr", "čćđšž"), ("sl", "čšž"), ("bs", "čćđšž"),
        ("sr", "čćđšž"), ("lt", "ąčęėįšųūž"), ("lv", "āčēģīķļņšūž"), ("et", "äõöüšž"),
        ("fi", "äöå"), ("tr", "çğıöşü"), ("az", "çəğıöşü"), ("sq", "çë"), ("de", "äöüßé"),
        ("fr", "àâæçéèêëîïôœùûüÿ"), ("es", "áéíñóúü"), ("pt", "áâãàçéêíóôõú"), ("it", "àèéìíîòóùú"),
        ("ca", "àçéèíïòóúü"), ("nl", "éëïöüèêáó"), ("sv", "åäöé"), ("da", "æøåé"), ("nb", "æøåéèêóòô"),
        ("is", "áðéíóúýþæö"), ("mt", "ċġħż"), ("ga", "áéíóú"), ("cy", "âêîôûŵŷ"), ("eo", "ĉĝĥĵŝŭ"),
        ("lb", "äëé"), ("fo", "áðíóúýæø"), ("kk-latn", "äğıñöşüū"), ("tk", "äçňöşüýž"),
        ("uz", "ʻ"), ("vi", "àáâãèéêìíòóôõùúýăđĩũơư"), ("af", "áäéèêëíîïóôöúûüý"),
    ]

    /// For each letter of the alphabets above, the alphabets that have it (a bit each, by their
    /// order above), built once.
    static let languagesByLetter: [UInt32: UInt64] = {
        var result: [UInt32: UInt64] = [:]
        for (index, alphabet) in alphabets.enumerated() {
            for letter in alphabet.letters.unicodeScalars {
                result[letter.value, default: 0] |= UInt64(1) << UInt64(index)
                // The capital too, so that no look-up needs a case mapping.
                let upper = letter.properties.uppercaseMapping.unicodeScalars
                if upper.count == 1, let capital = upper.first, capital != letter {
                    result[capital.value, default: 0] |= UInt64(1) << UInt64(index)
                }
            }
        }
        return result
    }()

    /// The alphabets (a bit each) that have every non-ASCII letter of `text` that some alphabet
    /// above has, compared in lower case (`µ`, `ª` and letters of other scripts are passed over);
    /// every alphabet when there is none.
    static func languages(holding text: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var result = UInt64.max
        for scalar in text where !scalar.isASCII {
            guard let languages = languagesByLetter[scalar.value] else { continue }
            result &= languages
            if result == 0 { return 0 }
        }
        return result
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping[mapping.startIndex] : scalar
    }

    /// How many of the alphabets above have `scalar` (compared in lower case); 0 for a letter none
    /// of them has. Only asked when readings tie, never per character of a text.
    static func languageCount(_ scalar: Unicode.Scalar) -> Int {
        (languagesByLetter[scalar.value] ?? 0).nonzeroBitCount
    }

    /// The language count of the rarest non-ASCII letter of `text`, or nil when it has none.
    static func rarestLetterCount(_ text: String) -> Int? {
        var rarest: Int?
        for scalar in text.unicodeScalars where !scalar.isASCII && scalar.properties.isAlphabetic {
            let count = languageCount(scalar)
            rarest = min(rarest ?? count, count)
        }
        return rarest
    }
}
