import PostlintCore

/// Scans a post's Markdown body in one forward pass over the bytes.
///
/// The block pass splits the body into leaf blocks and collects reference definitions (which may
/// come after their use); the inline pass then reads each paragraph and heading once. HTML blocks
/// are read for comments, `<img>` and `<a href>`. Code blocks, code spans and comments are
/// reported as excluded ranges, and nothing inside them is an image or a link.
public enum MarkdownScanner {
    /// Scans `range` of `source` (the body) and returns what it found, positioned in the file.
    public static func scan(_ source: SourceText, range: ByteRange) -> MarkdownBody {
        scan(source, range: range, fastPaths: true)
    }

    /// A scan for a document's anchors alone (a post another links into): its blocks, its
    /// headings' text and the code spans of the paragraphs that hold `[^` (what footnote labels
    /// are read past); other paragraphs' inline syntax (links, images, code spans, inline HTML)
    /// is not read, and the body holds none of it.
    public static func scanForAnchors(_ source: SourceText, range: ByteRange) -> MarkdownBody {
        scan(source, range: range, fastPaths: true, paragraphInlines: .onlyWithFootnoteReferences)
    }

    /// Which paragraphs the inline pass reads.
    enum ParagraphInlines {
        case all
        case onlyWithFootnoteReferences
    }

    /// `scan`, with its shortcuts for common text on or off. Off, every line and block takes the
    /// general path, which tests use as the reference the shortcuts must agree with.
    static func scan(
        _ source: SourceText, range: ByteRange, fastPaths: Bool, paragraphInlines: ParagraphInlines = .all
    ) -> MarkdownBody {
        // The text's bytes are the file's when it is valid UTF-8: share them rather than copy.
        let bytes = source.utf8
        let clamped = max(0, min(range.lowerBound, bytes.count))..<max(0, min(range.upperBound, bytes.count))
        var parser = BlockParser(bytes: bytes, fastPaths: fastPaths)
        let lineIndex = source.lineIndex
        parser.parse(clamped, lineStarts: lineIndex.containsCarriageReturn ? nil : lineIndex.lineStarts)

        // The inline pass builds the body; it starts with the definitions and the code blocks.
        // The definitions become the body's list as they are (no copy), in file order; the inline
        // pass finds one by its key through an index into that list, the first definition of a
        // label in the file winning.
        var body = MarkdownBody()
        var (definitions, keys) = parser.removeDefinitions()
        if zip(definitions, definitions.dropFirst()).contains(where: { $0.range.lowerBound > $1.range.lowerBound }) {
            let order = definitions.indices.sorted { definitions[$0].range.lowerBound < definitions[$1].range.lowerBound }
            definitions = order.map { definitions[$0] }
            keys = order.map { keys[$0] }
        }
        var definitionIndex = [String: Int32](minimumCapacity: keys.count)
        for (index, key) in keys.enumerated() where definitionIndex[key] == nil { definitionIndex[key] = Int32(index) }
        keys = []
        body.referenceDefinitions = definitions
        definitions = []
        // Leaves come nearly in file order (a container's leaves can close after a later one's):
        // order them by start when they are not.
        let leaves = parser.leaves
        let inFileOrder = !zip(leaves, leaves.dropFirst()).contains { $0.range.lowerBound > $1.range.lowerBound }
        var order: [Int] = []
        if !inFileOrder {
            order = Array(leaves.indices)
            order.sort {
                leaves[$0].range.lowerBound < leaves[$1].range.lowerBound
                    || (leaves[$0].range.lowerBound == leaves[$1].range.lowerBound && $0 < $1)
            }
        }
        var headingCount = 0
        var paragraphCount = 0
        for leaf in leaves {
            if leaf.kind == .heading { headingCount += 1 } else if leaf.kind == .paragraph { paragraphCount += 1 }
        }
        body.headings.reserveCapacity(headingCount)
        body.paragraphs.reserveCapacity(paragraphCount)
        // One inline parser reads every block, its buffers reused, and builds the body.
        var inline = InlineParser(definitions: definitionIndex, fastPaths: fastPaths)
        inline.body = body
        body = MarkdownBody()
        inline.excluded = parser.codeRanges
        for index in leaves.indices {
            let leaf = leaves[inFileOrder ? index : order[index]]
            inline.load(bytes, lines: parser.lines[leaf.lines])
            switch leaf.kind {
            case .paragraph:
                inline.body.paragraphs.append(leaf.range)
                if paragraphInlines == .all || holdsFootnoteReference(bytes, leaf.range) { inline.run() }
            case .heading:
                let (fileRange, text) = inline.runForText()
                inline.body.headings.append(
                    fileRange.map {
                        MarkdownHeading(level: leaf.level, textIn: bytes, at: $0, range: leaf.range)
                    } ?? MarkdownHeading(level: leaf.level, text: text, range: leaf.range))
            case .html:
                inline.readHTMLBlock(type: leaf.level)
            }
        }
        swap(&body, &inline.body)
        swap(&body.excludedRanges, &inline.excluded)
        merge(&body.excludedRanges)
        return body
    }

    /// Whether `range` of `bytes` holds `[^`, each `[` found by memchr.
    private static func holdsFootnoteReference(_ bytes: [UInt8], _ range: ByteRange) -> Bool {
        bytes.withUnsafeBufferPointer { whole in
            // The search stops at the paragraph's end, not the file's.
            let end = min(range.upperBound, whole.count)
            let buffer = UnsafeBufferPointer(rebasing: whole[..<end])
            var index = range.lowerBound
            while index + 1 < end, let bracket = ByteScanning.firstIndex(of: 0x5B, in: buffer, from: index) {
                guard bracket + 1 < end else { return false }
                if buffer[bracket + 1] == 0x5E { return true }
                index = bracket + 1
            }
            return false
        }
    }

    /// Sorts `ranges` and joins overlapping and touching ones, dropping empty ones, in place.
    static func merge(_ ranges: inout [ByteRange]) {
        if zip(ranges, ranges.dropFirst()).contains(where: { $0.lowerBound > $1.lowerBound }) {
            ranges.sort { $0.lowerBound < $1.lowerBound }
        }
        var count = 0
        for index in ranges.indices where !ranges[index].isEmpty {
            let range = ranges[index]
            if count > 0, range.lowerBound <= ranges[count - 1].upperBound {
                ranges[count - 1] = ranges[count - 1].lowerBound..<max(ranges[count - 1].upperBound, range.upperBound)
            } else {
                ranges[count] = range
                count += 1
            }
        }
        ranges.removeLast(ranges.count - count)
    }
}
