/// The text of a leaf block (a paragraph, heading or HTML block): its lines with container
/// markers (`>`, list indentation) removed, joined by `\n`, and a map back to file offsets.
struct BlockText {
    /// The joined bytes.
    var bytes: [UInt8] = []
    /// Where each line starts in `bytes`.
    private(set) var lineStarts: [Int] = []
    /// Where each line starts in the file.
    private(set) var fileStarts: [Int] = []
    /// Where each line ends in the file (its line ending excluded).
    private(set) var fileEnds: [Int] = []

    var isEmpty: Bool { lineStarts.isEmpty }
    var lineCount: Int { lineStarts.count }

    /// Appends the file bytes `range` of `source` as a new line.
    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        if !lineStarts.isEmpty { bytes.append(ASCII.newline) }
        lineStarts.append(bytes.count)
        fileStarts.append(range.lowerBound)
        fileEnds.append(range.upperBound)
        bytes.append(contentsOf: source[range])
    }

    /// The file offset of a position in `bytes` (a joining `\n` maps to its line's end).
    func fileOffset(_ offset: Int) -> Int {
        guard !lineStarts.isEmpty else { return 0 }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return fileStarts[low] + (offset - lineStarts[low])
    }

    /// The file range of a range in `bytes`.
    func fileRange(_ range: Range<Int>) -> Range<Int> {
        let lower = fileOffset(range.lowerBound)
        let upper = range.isEmpty ? lower : fileOffset(range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }

    /// The block's text without its first `count` bytes (after reference definitions were taken).
    func dropping(_ count: Int) -> BlockText {
        guard count > 0 else { return self }
        var rest = BlockText()
        for line in 0..<lineStarts.count {
            let start = lineStarts[line]
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
            guard start >= count || end > count else { continue }
            let skip = max(0, count - start)
            if !rest.lineStarts.isEmpty { rest.bytes.append(ASCII.newline) }
            rest.lineStarts.append(rest.bytes.count)
            rest.fileStarts.append(fileStarts[line] + skip)
            rest.fileEnds.append(fileEnds[line])
            rest.bytes.append(contentsOf: bytes[(start + skip)..<end])
        }
        return rest
    }

    /// The file range from the first line's start to the last line's end.
    var fileExtent: Range<Int> {
        guard let first = fileStarts.first, let last = fileEnds.last else { return 0..<0 }
        return first..<max(first, last)
    }
}
