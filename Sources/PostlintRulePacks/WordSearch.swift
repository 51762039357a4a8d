import PostlintCore

/// Case-insensitive search for a phrase on word boundaries (the characters around a match are not
/// letters or digits), over a scope's text lower-cased as UTF-8 bytes.
///
/// The text is lower-cased only as far as the searches need: a keyword found in a post's first
/// paragraph does not pay for lower-casing (or copying) the rest of the post, and later searches
/// reuse what earlier ones lowered. Lower-casing goes scalar by scalar, as `String.lowercased()`
/// does, so the lowered bytes are always a prefix of `lowercased()` of the joined text: ASCII runs
/// eight bytes a step, other scalars through their Unicode lowercase mapping.
struct WordSearch {
    private let text: ScopeText
    /// The text lower-cased so far, as UTF-8; it always ends on a whole scalar.
    private var haystack: [UInt8] = []
    /// The piece that lower-casing continues in, and the offset in the scope's UTF-8 it continues from.
    private var pieceIndex = 0
    private var offset: Int
    /// Bytes lower-cased the first time a search needs more; each later time, as many as so far.
    private static let firstStretch = 256

    init(_ text: ScopeText) {
        self.text = text
        offset = text.pieces.first?.lowerBound ?? 0
        haystack.reserveCapacity(text.pieces.reduce(0) { $0 + $1.count + 1 })
    }

    init(_ string: String) {
        self.init(ScopeText(string))
    }

    /// Whether every piece has been lower-cased.
    private var isComplete: Bool { pieceIndex >= text.pieces.count }

    /// The whole text lower-cased.
    mutating func lowercasedText() -> [UInt8] {
        while !isComplete { lowerMore(Int.max) }
        return haystack
    }

    /// Whether `phrase` occurs, ignoring case, with no letter or digit just before or after it.
    mutating func contains(_ phrase: String) -> Bool {
        var lowered = phrase.lowercased()
        return lowered.withUTF8 { contains(lowercasedPhrase: $0) }
    }

    /// `contains(_:)` for a phrase already lower-cased, as UTF-8.
    mutating func contains(lowercasedPhrase needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return false }
        var from = 0
        while true {
            let isComplete = isComplete
            let outcome = haystack.withUnsafeBufferPointer {
                Self.search(needle, in: $0, from: from, isComplete: isComplete)
            }
            switch outcome {
            case .found:
                return true
            case .absent:
                return false
            case .needsMore(let resumeAt):
                from = resumeAt
                lowerMore(Swift.max(Self.firstStretch, haystack.count))
            }
        }
    }

    private enum Outcome {
        case found
        case absent
        /// No match among the candidates judged; those from this index on need more text lowered.
        case needsMore(from: Int)
    }

    /// Looks for `needle` in the lowered text from `from`. A candidate is judged once the text
    /// holds the phrase's length and the scalar after it (or the text is complete).
    private static func search(
        _ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int,
        isComplete: Bool
    ) -> Outcome {
        let first = needle[0]
        var index = from
        // The next place the phrase's first byte occurs (memchr, many bytes a step).
        while let found = ByteScanning.firstIndex(of: first, in: text, from: index) {
            let end = found + needle.count
            guard end < text.count || (isComplete && end == text.count) else {
                return isComplete ? .absent : .needsMore(from: found)
            }
            var offset = 1
            while offset < needle.count, text[found + offset] == needle[offset] { offset += 1 }
            if offset == needle.count, !isWordScalar(endingAt: found, in: text), !isWordScalar(startingAt: end, in: text) {
                return .found
            }
            index = found + 1
        }
        return isComplete ? .absent : .needsMore(from: text.count)
    }

    /// Lower-cases at least `minimum` more bytes of the text (fewer at its end), ending on a whole
    /// scalar, with a space between pieces.
    private mutating func lowerMore(_ minimum: Int) {
        var budget = minimum
        while budget > 0, pieceIndex < text.pieces.count {
            let piece = text.pieces[pieceIndex]
            var end = piece.upperBound - offset <= budget ? piece.upperBound : offset + budget
            text.withUTF8 { source in
                while end < piece.upperBound, source[end] & 0xC0 == 0x80 { end += 1 }
                Self.appendLowercased(UnsafeBufferPointer(rebasing: source[offset..<end]), to: &haystack)
            }
            budget -= end - offset
            offset = end
            if offset == piece.upperBound {
                pieceIndex += 1
                if pieceIndex < text.pieces.count {
                    haystack.append(0x20)
                    offset = text.pieces[pieceIndex].lowerBound
                }
            }
        }
    }

    /// Appends `source` (whole scalars of UTF-8) lower-cased as `String.lowercased()` does.
    static func appendLowercased(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        while index < source.count {
            let asciiEnd = ByteScanning.endOfASCII(in: source, from: index)
            if asciiEnd > index {
                let start = output.count
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<asciiEnd]))
                output.withUnsafeMutableBufferPointer { lowerASCII(in: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
                index = asciiEnd
                continue
            }
            // One scalar that is not ASCII (an ill-formed sequence reads as U+FFFD, as in String).
            var iterator = UnsafeBufferPointer(rebasing: source[index...]).makeIterator()
            var parser = UTF8.ForwardParser()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                output.append(contentsOf: UTF8.decode(encoded).properties.lowercaseMapping.utf8)
                index += encoded.count
            case .error(let length):
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += Swift.max(1, length)
            case .emptyInput:
                index = source.count
            }
        }
    }

    /// Lower-cases ASCII bytes in place: eight a step, a byte from A to Z gaining 0x20.
    private static func lowerASCII(in bytes: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeMutableRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
            let pastZ = word &+ 0x2525_2525_2525_2525
            let upper = atLeastA & ~pastZ & 0x8080_8080_8080_8080
            raw.storeBytes(of: word | (upper >> 2), toByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            base[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            index += 1
        }
    }

    /// Whether the scalar whose last byte is just before `end` is a letter, digit or mark (false
    /// at the start). An ASCII byte is a whole scalar, judged without decoding.
    private static func isWordScalar(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end > 0 else { return false }
        let last = text[end - 1]
        if last < 0x80 { return isWordASCII(last) }
        var start = end - 1
        while start > 0, end - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordScalar(startingAt: start, in: text)
    }

    /// Whether the scalar starting at `start` is a letter, digit or mark (false at the end).
    private static func isWordScalar(startingAt start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start < text.count else { return false }
        let lead = text[start]
        if lead < 0x80 { return isWordASCII(lead) }
        var iterator = UnsafeBufferPointer(rebasing: text[start..<min(text.count, start + 4)]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isWordASCII(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
