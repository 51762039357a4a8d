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

    /// Where the front matter of `bytes` probably ends, found without indexing the text: just
    /// past the line feed that ends the first line after the opening fence that starts with the
    /// fence's marker three times (or `...` after `---`). Nil when the text opens with no fence or
    /// no such line follows. A reader that needs only the front matter splits that prefix, and
    /// splits the whole text when the prefix holds no closed block (the line found may not be a
    /// fence; a lone CR line break is not looked for here): lines up to a closing fence are split
    /// alike in the prefix and the whole text.
    public static func probableEnd(of bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            guard buffer.count >= start + 3 else { return nil }
            let marker = buffer[start]
            guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "+") else { return nil }
            var from = start
            while let lineFeed = ByteScanning.firstIndex(of: 0x0A, in: buffer, from: from) {
                let line = lineFeed + 1
                guard line + 3 <= buffer.count else { return nil }
                let first = buffer[line]
                if first == marker || (marker == UInt8(ascii: "-") && first == UInt8(ascii: ".")),
                    buffer[line + 1] == first, buffer[line + 2] == first
                {
                    return ByteScanning.firstIndex(of: 0x0A, in: buffer, from: line).map { $0 + 1 }
                }
                from = line
            }
            return nil
        }
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
