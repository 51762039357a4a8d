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
        ("fi", "äöå"), ("tr", "çğıöşü"), ("az", "çəğıöşü"), ("sq", "çë"), ("de", "äöüß"),
        ("fr", "àâæçéèêëîïôœùûüÿ"), ("es", "áéíñóúü"), ("pt", "áâãàçéêíóôõú"), ("it", "àèéìíîòóùú"),
        ("ca", "àçéèíïòóúü"), ("nl", "éëïöü"), ("sv", "åäö"), ("da", "æøå"), ("nb", "æøå"),
        ("is", "áðéíóúýþæö"), ("mt", "ċġħż"), ("ga", "áéíóú"), ("cy", "âêîôûŵŷ"), ("eo", "ĉĝĥĵŝŭ"),
        ("lb", "äëé"), ("fo", "áðíóúýæø"), ("kk-latn", "äğıñöşüū"), ("tk", "äçňöşüýž"),
        ("uz", "ʻ"), ("vi", "àáâãèéêìíòóôõùúýăđĩũơư"),
    ]

    /// How many of the alphabets above have `scalar` (compared in lower case); 0 for a letter none
    /// of them has. Only asked when readings tie, never per character of a text.
    static func languageCount(_ scalar: Unicode.Scalar) -> Int {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        let lower = mapping.count == 1 ? mapping[mapping.startIndex] : scalar
        return alphabets.reduce(0) { count, alphabet in
            count + (alphabet.letters.unicodeScalars.contains(lower) ? 1 : 0)
        }
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
