/// The text of a leaf block (a paragraph, heading or HTML block): its lines with container
/// markers (`>`, list indentation) removed, joined by `\n`, and a map back to file offsets.
/// One buffer serves block after block: `load` refills it without giving its storage back.
struct BlockText {
    /// One line: where it starts in `bytes`, and where it starts and ends in the file (its line
    /// ending excluded).
    private struct Line {
        var start: Int
        var fileStart: Int
        var fileEnd: Int
    }

    /// The joined bytes.
    private(set) var bytes: [UInt8] = []
    private var lines: [Line] = []

    var isEmpty: Bool { lines.isEmpty }

    /// Replaces the text with `lines` of `source`, keeping the buffers' capacity.
    mutating func load(_ source: [UInt8], lines spans: ArraySlice<LineSpan>) {
        bytes.removeAllKeepingCapacity()
        lines.removeAllKeepingCapacity()
        source.withUnsafeBufferPointer { buffer in
            for span in spans {
                if !lines.isEmpty { bytes.append(ASCII.newline) }
                lines.append(Line(start: bytes.count, fileStart: span.start, fileEnd: span.end))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
            }
        }
    }

    /// The file offset of a position in `bytes` (a joining `\n` maps to its line's end).
    func fileOffset(_ offset: Int) -> Int {
        guard !lines.isEmpty else { return 0 }
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return lines[low].fileStart + (offset - lines[low].start)
    }

    /// The file range of a range in `bytes`.
    func fileRange(_ range: Range<Int>) -> Range<Int> {
        let lower = fileOffset(range.lowerBound)
        let upper = range.isEmpty ? lower : fileOffset(range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }

    /// The file range from the first line's start to the last line's end.
    var fileExtent: Range<Int> {
        guard let first = lines.first, let last = lines.last else { return 0..<0 }
        return first.fileStart..<max(first.fileStart, last.fileEnd)
    }
}

extension Array {
    /// Empties the array for reuse, keeping its capacity (nothing to do when already empty).
    @inline(__always) mutating func removeAllKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
