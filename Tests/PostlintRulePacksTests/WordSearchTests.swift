import PostlintCore
import PostlintParsing
import PostlintTestSupport
@testable import PostlintRulePacks
import Testing

@Suite struct WordSearchTests {
    @Test func matchesWholeWordsIgnoringCase() {
        var search = WordSearch("The Steam rose; green-tea lovers, TEA time! Café au lait")
        let found = ["tea", "green-tea", "café", "team", "stea"].filter { search.contains($0) }
        #expect(found == ["tea", "green-tea", "café"])
        var steam = WordSearch("steam")
        let inSteam = steam.contains("tea")
        #expect(!inSteam)
        var empty = WordSearch("")
        let inEmpty = empty.contains("tea")
        #expect(!inEmpty)
    }

    /// The lower-casing (eight bytes a step for ASCII, scalar by scalar otherwise) agrees with the
    /// standard library's on every ASCII byte, at every length and alignment, and on text that
    /// turns non-ASCII part way, including scalars whose lowercase is longer or several scalars.
    @Test func lowerCasingAgreesWithTheStandardLibrary() {
        func lowered(_ text: String) -> [UInt8] {
            var search = WordSearch(text)
            return search.lowercasedText()
        }
        for text in SeededASCII.strings(seed: 3, lengths: 0..<80) {
            #expect(lowered(text) == Array(text.lowercased().utf8))
            let mixed = text + "É" + text
            #expect(lowered(mixed) == Array(mixed.lowercased().utf8))
        }
        let everyByte = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(lowered(everyByte) == Array(everyByte.lowercased().utf8))
        let unicode = "ΣΟΦΊΑ ΟΔΌΣ, İstanbul, STRAẞE, ǅ, Ⅻ, 𐐀𐐁, ÅNGSTRÖM K Ω, 😀 DONE"
        #expect(lowered(unicode) == Array(unicode.lowercased().utf8))
    }

    /// ASCII text is lower-cased byte by byte, other text by Unicode's rules: both find the same.
    @Test func asciiAndUnicodeTextAreSearchedAlike() {
        func contains(_ text: String, _ phrase: String) -> Bool {
            var search = WordSearch(text)
            return search.contains(phrase)
        }
        #expect(contains("GREEN TEA, Brewed", "Green tea"))
        #expect(contains("GREEN TEA, Brewed — ÉTÉ", "green tea"))
        #expect(contains("GREEN TEA, Brewed — ÉTÉ", "été"))
        #expect(!contains("GREENTEA", "green"))
        #expect(!contains("GREENTEA — été", "green"))
    }

    /// Seeded texts long enough that the search lowers them in several stretches, searched for
    /// phrases that occur early, late, at the very end, only inside longer words, or not at all:
    /// the lazy search answers as a plain search over the whole lower-cased text does, whichever
    /// phrases came before (they decide how much was lowered already).
    @Test func lazyLoweringAnswersAsASearchOfTheWholeText() {
        let words = [
            "Tea", "steam", "GREEN", "green-tea", "été", "ÉTÉ", "kettle", "pour-over", "a", "Ω", "x2",
            "ΣΟΦΙΑ", "straße", "😀", "tea.", "(tea)", "Mountain", "air", "teatime", "\n",
        ]
        let phrases = [
            "tea", "green tea", "été", "kettle", "pour-over", "mountain air", "σοφια", "x2", "straße",
            "teatime", "missing", "a", "😀", "ω",
        ]
        var state: UInt64 = 37
        for length in [0, 1, 5, 40, 90, 200, 400] {
            for _ in 0..<12 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text += words[Int(state >> 33) % words.count] + (state & 1 == 0 ? " " : ", ")
                }
                var search = WordSearch(text)
                for phrase in phrases {
                    let found = search.contains(phrase)
                    #expect(found == Self.plainContains(text, phrase), "\(phrase) in \(text)")
                }
            }
        }
    }

    /// A phrase or a longer word ending at every offset around the end of the first lowered
    /// stretch: the scalar after a candidate is always lowered before the candidate is judged.
    @Test func candidatesAtTheEndOfALoweredStretch() {
        for padding in 240...270 {
            for (tail, phrase, expected) in [
                ("teatime", "tea", false), ("tea", "tea", true), ("tea.", "tea", true),
                ("étéx", "été", false), ("ÉTÉ é", "été", true), ("tea\u{301}", "tea", false),
            ] {
                let text = String(repeating: ".", count: padding) + tail
                var search = WordSearch(text)
                let found = search.contains(phrase)
                #expect(found == expected, "\(phrase) after \(padding) dots in \(tail)")
            }
        }
    }

    /// A search over pieces finds what a search over the pieces joined by spaces finds, including
    /// phrases that span a join.
    @Test func piecesAreSearchedAsJoinedBySpaces() {
        let text = "Mountain`code`air and Green<!-- x -->tea, then É`y`té and KETTLE"
        let utf8 = Array(text.utf8)
        var state: UInt64 = 41
        for _ in 0..<200 {
            var cuts: [Int] = []
            for _ in 0..<4 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                var cut = Int(state >> 33) % (utf8.count + 1)
                while cut < utf8.count, utf8[cut] & 0xC0 == 0x80 { cut += 1 }
                cuts.append(cut)
            }
            cuts.sort()
            let pieces = [0..<cuts[0], cuts[1]..<cuts[2], cuts[3]..<utf8.count]
            let scope = ScopeText(utf8: utf8, pieces: pieces)
            var overPieces = WordSearch(scope)
            var overJoined = WordSearch(scope.joined)
            for phrase in ["mountain air", "mountain", "air", "green tea", "tea", "été", "kettle", "code"] {
                let inPieces = overPieces.contains(phrase)
                let inJoined = overJoined.contains(phrase)
                #expect(inPieces == inJoined, "\(phrase) in \(pieces)")
            }
            let lowered = overPieces.lowercasedText()
            #expect(lowered == Array(scope.joined.lowercased().utf8))
        }
    }

    /// Code and comments are left out of the body, and the words either side of them are joined
    /// by a space, as before the search read the pieces in place.
    @Test func bodyProseSkipsCodeAndJoinsAroundIt() {
        let text = "---\ntitle: T\n---\nMountain`x`air, kettle `tea` here.\n\n```\nsteam\n```\n"
        let document = DocumentLoader.load(path: "post.md", text: text)
        var search = WordSearch(TextScope.prose(in: document.bodyRange, of: document))
        let found = ["mountain air", "kettle", "tea", "steam"].filter { search.contains($0) }
        #expect(found == ["mountain air", "kettle"])
    }

    /// The phrase, lower-cased, somewhere in the lower-cased text with no letter, digit or mark
    /// on either side: the definition, searched the slow way.
    private static func plainContains(_ text: String, _ phrase: String) -> Bool {
        let haystack = Array(text.lowercased().utf8)
        let needle = Array(phrase.lowercased().utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            let before = String(decoding: haystack[..<start], as: UTF8.self).unicodeScalars.last
            let after = String(decoding: haystack[(start + needle.count)...], as: UTF8.self).unicodeScalars.first
            if !isWord(before), !isWord(after) { return true }
        }
        return false
    }

    private static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}
