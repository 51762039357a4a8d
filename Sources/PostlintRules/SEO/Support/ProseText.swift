import PostlintCore

/// The words and sentences of a post's prose, each positioned in the file.
///
/// Code (blocks and spans), HTML comments, images, reference definitions and HTML tags are left
/// out; a link counts by its text, never by its destination. Words are runs of letters, digits and
/// combining marks (an apostrophe between letters stays inside the word), lower-cased. One pass
/// over the bytes: linear in the size of the text.
struct ProseText {
    /// A lower-cased word and where it is written (for a link's text: the whole link).
    struct Word {
        var text: String
        var range: ByteRange
    }

    /// A run of words ended by `.`, `!`, `?` (or their full-width and ellipsis forms) followed by a
    /// space, or by the end of a block.
    struct Sentence {
        /// Indices into `words`.
        var words: Range<Int>
        var range: ByteRange
    }

    private(set) var words: [Word] = []
    private(set) var sentences: [Sentence] = []

    /// The prose of `ranges` (in file order, disjoint) of the document; each range ends a sentence.
    init(document: Document, ranges: [ByteRange], skips: ProseSkips) {
        var result = ProseText()
        document.source.utf8.withUnsafeBufferPointer { result.scan($0, ranges: ranges, skips: skips) }
        self = result
    }

    /// The prose of the whole body.
    static func body(of document: Document) -> ProseText {
        ProseText(document: document, ranges: [document.bodyRange], skips: ProseSkips(document.body))
    }

    /// The lower-cased words of a short text (a title, an excerpt, a heading).
    static func words(of text: String) -> [String] {
        var collector = ProseText()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            collector.tokenize(buffer, 0..<buffer.count, stripTags: false)
        }
        return collector.words.map(\.text)
    }

    private init() {}

    // MARK: - Scanning

    private var sentenceStart = 0

    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, ranges: [ByteRange], skips: ProseSkips) {
        var skipIndex = 0
        for range in ranges {
            let upper = min(range.upperBound, buffer.count)
            var offset = max(0, range.lowerBound)
            skipIndex = skips.firstIndex(endingAfter: offset, from: skipIndex)
            while offset < upper {
                while skipIndex < skips.items.count, skips.items[skipIndex].range.upperBound <= offset { skipIndex += 1 }
                let nextSkip = skipIndex < skips.items.count ? skips.items[skipIndex].range.lowerBound : Int.max
                if nextSkip <= offset {
                    let skip = skips.items[skipIndex]
                    if let replacement = skip.replacement, skip.range.lowerBound >= range.lowerBound {
                        addWords(of: replacement, at: skip.range)
                    }
                    offset = max(offset + 1, skip.range.upperBound)
                    skipIndex += 1
                    continue
                }
                let end = min(upper, nextSkip)
                tokenize(buffer, offset..<end, stripTags: true)
                offset = end
            }
            endSentence()
        }
    }

    /// A link's words, all positioned at the link.
    private mutating func addWords(of text: String, at range: ByteRange) {
        for word in Self.words(of: text) { words.append(Word(text: word, range: range)) }
    }

    private mutating func endSentence() {
        guard words.count > sentenceStart else { return }
        let range = words[sentenceStart].range.lowerBound..<words[words.count - 1].range.upperBound
        sentences.append(Sentence(words: sentenceStart..<words.count, range: range))
        sentenceStart = words.count
    }

    private mutating func tokenize(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, stripTags: Bool) {
        var offset = range.lowerBound
        var wordStart = -1
        var word = ""
        func flush(_ end: Int, into words: inout [Word]) {
            if wordStart >= 0 { words.append(Word(text: word, range: wordStart..<end)) }
            wordStart = -1
            word = ""
        }
        while offset < range.upperBound {
            let (scalar, length) = Self.decode(buffer, at: offset, end: range.upperBound)
            if Self.isWordScalar(scalar) {
                if wordStart < 0 { wordStart = offset }
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    word.unicodeScalars.append(Unicode.Scalar((0x41...0x5A).contains(byte) ? byte | 0x20 : byte))
                } else {
                    word += String(scalar).lowercased()
                }
                offset += length
                continue
            }
            let next =
                offset + length < range.upperBound
                ? Self.decode(buffer, at: offset + length, end: range.upperBound).scalar : nil
            if (scalar == "'" || scalar == "\u{2019}"), wordStart >= 0, let next, Self.isWordScalar(next) {
                word += "'"
                offset += length
                continue
            }
            flush(offset, into: &words)
            if stripTags, scalar == "<", let next, next.isASCII,
                next.properties.isAlphabetic || next == "/" || next == "!" || next == "?"
            {
                var close = offset + 1
                while close < range.upperBound, buffer[close] != UInt8(ascii: ">") { close += 1 }
                offset = min(close + 1, range.upperBound)
                continue
            }
            if Self.isTerminator(scalar), next == nil || next.map(Self.endsSentence) == true {
                endSentence()
            }
            offset += length
        }
        flush(range.upperBound, into: &words)
    }

    /// The scalar at `offset` of valid UTF-8 and its length in bytes.
    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> (
        scalar: Unicode.Scalar, length: Int
    ) {
        let lead = buffer[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, offset + length <= end else { return ("\u{1A}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | (UInt32(buffer[offset + index]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{1A}", length)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}": return true
        default: return false
        }
    }

    /// Whether the scalar after a terminator lets it end a sentence: white space or a closing mark.
    private static func endsSentence(_ next: Unicode.Scalar) -> Bool {
        switch next {
        case " ", "\t", "\n", "\r", "\"", "'", ")", "]", "*", "_", "\u{201D}", "\u{2019}", "\u{00BB}": return true
        default: return next.properties.isWhitespace
        }
    }
}
