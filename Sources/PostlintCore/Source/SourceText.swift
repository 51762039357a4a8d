/// A file's bytes decoded as UTF-8 without ever failing.
///
/// Every byte that is not part of a well-formed UTF-8 sequence is replaced in the decoded text by
/// U+001A (SUBSTITUTE), one byte for one byte, so that UTF-8 offsets into `text` are exactly byte
/// offsets into the file. The ranges of those bytes are kept in `invalidRanges` for the encoding
/// rules.
///
/// The decoded text is kept as bytes (`utf8`, the file's own bytes when they are valid UTF-8, so
/// nothing is copied); `text` makes a `String` of them only when asked, since most checks read
/// bytes and a post's `String` was a copy and a second validation of every byte.
public struct SourceText: Sendable {
    /// The file's bytes exactly as read.
    public let bytes: [UInt8]
    /// The decoded text's UTF-8: `bytes` with each invalid byte replaced by U+001A; the same
    /// array as `bytes` when every byte is valid.
    public let utf8: [UInt8]
    /// Maximal runs of bytes that are not well-formed UTF-8, in file order.
    public let invalidRanges: [ByteRange]
    /// Whether the file starts with a UTF-8 byte order mark (EF BB BF).
    public let hasByteOrderMark: Bool
    /// Whether every byte is below 0x80 (the encoding checks take a fast path).
    public let isASCII: Bool
    /// Physical line positions over `text`.
    public let lineIndex: LineIndex

    /// The replacement byte standing for each invalid byte in `text`.
    public static let substituteByte: UInt8 = 0x1A

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let scan = UTF8Validation.scan(bytes)
        self.invalidRanges = scan.invalidRanges
        self.isASCII = scan.isASCII
        self.hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if scan.invalidRanges.isEmpty {
            self.utf8 = bytes
            self.lineIndex = LineIndex(bytes: bytes, knownASCII: scan.isASCII)
        } else {
            var sanitized = bytes
            for range in scan.invalidRanges {
                for index in range { sanitized[index] = Self.substituteByte }
            }
            self.utf8 = sanitized
            self.lineIndex = LineIndex(bytes: sanitized)
        }
    }

    /// The decoded text, made from `utf8` at each call (valid UTF-8, so nothing is repaired and
    /// `text.utf8.count == bytes.count`); callers that read it more than once keep it.
    public var text: String {
        String(decoding: utf8, as: UTF8.self)
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The text of a byte range (offsets must fall on scalar boundaries, as every range postlint
    /// produces does).
    public func string(in range: ByteRange) -> String {
        let lower = min(max(range.lowerBound, 0), utf8.count)
        let upper = min(max(range.upperBound, lower), utf8.count)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// Whether `offset` lies inside a run of invalid bytes.
    public func isInvalid(at offset: Int) -> Bool {
        var low = 0
        var high = invalidRanges.count
        while low < high {
            let middle = (low + high) / 2
            let range = invalidRanges[middle]
            if range.upperBound <= offset {
                low = middle + 1
            } else if range.lowerBound > offset {
                high = middle
            } else {
                return true
            }
        }
        return false
    }
}
