import PostlintCore

/// Finds the front matter block at the very start of a file: YAML between `---` lines or TOML
/// between `+++` lines, after an optional byte order mark.
public enum FrontMatterSplitter {
    public struct Split: Sendable {
        public var block: FrontMatterBlock?
        /// Where the body starts.
        public var bodyRange: ByteRange
    }

    public static func split(_ source: SourceText) -> Split {
        let bytes = source.bytes
        let index = source.lineIndex
        let start = source.hasByteOrderMark ? 3 : 0
        let firstLine = index.contentRange(ofLine: 0)
        let fenceRange = start..<firstLine.upperBound
        guard let format = fenceFormat(bytes, fenceRange, opening: true) else {
            return Split(block: nil, bodyRange: start..<bytes.count)
        }
        let contentStart = index.lineCount > 1 ? index.lineStarts[1] : bytes.count
        var line = 1
        while line < index.lineCount {
            let range = index.contentRange(ofLine: line)
            if isClosingFence(bytes, range, format: format) {
                let bodyStart = line + 1 < index.lineCount ? index.lineStarts[line + 1] : bytes.count
                let block = FrontMatterBlock(
                    format: format, openingFence: fenceRange,
                    content: contentStart..<index.lineStarts[line],
                    closingFence: range, firstContentLine: 1)
                return Split(block: block, bodyRange: bodyStart..<bytes.count)
            }
            line += 1
        }
        let block = FrontMatterBlock(
            format: format, openingFence: fenceRange,
            content: contentStart..<bytes.count, closingFence: nil, firstContentLine: 1)
        return Split(block: block, bodyRange: bytes.count..<bytes.count)
    }

    /// `---` or `+++` alone on a line, trailing spaces or tabs allowed.
    private static func fenceFormat(_ bytes: [UInt8], _ range: ByteRange, opening: Bool) -> FrontMatterFormat? {
        guard range.count >= 3 else { return nil }
        let marker = bytes[range.lowerBound]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "+") else { return nil }
        guard bytes[range.lowerBound + 1] == marker, bytes[range.lowerBound + 2] == marker else { return nil }
        for offset in (range.lowerBound + 3)..<range.upperBound where bytes[offset] != 0x20 && bytes[offset] != 0x09 {
            return nil
        }
        return marker == UInt8(ascii: "-") ? .yaml : .toml
    }

    private static func isClosingFence(_ bytes: [UInt8], _ range: ByteRange, format: FrontMatterFormat) -> Bool {
        if let found = fenceFormat(bytes, range, opening: false) { return found == format }
        // YAML also ends a document with `...`.
        guard format == .yaml, range.count >= 3 else { return false }
        let dot = UInt8(ascii: ".")
        guard bytes[range.lowerBound] == dot, bytes[range.lowerBound + 1] == dot, bytes[range.lowerBound + 2] == dot
        else { return false }
        return bytes[(range.lowerBound + 3)..<range.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
