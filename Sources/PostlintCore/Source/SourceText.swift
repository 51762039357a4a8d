/// A file's bytes decoded as UTF-8 without ever failing.
///
/// Every byte that is not part of a well-formed UTF-8 sequence is replaced in `text` by U+001A
/// (SUBSTITUTE), one byte for one byte, so that UTF-8 offsets into `text` are exactly byte offsets
/// into the file. The ranges of those bytes are kept in `invalidRanges` for the encoding rules.
public struct SourceText: Sendable {
    /// The file's bytes exactly as read.
    public let bytes: [UInt8]
    /// The decoded text; `text.utf8.count == bytes.count`.
    public let text: String
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
            self.text = String(decoding: bytes, as: UTF8.self)
            self.lineIndex = LineIndex(bytes: bytes, knownASCII: scan.isASCII)
        } else {
            var sanitized = bytes
            for range in scan.invalidRanges {
                for index in range { sanitized[index] = Self.substituteByte }
            }
            self.text = String(decoding: sanitized, as: UTF8.self)
            self.lineIndex = LineIndex(bytes: sanitized)
        }
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The text of a byte range (offsets must fall on scalar boundaries, as every range postlint
    /// produces does).
    public func string(in range: ByteRange) -> String {
        let utf8 = text.utf8
        let lower = min(max(range.lowerBound, 0), utf8.count)
        let upper = min(max(range.upperBound, lower), utf8.count)
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper - lower)
        return String(text[start..<end])
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
