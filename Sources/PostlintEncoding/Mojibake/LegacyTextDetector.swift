/// Text saved in one single-byte code page and shown through another, with no UTF-8 on the way:
/// - Central European text saved as ISO-8859-2 or Windows-1250 and shown as Windows-1252
///   (`Za¿ó³æ` for `Zażółć`). A word is decided when its reading is letters of one language's
///   alphabet and the word as it stands is not: a symbol between letters that the reading makes a
///   letter (`¿`, `³`, `¹`), or letters no one alphabet has together (`šè`). Other words within
///   30 characters on the line that read as letters of the same languages are repaired with it.
/// - Cyrillic text saved as KOI8-R or KOI8-U and shown as Windows-1251 (`рТЙЧЕФ` for `Привет`):
///   KOI8 orders the alphabet otherwise and swaps the cases, so the words read back through KOI8
///   are far likelier Cyrillic than the words as they stand. A stretch of Cyrillic words is
///   decided when its reading is likelier by the pairs of letters it is made of by a margin (and
///   its letters' cases make words: all lower, all upper or a capital first); the Cyrillic part of
///   a word that also holds ASCII letters (`фПНБfort`) counts as a word.
/// Words whose characters either page cannot hold, and readings that are not letters, are left
/// alone. Time is linear in the text.
struct LegacyTextDetector {
    /// How far apart, in scalars, words on one line may be and still be repaired together.
    static let reach = 30

    /// The pages Central European text is saved in before it is shown as Windows-1252.
    static let centralPages: [CodePage] = [.iso8859_2, .windows1250]

    /// The findings in `scalars` outside the ranges of `found` (sorted by start).
    func candidates(_ scalars: [Unicode.Scalar], excluding found: [MojibakeDetector.Candidate]) -> [MojibakeDetector.Candidate] {
        let index = CodePageIndex.shared
        var centralWords: [Range<Int>] = []
        var cyrillicWords: [Range<Int>] = []
        var position = 0
        var next = 0
        let count = scalars.count
        while position < count {
            while next < found.count, found[next].end <= position { next += 1 }
            if next < found.count, found[next].start <= position {
                position = found[next].end
                continue
            }
            let limit = next < found.count ? found[next].start : count
            // A word: a run of characters each page can show; only runs with non-ASCII count.
            var end = position
            var hasNonASCII = false
            var isCentral = true
            var centralMayChange = false
            var isCyrillic = true
            // The Cyrillic parts of a word that also holds ASCII letters (`фПНБfort`).
            var cyrillicStart = -1
            // Only a word with one such part counts: its first part and how many there are.
            var firstCyrillicPart = 0..<0
            var cyrillicPartCount = 0
            func endCyrillicPart(at end: Int) {
                if cyrillicPartCount == 0 { firstCyrillicPart = cyrillicStart..<end }
                cyrillicPartCount += 1
                cyrillicStart = -1
            }
            while end < limit {
                let value = scalars[end].value
                if value < 0x80 {
                    guard Self.isASCIILetter(value) else { break }
                    isCyrillic = false
                    if cyrillicStart >= 0 { endCyrillicPart(at: end) }
                } else {
                    let packed = index.packedBytes(of: value)
                    let western = CodePageIndex.byte(packed, .windows1252)
                    let cyrillic = CodePageIndex.byte(packed, .windows1251)
                    let inWestern = Self.isWesternWordByte(western)
                    let inCyrillic = Self.isCyrillicWordByte(cyrillic)
                    guard inWestern || inCyrillic else { break }
                    isCentral = isCentral && inWestern
                    if inWestern, Self.centralDiffers[Int(western) - 0x80] { centralMayChange = true }
                    isCyrillic = isCyrillic && inCyrillic
                    if inCyrillic, cyrillicStart < 0 { cyrillicStart = end }
                    if !inCyrillic, cyrillicStart >= 0 { endCyrillicPart(at: end) }
                    hasNonASCII = true
                }
                end += 1
            }
            if cyrillicStart >= 0 { endCyrillicPart(at: end) }
            if end == position {
                position += 1
                continue
            }
            // A word longer than `reach` is no word of running text, and the detector's windows
            // (40 ASCII bytes of context) could cut it: it is not weighed.
            if hasNonASCII, end - position <= Self.reach {
                if isCentral, centralMayChange { centralWords.append(position..<end) }
                if isCyrillic {
                    cyrillicWords.append(position..<end)
                } else if cyrillicPartCount == 1, Self.hasASCIILetters(scalars[position..<end]) {
                    cyrillicWords.append(firstCyrillicPart)
                }
            }
            position = end
        }
        var result = centralCandidates(scalars, words: centralWords)
        result += cyrillicCandidates(scalars, words: cyrillicWords)
        return result.sorted { $0.start < $1.start }
    }

    /// An ASCII letter or a letter of one of the alphabets `LatinAlphabets` knows (not `ˇ`, `µ`).
    static func isAlphabetLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? isASCIILetter(scalar.value)
            : LatinAlphabets.languagesByLetter[scalar.value] != nil
    }

    /// For each Windows-1252 byte 0x80-0xFF, whether ISO-8859-2 or Windows-1250 reads it as
    /// another character (a word without such a byte reads the same: no reading to weigh).
    static let centralDiffers: [Bool] = (0x80...0xFF).map { byte in
        let shown = CodePage.windows1252.decode(UInt8(byte))
        return centralPages.contains { $0.decode(UInt8(byte)) != shown }
    }

    static func hasASCIILetters(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        word.contains { isASCIILetter($0.value) }
    }

    @inline(__always)
    static func isASCIILetter(_ value: UInt32) -> Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    /// Windows-1252 bytes a Central European word shows as: the letters and the symbols that stand
    /// for ISO-8859-2's or Windows-1250's letters; not spaces, quotes, dashes or `×` `÷`.
    @inline(__always)
    static func isWesternWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x8A, 0x8C, 0x8E, 0x8F, 0x9A, 0x9C, 0x9E, 0x9F, 0xA1...0xAC, 0xAE...0xBF, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF:
            return true
        default:
            return false
        }
    }

    /// Windows-1251 bytes a KOI8 word shows as: the letters, and the symbols KOI8-U letters show as.
    @inline(__always)
    static func isCyrillicWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xC0...0xFF, 0xA3, 0xA4, 0xA6, 0xA7, 0xA8, 0xB3, 0xB4, 0xB6, 0xB7, 0xB8, 0xBD: return true
        default: return false
        }
    }

    /// The word's characters through `read` turned back into bytes and read through `saved`
    /// (`saved == nil`: KOI8-U), or nil when a byte has no character there.
    static func reading(_ word: ArraySlice<Unicode.Scalar>, shownAs read: CodePage, savedAs saved: CodePage?) -> [Unicode.Scalar]?
    {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(word.count)
        for scalar in word {
            guard scalar.value >= 0x80 else {
                result.append(scalar)
                continue
            }
            guard let byte = read.encode(scalar.value) else { return nil }
            let value: UInt32?
            if let saved {
                value = saved.decode(byte)
            } else {
                value = byte < 0x80 ? UInt32(byte) : CodePageTables.koi8u[Int(byte) - 0x80]
            }
            guard let value, let decoded = Unicode.Scalar(value) else { return nil }
            result.append(decoded)
        }
        return result
    }

    // MARK: - Central European text shown as Windows-1252

    private func centralCandidates(_ scalars: [Unicode.Scalar], words: [Range<Int>]) -> [MojibakeDetector.Candidate] {
        // A word decides only when it is no word of one alphabet as it stands, or holds a
        // symbol between letters; without one, nothing is weighed (the usual case of correct text).
        guard
            words.contains(where: { word in
                let original = scalars[word]
                return LatinAlphabets.languages(holding: original) == 0
                    || original.indices.dropFirst().dropLast().contains { !Self.isAlphabetLetter(original[$0]) }
                    || Self.holdsLettersNoAlphabetJoins(original) || Self.startsWithSymbolForALetter(original)
            })
        else { return [] }
        struct Reading {
            var word: Range<Int>
            var texts: [[Unicode.Scalar]?]  // per page of `centralPages`
            var languages: [UInt64]  // per page: the alphabets that hold the reading
            var decided: [Bool]  // per page: decided on its own
            var ownLanguages: UInt64  // the alphabets that hold the word as it stands
        }
        var readings: [Reading] = []
        for word in words {
            let original = scalars[word]
            let own = LatinAlphabets.languages(holding: original)
            var reading = Reading(word: word, texts: [], languages: [], decided: [], ownLanguages: own)
            // Bytes that are UTF-8 reading well (`Ê¼`: `ʼ`) are no single-byte text: the UTF-8
            // detector has reported them, or found them plausible as they stand.
            let isUTF8 = Self.holdsUTF8ReadingWell(original)
            for page in Self.centralPages {
                guard !isUTF8, let text = Self.reading(original, shownAs: .windows1252, savedAs: page), text != Array(original),
                    text.allSatisfy({ Self.isAlphabetLetter($0) }), Self.makesAWord(text[...])
                else {
                    reading.texts.append(nil)
                    reading.languages.append(0)
                    reading.decided.append(false)
                    continue
                }
                let languages = LatinAlphabets.languages(holding: text[...])
                var symbolBetweenLetters = false
                for offset in original.indices.dropFirst().dropLast() where !Self.isAlphabetLetter(original[offset]) {
                    symbolBetweenLetters = true
                    break
                }
                let decided =
                    languages != 0
                    && (symbolBetweenLetters || own == 0
                        || Self.holdsLettersNoAlphabetJoins(original) || Self.startsWithSymbolForALetter(original))
                reading.texts.append(text)
                reading.languages.append(languages)
                reading.decided.append(decided)
            }
            readings.append(reading)
        }
        var result: [MojibakeDetector.Candidate] = []
        let wordRanges = readings.map(\.word)
        for (offset, reading) in readings.enumerated() where reading.texts.contains(where: { $0 != nil }) {
            // The page: decided by this word, or by a word within reach on the line.
            var chosen: [Int] = []
            for page in Self.centralPages.indices where reading.texts[page] != nil {
                var supported = reading.decided[page]
                var confirming: UInt64 = reading.decided[page] ? reading.languages[page] : 0
                for other in Self.neighbours(of: offset, in: wordRanges, scalars: scalars)
                where readings[other].decided[page] {
                    confirming |= readings[other].languages[page]
                    supported = true
                }
                guard supported, reading.languages[page] & confirming != 0,
                    reading.ownLanguages & confirming == 0 || reading.decided[page]
                else { continue }
                chosen.append(page)
            }
            guard !chosen.isEmpty else { continue }
            var texts: [String] = []
            var pages: [CodePage] = []
            for page in chosen {
                guard let text = reading.texts[page] else { continue }
                let string = MojibakeDetector.string(text[...])
                if !texts.contains(string) {
                    texts.append(string)
                    pages.append(Self.centralPages[page])
                }
            }
            var repairs = zip(texts, pages).map { text, page in
                MojibakeRepair(text: text, chain: [], note: "\(page.displayName) text shown as Windows-1252")
            }
            if repairs.count > 1 { repairs = MojibakeDetector.widelyWritten(repairs) ?? repairs }
            result.append(
                MojibakeDetector.Candidate(
                    start: reading.word.lowerBound, end: reading.word.upperBound,
                    repairs: repairs))
        }
        return result
    }

    /// Whether the word's Windows-1252 bytes hold a well-formed UTF-8 sequence of two or more bytes
    /// that reads as text would: a Latin letter, a modifier letter, punctuation or a symbol (not a
    /// letter of another script, a stray mark or a control). Central European text saved as
    /// ISO-8859-2 or Windows-1250 puts such bytes together only in words of capitals followed by
    /// lower-case letters of another script (`ÓŁ` would read as Cyrillic `ӣ`).
    static func holdsUTF8ReadingWell(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.count)
        for scalar in word {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = CodePage.windows1252.encode(scalar.value) {
                bytes.append(byte)
            } else {
                return false
            }
        }
        var offset = 0
        var previous: Unicode.Scalar? = nil
        while offset < bytes.count {
            let length = MojibakeDetector.sequenceLength(bytes[offset])
            guard length > 1, offset + length <= bytes.count,
                let decoded = MojibakeDetector.decode(length, at: offset, { bytes[$0] })
            else {
                previous = Unicode.Scalar(bytes[offset])
                offset += 1
                continue
            }
            if MojibakeEvidence.isPlausible(decoded, after: previous), readsAsLatinText(decoded) { return true }
            previous = decoded
            offset += length
        }
        return false
    }

    private static func readsAsLatinText(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .modifierLetter, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol:
            return true
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter:
            return ScriptClass(scalar) == .latin
        default:
            return false
        }
    }

    /// Whether the word puts letters together as none of the languages whose alphabets have them
    /// does, the way ISO-8859-2 and Windows-1250 letters look through Windows-1252:
    /// - `è`, `ì`, `ò` or `ù` before a vowel in a word of six letters or more, or of five before
    ///   a vowel but `o` (`oromèina` for `oromčina`; French, Italian and Catalan put a consonant
    ///   after them, or end the word; Vietnamese puts `o` after `è`: `nghèo`);
    /// - in a word of any length, `è` before a vowel but `o` (`èina` for `čina`), `ò` before `o`,
    ///   `u` or a long vowel (`DAÒO` for `DAŇO`), `ø` before a vowel `ř` comes before in Czech
    ///   (`Nýøany` for `Nýřany`);
    /// - `è` before `j`, `ki`, `ka`, `tin` or last after `i` (`obmoèje`, `njemaèki`, `Filipiè`);
    ///   `õ` in a word with Hungarian marks (`Ernõné`); `ê` before a
    ///   consonant Polish puts after `ę` (`jêzyk`); `ù` or `ì` before a consonant Czech puts after
    ///   `ů` or `ě` (`Králùv`); `ã` last after a vowel and a consonant Portuguese does not end
    ///   words with (`tuvanã` for the Romanian `tuvană`);
    /// - `ñ` before anything but a vowel, or last (`Toruñ`, `cajuñski` for `Toruń`, `cajuński`);
    /// - `æ` after a vowel (`Kokanoviæ` for `Kokanović`);
    /// - `œ` before a letter French does not put after it (`œredniofrancuski` for
    ///   `średniofrancuski`).
    static func holdsLettersNoAlphabetJoins(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var beforePrevious: UInt32 = 0
        var previous: UInt32 = 0
        var index = word.startIndex
        while index < word.endIndex {
            let current = lowercasedLatin1(word[index].value)
            let next: UInt32 = index + 1 < word.endIndex ? lowercasedLatin1(word[index + 1].value) : 0
            switch current {
            case 0xE8, 0xEC, 0xF2, 0xF9:
                if isVowel(next), word.count >= 6 || (word.count == 5 && next != 0x6F) { return true }
                if current == 0xE8 {
                    if isVowelButO(next) || next == 0x6A { return true }  // `èa`, `èj`
                    // `-čki`, `-čka` (`njemaèki`, `Grèka`); `-čtin-` (`angliètina`); `-ič` last (`Filipiè`).
                    let afterNext = index + 2 < word.endIndex ? lowercasedLatin1(word[index + 2].value) : 0
                    if next == 0x6B, afterNext == 0x69 || afterNext == 0x61 { return true }
                    if next == 0x74, afterNext == 0x69, index + 3 < word.endIndex,
                        lowercasedLatin1(word[index + 3].value) == 0x6E
                    {
                        return true
                    }
                    if next == 0, previous == 0x69, word.count >= 4 { return true }
                }
                if current == 0xF2, isOUOrLongVowel(next) { return true }
                if current == 0xEC || current == 0xF9, isCzechConsonantAfterLongU(next) { return true }
            case 0xE3:
                // Romanian `ă` last after a vowel and a consonant (`tuvanã`, `FRANCEZÃ`); Portuguese
                // ends words so in `-mã`, `-tã`, `-rã`, `-gã`, `-çã` and `-inã` (`irmã`, `pangasinã`).
                if next == 0, word.count >= 4, isVowel(beforePrevious) {
                    switch previous {
                    case 0x63, 0x7A, 0x6C, 0x62, 0x64, 0x68: return true  // c z l b d h
                    case 0x6E: if beforePrevious != 0x69 { return true }  // n, not after i
                    default: break
                    }
                }
            case 0xF5:
                // Hungarian `ő` (`Ernõné`, `Mindszentkõrös`): `õ` before neither `e` nor `s`
                // (Portuguese `-ões`, `põe`), in a word with an acute vowel or a Hungarian digraph,
                // which Estonian and Vietnamese words with `õ` do not hold.
                if next != 0x65, next != 0x73, holdsHungarianMarks(word) { return true }
            case 0xEA:
                // Polish `ę` before z, g, d, b, k, w, j (`jêzyk`); French, Portuguese and
                // Vietnamese put none of them after `ê`.
                switch next {
                case 0x7A, 0x67, 0x64, 0x62, 0x6B, 0x77, 0x6A: return true
                default: break
                }
            case 0xF8:
                // Not `øi` first in a word: Norwegian names (`Øivind`).
                if isVowelAfterCzechR(next), next != 0x69 || index > word.startIndex { return true }
            case 0xF1:
                if !isVowel(next) { return true }
            case 0xE6:
                if isVowel(previous) { return true }
            case 0x153:
                switch next {
                case 0x75, 0x69, 0x63, 0x74, 0x73, 0x64, 0x6E, 0x6C: break  // u i c t s d n l
                default: return true
                }
            default:
                break
            }
            beforePrevious = previous
            previous = current
            index += 1
        }
        return false
    }

    /// Whether the word holds an acute vowel (`á`, `é`, `í`, `ó`, `ú`) or one of the digraphs `sz`,
    /// `zs`, `cs`, `gy`, `ny`, `ty` of Hungarian.
    static func holdsHungarianMarks(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var previous: UInt32 = 0
        for scalar in word {
            let current = lowercasedLatin1(scalar.value)
            switch (previous, current) {
            case (_, 0xE1), (_, 0xE9), (_, 0xED), (_, 0xF3), (_, 0xFA),
                (0x73, 0x7A), (0x7A, 0x73), (0x63, 0x73), (0x67, 0x79), (0x6E, 0x79), (0x74, 0x79):
                return true
            default:
                previous = current
            }
        }
        return false
    }

    /// `v`, `z`, `š`, `ž`, `ø` (`ř`), `è` (`č`): letters Czech puts after `ů` and `ě` (shown as `ù`,
    /// `ì`: `Králùv`, `Jaromìøice`), which Italian ends words with, and Vietnamese and Yoruba put
    /// none of these after.
    @inline(__always)
    static func isCzechConsonantAfterLongU(_ value: UInt32) -> Bool {
        switch value {
        case 0x76, 0x7A, 0x160, 0x161, 0x17D, 0x17E, 0xF8, 0xE8: return true
        default: return false
        }
    }

    /// `a`, `e`, `i`, `u`, `á`, `é`, `í`, `ó`, `ô`, `ú`, `ý`: the vowels `č` (shown as `è`) comes
    /// before in Czech and Slovak, and `è` never does in French, Italian or Catalan words (Vietnamese
    /// puts only `o` after it: `mèo`, `nghèo`).
    @inline(__always)
    static func isVowelButO(_ value: UInt32) -> Bool {
        switch value {
        case 0x61, 0x65, 0x69, 0x75, 0xE1, 0xE9, 0xED, 0xF3, 0xF4, 0xFA, 0xFD: return true
        default: return false
        }
    }

    /// `o`, `u`, `á`, `é`, `í`, `ó`, `ú`, `ý`: vowels `ň` (shown as `ò`) comes before (`Daňo`,
    /// `Turňou`) and `ò` does not in Catalan, Italian or Vietnamese (`hòa`, `còi`, `xòe`).
    @inline(__always)
    static func isOUOrLongVowel(_ value: UInt32) -> Bool {
        switch value {
        case 0x6F, 0x75, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD: return true
        default: return false
        }
    }

    /// `a`, `i`, `u`, `á`, `é`, `í`, `ó`, `ú`, `ý`: vowels `ř` (shown as `ø`) comes before
    /// (`Nýřany`, `Bedřich`), and `ø` does not in Danish, Norwegian or Faroese (`øy`, `øe`, `øj`;
    /// `øi` only first, in names such as `Øivind`).
    @inline(__always)
    static func isVowelAfterCzechR(_ value: UInt32) -> Bool {
        switch value {
        case 0x61, 0x69, 0x75, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD: return true
        default: return false
        }
    }

    /// Whether the word starts with a symbol straight before a letter (`©panielsko`, `£aziska`,
    /// `®ák` for `Španielsko`, `Łaziska`, `Žák`), not one that real text puts before words (`¿`,
    /// `¡`, `«`, `»`, `·`) or one that stands for a letter or unit itself (`º`, `ª`, `µ`, `°`).
    static func startsWithSymbolForALetter(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count >= 2, let first = word.first, !isAlphabetLetter(first),
            isAlphabetLetter(word[word.startIndex + 1])
        else { return false }
        switch first.value {
        case 0xBF, 0xA1, 0xAB, 0xBB, 0xB7, 0xBA, 0xAA, 0xB5, 0xB0: return false
        default: return true
        }
    }

    /// The lower case of an ASCII or Latin-1 capital, or of `Œ`; any other value as it is.
    @inline(__always)
    static func lowercasedLatin1(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return value + 0x20
        case 0x152: return 0x153
        default: return value
        }
    }

    /// A lower-case vowel of ASCII or Latin-1 (`y` included), or `œ`.
    @inline(__always)
    static func isVowel(_ value: UInt32) -> Bool {
        switch value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE0...0xE6, 0xE8...0xEF, 0xF2...0xF6, 0xF8...0xFD, 0xFF, 0x153:
            return true
        default:
            return false
        }
    }

    /// The indices of the words within `reach` of word `index` on its line.
    static func neighbours(of index: Int, in words: [Range<Int>], scalars: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        var back = index - 1
        while back >= 0, words[index].lowerBound - words[back].upperBound <= reach,
            !scalars[words[back].upperBound..<words[index].lowerBound].contains("\n")
        {
            result.append(back)
            back -= 1
        }
        var ahead = index + 1
        while ahead < words.count, words[ahead].lowerBound - words[index].upperBound <= reach,
            !scalars[words[index].upperBound..<words[ahead].lowerBound].contains("\n")
        {
            result.append(ahead)
            ahead += 1
        }
        return result
    }

    // MARK: - KOI8 text shown as Windows-1251

    /// The gain, in natural log of the likelihood by letter pairs, a word whose cases make no word
    /// adds.
    static let cyrillicMargin = 8.0
    /// The least a stretch's reading must gain by letter pairs (correct Cyrillic of the tuning
    /// split gains under 7 when read so, as `ООО` does; of the Russian, Bulgarian and Ukrainian
    /// pages of a real site, under 8, as `йен` does).
    static let cyrillicThreshold = 9.0

    private func cyrillicCandidates(_ scalars: [Unicode.Scalar], words: [Range<Int>]) -> [MojibakeDetector.Candidate] {
        guard !words.isEmpty else { return [] }
        var result: [MojibakeDetector.Candidate] = []
        var start = 0
        while start < words.count {
            // A stretch: words within reach of each other on one line.
            var end = start + 1
            while end < words.count, words[end].lowerBound - words[end - 1].upperBound <= Self.reach,
                !scalars[words[end - 1].upperBound..<words[end].lowerBound].contains("\n")
            {
                end += 1
            }
            // First the gain alone, from the tables: correct Cyrillic loses when read so, and
            // is passed over without asking for any character's properties.
            var cheapGain = 0.0
            for word in words[start..<end] {
                cheapGain += Self.koi8Gain(scalars[word]) ?? 0
            }
            if cheapGain + Self.cyrillicMargin < Self.cyrillicThreshold {
                start = end
                continue
            }
            var gain = 0.0
            var readings: [(Range<Int>, [Unicode.Scalar])] = []
            var shapeBroken = false
            var letterCount = 0
            for word in words[start..<end] {
                let original = scalars[word]
                // A Cyrillic letter at least, so a lone `·` or `§` between words is no word.
                let letters = original.lazy.filter({ (0x400...0x4FF).contains($0.value) }).count
                guard letters > 0, let text = Self.reading(original, shownAs: .windows1251, savedAs: nil),
                    text.allSatisfy({ $0.properties.isAlphabetic }), Self.makesAWord(text[...])
                else { continue }
                gain += CyrillicLetterPairs.logLikelihood(text[...]) - CyrillicLetterPairs.logLikelihood(original)
                if !Self.makesAWord(original) { shapeBroken = true }
                readings.append((word, text))
                letterCount += letters
            }
            if shapeBroken { gain += Self.cyrillicMargin }
            if letterCount >= 2, gain >= Self.cyrillicThreshold {
                for (word, text) in readings {
                    result.append(
                        MojibakeDetector.Candidate(
                            start: word.lowerBound, end: word.upperBound,
                            repairs: [
                                MojibakeRepair(
                                    text: MojibakeDetector.string(text[...]), chain: [],
                                    note: "KOI8 text shown as Windows-1251")
                            ]))
                }
            }
            start = end
        }
        return result
    }

    /// How much likelier `word` is read back through KOI8 (`reading(word, shownAs: .windows1251,
    /// savedAs: nil)`) than as it stands, by its letter pairs; nil where it has no such reading.
    /// Both are scored in one pass, without making the reading: most Cyrillic text is correct, and
    /// this is all that is asked of its words.
    static func koi8Gain(_ word: ArraySlice<Unicode.Scalar>) -> Double? {
        let index = CodePageIndex.shared
        var original = CyrillicLetterPairs.PairCost()
        var reading = CyrillicLetterPairs.PairCost()
        for scalar in word {
            original.add(scalar)
            guard scalar.value >= 0x80 else {
                reading.add(scalar)
                continue
            }
            // The index holds each page's bytes 0x80-0xFF, 0 where the page has no such character.
            let byte = CodePageIndex.byte(index.packedBytes(of: scalar.value), .windows1251)
            guard byte >= 0x80, let read = Unicode.Scalar(CodePageTables.koi8u[Int(byte) - 0x80]) else { return nil }
            reading.add(read)
        }
        return reading.logLikelihood - original.logLikelihood
    }

    /// Whether the letters' cases make a word: all lower case, all upper case, or a capital first.
    static func makesAWord(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        var upper = 0
        var lowerAfterUpper = false
        var upperAfterLower = false
        var previousLower = false
        for scalar in letters {
            let isUpper: Bool
            if scalar.isASCII {
                guard isASCIILetter(scalar.value) else { continue }
                isUpper = scalar.value < 0x61
            } else {
                guard scalar.properties.isAlphabetic else { continue }
                isUpper = scalar.properties.isUppercase
            }
            if isUpper {
                upper += 1
                if previousLower { upperAfterLower = true }
            } else if upper > 1 {
                lowerAfterUpper = true
            }
            previousLower = !isUpper
        }
        return !upperAfterLower && !lowerAfterUpper
    }
}
