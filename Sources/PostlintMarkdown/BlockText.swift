/// The text of a leaf block (a paragraph, heading or HTML block): its lines with container
/// markers (`>`, list indentation) removed, joined by `\n`, and a map back to file offsets.
///
/// The text is `bytes[start..<end]`. Most leaves are lines that follow each other in the file,
/// each ending in a lone `\n` (a top-level paragraph, a heading, a list item's first line): their
/// joined text is the file's own bytes, so it is read in place (`bytes` is the file's array,
/// positions are file offsets) and nothing is copied. Only the other leaves (inside a block quote,
/// indented continuation lines, `\r\n` endings) are joined into a buffer of their own, which one
/// `BlockText` reuses from block to block without giving its storage back.
struct BlockText {
    /// One line of a joined text: where it starts in `joined`, and where it starts and ends in
    /// the file (its line ending excluded).
    private struct Line {
        var start: Int
        var fileStart: Int
        var fileEnd: Int
    }

    /// The bytes the text is a range of: the file's, or `joined`.
    private(set) var bytes: [UInt8] = []
    /// Where the text starts in `bytes`.
    private(set) var start = 0
    /// Where the text ends in `bytes`.
    private(set) var end = 0
    /// Whether `bytes` is the file's (positions are file offsets), rather than `joined`.
    private(set) var inPlace = true
    /// The joined lines, when they are not read in place.
    private var joined: [UInt8] = []
    /// The lines of `joined`.
    private var lines: [Line] = []
    /// Whether contiguous lines are read in place; when not, every text is joined (the general
    /// path, which tests compare the shortcut with).
    private let readsInPlace: Bool

    init(readsInPlace: Bool = true) {
        self.readsInPlace = readsInPlace
    }

    /// Replaces the text with `lines` of `source` (whose positions are file offsets), keeping the
    /// join buffers' capacity.
    mutating func load(_ source: [UInt8], lines spans: ArraySlice<LineSpan>) {
        if readsInPlace, Self.areContiguous(source, spans) {
            inPlace = true
            // Block after block comes from the same file: keep the reference rather than
            // retaining the array again and releasing it.
            if !bytes.sharesStorage(with: source) { bytes = source }
            start = spans.first?.start ?? 0
            end = spans.last.map { max(start, $0.end) } ?? start
            return
        }
        inPlace = false
        // `bytes` may share `joined`'s storage: let go of it so that `joined` refills in place.
        bytes = []
        joined.removeAllKeepingCapacity()
        lines.removeAllKeepingCapacity()
        source.withUnsafeBufferPointer { buffer in
            for span in spans {
                if !lines.isEmpty { joined.append(ASCII.newline) }
                lines.append(Line(start: joined.count, fileStart: span.start, fileEnd: span.end))
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
            }
        }
        bytes = joined
        start = 0
        end = joined.count
    }

    /// Whether the spans, joined by `\n`, are exactly the file's bytes from the first span's start
    /// to the last one's end: each span starts right after the previous one's end, and the byte
    /// between them is a `\n` (not a `\r`, which the join would not keep).
    private static func areContiguous(_ source: [UInt8], _ spans: ArraySlice<LineSpan>) -> Bool {
        guard var previous = spans.first else { return true }
        guard previous.start <= previous.end, previous.end <= source.count else { return false }
        for span in spans.dropFirst() {
            guard span.start == previous.end + 1, span.start <= span.end, span.end <= source.count,
                source[previous.end] == ASCII.newline
            else { return false }
            previous = span
        }
        return true
    }

    /// The file offset of a position in `bytes` (a joining `\n` maps to its line's end).
    func fileOffset(_ offset: Int) -> Int {
        if inPlace { return offset }
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
        if inPlace { return range }
        let lower = fileOffset(range.lowerBound)
        let upper = range.isEmpty ? lower : fileOffset(range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }
}

extension Array {
    /// Whether both arrays are the same buffer (so that assigning one to the other changes
    /// nothing).
    @inline(__always) func sharesStorage(with other: [Element]) -> Bool {
        withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress && mine.count == theirs.count }
        }
    }

    /// Empties the array for reuse, keeping its capacity (nothing to do when already empty).
    @inline(__always) mutating func removeAllKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
