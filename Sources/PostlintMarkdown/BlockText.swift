/// The text of a leaf block (a paragraph, heading or HTML block): its lines with container
/// markers (`>`, list indentation) removed, joined by `\n`, and a map back to file offsets.
/// One buffer serves block after block: `load` refills it without giving its storage back.
struct BlockText {
    /// The joined bytes.
    private(set) var bytes: [UInt8] = []
    /// Where each line starts in `bytes`.
    private(set) var lineStarts: [Int] = []
    /// Where each line starts in the file.
    private(set) var fileStarts: [Int] = []
    /// Where each line ends in the file (its line ending excluded).
    private(set) var fileEnds: [Int] = []

    var isEmpty: Bool { lineStarts.isEmpty }
    var lineCount: Int { lineStarts.count }

    /// Replaces the text with `lines` of `source`, keeping the buffers' capacity.
    mutating func load(_ source: [UInt8], lines: ArraySlice<LineSpan>) {
        bytes.removeAllKeepingCapacity()
        lineStarts.removeAllKeepingCapacity()
        fileStarts.removeAllKeepingCapacity()
        fileEnds.removeAllKeepingCapacity()
        for line in lines { append(source, line.start..<line.end) }
    }

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

    /// The file range from the first line's start to the last line's end.
    var fileExtent: Range<Int> {
        guard let first = fileStarts.first, let last = fileEnds.last else { return 0..<0 }
        return first..<max(first, last)
    }
}

extension Array {
    /// Empties the array for reuse, keeping its capacity (nothing to do when already empty).
    @inline(__always) mutating func removeAllKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
