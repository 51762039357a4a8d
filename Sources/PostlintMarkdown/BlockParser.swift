#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// The block pass: reads the body line by line, keeps the stack of open blocks (block quotes,
/// list items and the leaf at the tip) the way the CommonMark algorithm describes, and hands out
/// leaf blocks, reference definitions and code block ranges. Every line is read a bounded number
/// of times; nesting deeper than `maxDepth` is read as text.
struct BlockParser {
    /// Deepest container nesting; deeper markers are text (as in common implementations).
    static let maxDepth = ParserLimits.markdownContainerNesting

    private let bytes: [UInt8]
    private(set) var leaves: [LeafBlock] = []
    /// The lines of the leaves (and of the open paragraph or HTML block, at the end).
    private(set) var lines: [LineSpan] = []
    /// The reference definitions, in the order their paragraphs closed, and the key each one is
    /// matched by (kept apart so the definitions become the body's list without a copy).
    private(set) var definitions: [MarkdownReferenceDefinition] = []
    private(set) var definitionKeys: [String] = []
    private(set) var codeRanges: [Range<Int>] = []

    private var stack: [OpenBlock] = []
    // The current line and the position in it.
    private var lineStart = 0
    private var lineEnd = 0
    private var offset = 0
    private var column = 0
    private var partiallyConsumedTab = false
    private var nextNonspace = 0
    private var nextNonspaceColumn = 0
    private var indent = 0
    private var blank = false
    // Per line: how many open blocks the line continued, and whether unmatched ones were closed.
    private var matched = 0
    private var unmatchedClosed = false
    /// A paragraph's joined text, for reading the reference definitions at its start.
    private var scratch: BlockText
    /// Whether shortcuts for common lines may be taken (see `MarkdownScanner.scan`).
    private let fastPaths: Bool

    init(bytes: [UInt8], fastPaths: Bool = true) {
        self.bytes = bytes
        self.fastPaths = fastPaths
        scratch = BlockText(readsInPlace: fastPaths)
    }

    /// Reads the lines of `range`.
    ///
    /// - Parameter lineStarts: where each line of the bytes starts, when every line ends in a
    ///   line feed alone (the file's `LineIndex` knows them already): lines are then taken from
    ///   there instead of looking for each line feed again.
    mutating func parse(_ range: Range<Int>, lineStarts: [Int]? = nil) {
        var cursor = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        let source = bytes
        // Room for the lines and leaves of ordinary text, so that they rarely grow.
        lines.reserveCapacity(max(0, end - cursor) / 32 + 16)
        leaves.reserveCapacity(max(0, end - cursor) / 256 + 8)
        if fastPaths, let lineStarts, cursor < end {
            parse(from: cursor, to: end, lineStarts: lineStarts)
            while !stack.isEmpty { closeTop() }
            return
        }
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, cursor < end, end <= buffer.count else { return }
            // Without a carriage return in the range, a line ends at the next line feed.
            let hasCarriageReturn = memchr(base + cursor, Int32(ASCII.carriageReturn), end - cursor) != nil
            while cursor < end {
                var lineBreak = cursor
                if hasCarriageReturn {
                    while lineBreak < end, !ASCII.isLineEnd(base[lineBreak]) { lineBreak += 1 }
                } else if let found = memchr(base + cursor, Int32(ASCII.newline), end - cursor) {
                    lineBreak = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    lineBreak = end
                }
                processLine(cursor, lineBreak)
                if lineBreak < end, base[lineBreak] == ASCII.carriageReturn, lineBreak + 1 < end,
                    base[lineBreak + 1] == ASCII.newline
                {
                    cursor = lineBreak + 2
                } else {
                    cursor = lineBreak + 1
                }
            }
        }
        while !stack.isEmpty { closeTop() }
    }

    /// The lines of `start..<end` (not empty) from the starts of the file's lines, every one of
    /// which ends in a line feed: a line runs to the byte before the next start, or to `end`.
    private mutating func parse(from start: Int, to end: Int, lineStarts: [Int]) {
        // The first line start after `start`: the range may begin inside a line.
        var low = 0
        var high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= start { low = middle + 1 } else { high = middle }
        }
        var next = low
        var cursor = start
        while cursor < end {
            let lineBreak = next < lineStarts.count ? min(lineStarts[next] - 1, end) : end
            processLine(cursor, lineBreak)
            cursor = lineBreak + 1
            next += 1
        }
    }

    // MARK: - Position in the line

    private mutating func findNextNonspace() {
        var cursor = offset
        var columns = column
        while cursor < lineEnd {
            let byte = bytes[cursor]
            if byte == ASCII.space {
                columns += 1
            } else if byte == ASCII.tab {
                columns += 4 - columns % 4
            } else {
                break
            }
            cursor += 1
        }
        blank = cursor == lineEnd
        nextNonspace = cursor
        nextNonspaceColumn = columns
        indent = columns - column
    }

    private mutating func advanceOffset(_ count: Int, columns: Bool) {
        var remaining = count
        while remaining > 0, offset < lineEnd {
            if columns, bytes[offset] == ASCII.tab {
                let toTabStop = 4 - column % 4
                if toTabStop > remaining {
                    partiallyConsumedTab = true
                    column += remaining
                    remaining = 0
                } else {
                    partiallyConsumedTab = false
                    column += toTabStop
                    offset += 1
                    remaining -= toTabStop
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                remaining -= 1
            }
        }
    }

    private mutating func advanceNextNonspace() {
        offset = nextNonspace
        column = nextNonspaceColumn
        partiallyConsumedTab = false
    }

    // MARK: - Lines

    private mutating func processLine(_ start: Int, _ end: Int) {
        if fastPaths, takeCommonLine(start, end) { return }
        lineStart = start
        lineEnd = end
        offset = start
        column = 0
        partiallyConsumedTab = false
        matched = 0
        if continueOpenBlocks() { return }
        unmatchedClosed = matched == stack.count
        // A line that continues a code or HTML block belongs to it.
        if matched > 0, matched == stack.count {
            switch stack[matched - 1].kind {
            case .fencedCode, .indentedCode, .html:
                addLineToTip()
                return
            default: break
            }
        }
        if startNewBlocks() { return }
        findNextNonspace()
        if !unmatchedClosed, !blank, stack.last?.kind == .paragraph {
            // A lazy continuation line.
            lines.append(LineSpan(start: nextNonspace, end: lineEnd))
            return
        }
        closeUnmatched()
        guard !blank else { return }
        if stack.last?.kind != .paragraph { push(OpenBlock(.paragraph, start: nextNonspace)) }
        lines.append(LineSpan(start: nextNonspace, end: lineEnd))
    }

    /// The shortcut for the lines most posts are made of: blank lines, plain text (a line whose
    /// first byte starts no block), bullet list items holding plain text, ATX headings, and lines
    /// of a top-level fenced code block that cannot close it. Each does what the general path
    /// does with that line (`FastPathAgreementTests` compares the two); returns false, having
    /// done nothing, for any other line. The reasoning rests on what the general path does with
    /// such a line:
    /// - a block quote continues only on `>`, a list item only on a blank line (when it holds a
    ///   block) or with at least two columns of indentation, so an unindented line that is not
    ///   `>` continues no container;
    /// - a paragraph at the tip takes any line whose first non-blank byte starts no block, as a
    ///   continuation or a lazy continuation alike;
    /// - leaves other than paragraphs (code, HTML) are only ever at the tip, and lines inside
    ///   them go to the general path (but for the fenced code case above).
    private mutating func takeCommonLine(_ start: Int, _ end: Int) -> Bool {
        guard start <= end, end <= bytes.count else { return false }
        let tip = stack.last?.kind
        switch tip {
        case nil, .paragraph, .blockQuote, .listItem:
            break
        case .fencedCode:
            guard stack.count == 1 else { return false }
            // Only a line starting with spaces, tabs or the fence's byte may close the fence.
            if start < end {
                let first = bytes[start]
                guard !ASCII.isSpaceOrTab(first), first != stack[0].fenceByte else { return false }
            }
            stack[0].end = end
            return true
        case .indentedCode, .html:
            return false
        }
        var first = start
        while first < end, ASCII.isSpaceOrTab(bytes[first]) { first += 1 }
        if first == end {
            // A blank line: list items that hold a block continue from the bottom of the stack
            // up; the first other block and everything above it close.
            var continuing = 0
            while continuing < stack.count, stack[continuing].kind == .listItem, stack[continuing].hasChild {
                continuing += 1
            }
            while stack.count > continuing { closeTop() }
            return true
        }
        let byte = bytes[first]
        if tip == .paragraph, Self.isPlainLineStart(byte) {
            lines.append(LineSpan(start: first, end: end))
            return true
        }
        // Unindented lines from here on: no open container continues.
        guard first == start else { return false }
        if Self.isPlainLineStart(byte) {
            while !stack.isEmpty { closeTop() }
            push(OpenBlock(.paragraph, start: start))
            lines.append(LineSpan(start: start, end: end))
            return true
        }
        if byte == ASCII.hyphen || byte == ASCII.plus || byte == ASCII.star {
            // `- text`: one space after the marker, then plain text (so neither a thematic break
            // nor a setext underline). The nesting limit is judged before anything closes.
            guard stack.count < Self.maxDepth, start + 2 < end, bytes[start + 1] == ASCII.space,
                Self.isPlainLineStart(bytes[start + 2])
            else { return false }
            while !stack.isEmpty { closeTop() }
            var item = OpenBlock(.listItem)
            item.contentIndent = 2
            push(item)
            push(OpenBlock(.paragraph, start: start + 2))
            lines.append(LineSpan(start: start + 2, end: end))
            return true
        }
        if byte == ASCII.hash {
            lineStart = start
            lineEnd = end
            nextNonspace = start
            guard let (level, content) = atxHeading() else { return false }
            while !stack.isEmpty { closeTop() }
            lines.append(LineSpan(start: content.lowerBound, end: content.upperBound))
            leaves.append(
                LeafBlock(
                    kind: .heading, level: level, range: start..<end,
                    lines: (lines.count - 1)..<lines.count))
            return true
        }
        return false
    }

    /// Whether a line starting with `byte` (not indented) is plain text for certain: it cannot
    /// start a block (`>`, `#`, fences, `<`, thematic breaks, setext underlines, list markers)
    /// nor be blank or indented.
    @inline(__always) private static func isPlainLineStart(_ byte: UInt8) -> Bool {
        // Bit n of `low` is byte n (0 to 63), of `high` byte 64 + n: tab, line endings (never in
        // a line, listed all the same), space, `#`, `*`, `+`, `-`, digits, `<`, `=`, `>`; `_`,
        // backtick, `~`.
        let low: UInt64 =
            1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x23 | 1 << 0x2A | 1 << 0x2B
            | 1 << 0x2D | 0x3FF << 0x30 | 1 << 0x3C | 1 << 0x3D | 1 << 0x3E
        let high: UInt64 = 1 << (0x5F - 64) | 1 << (0x60 - 64) | 1 << (0x7E - 64)
        if byte >= 0x80 { return true }
        let mask = byte < 64 ? low : high
        return mask & (1 << UInt64(byte & 63)) == 0
    }

    /// Matches the line against the open blocks; returns true when the line was used up (a
    /// closing code fence).
    private mutating func continueOpenBlocks() -> Bool {
        while matched < stack.count {
            findNextNonspace()
            let block = stack[matched]
            switch block.kind {
            case .blockQuote:
                guard indent <= 3, !blank, bytes[nextNonspace] == ASCII.greaterThan else { return false }
                advanceNextNonspace()
                advanceOffset(1, columns: false)
                if offset < lineEnd, ASCII.isSpaceOrTab(bytes[offset]) { advanceOffset(1, columns: true) }
            case .listItem:
                if blank {
                    guard block.hasChild else { return false }
                    advanceNextNonspace()
                } else if indent >= block.contentIndent {
                    advanceOffset(block.contentIndent, columns: true)
                } else {
                    return false
                }
            case .fencedCode:
                if indent <= 3, !blank, isClosingFence(block) {
                    stack[matched].end = lineEnd
                    matched += 1
                    while stack.count > matched { closeTop() }
                    closeTop()
                    return true
                }
                var skip = block.fenceIndent
                while skip > 0, offset < lineEnd, ASCII.isSpaceOrTab(bytes[offset]) {
                    advanceOffset(1, columns: true)
                    skip -= 1
                }
            case .indentedCode:
                if indent >= 4 {
                    advanceOffset(4, columns: true)
                } else if blank {
                    advanceNextNonspace()
                } else {
                    return false
                }
            case .html:
                if blank, block.htmlType >= 6 { return false }
            case .paragraph:
                if blank { return false }
            }
            matched += 1
        }
        return false
    }

    /// Tries block starts at the current position; returns true when the line was used up by a
    /// leaf start (heading, fence, HTML block, thematic break, setext underline).
    private mutating func startNewBlocks() -> Bool {
        while true {
            findNextNonspace()
            let tipIsParagraph = stack.last?.kind == .paragraph
            let lastMatchedIsParagraph = matched > 0 && stack[matched - 1].kind == .paragraph
            if indent >= 4 {
                guard !tipIsParagraph, !blank else { return false }
                closeUnmatched()
                advanceOffset(4, columns: true)
                push(OpenBlock(.indentedCode, start: offset))
                stack[stack.count - 1].end = lineEnd
                return true
            }
            guard !blank else { return false }
            let byte = bytes[nextNonspace]
            let canNest = stack.count < Self.maxDepth
            switch byte {
            case ASCII.greaterThan where canNest:
                closeUnmatched()
                advanceNextNonspace()
                advanceOffset(1, columns: false)
                if offset < lineEnd, ASCII.isSpaceOrTab(bytes[offset]) { advanceOffset(1, columns: true) }
                push(OpenBlock(.blockQuote))
                continue
            case ASCII.hash:
                if let (level, content) = atxHeading() {
                    closeUnmatched()
                    closeLeafAtTip()
                    markParentHasChild()
                    lines.append(LineSpan(start: content.lowerBound, end: content.upperBound))
                    leaves.append(
                        LeafBlock(
                            kind: .heading, level: level, range: nextNonspace..<lineEnd,
                            lines: (lines.count - 1)..<lines.count))
                    return true
                }
            case ASCII.backtick, ASCII.tilde:
                if let (length, _) = openingFence() {
                    closeUnmatched()
                    var block = OpenBlock(.fencedCode, start: nextNonspace)
                    block.fenceByte = byte
                    block.fenceLength = length
                    block.fenceIndent = indent
                    block.end = lineEnd
                    push(block)
                    return true
                }
            case ASCII.lessThan:
                if let type = htmlBlockStart(allowType7: !lastMatchedIsParagraph && !tipIsParagraph) {
                    closeUnmatched()
                    var block = OpenBlock(.html, start: offset)
                    block.htmlType = type
                    push(block)
                    addLineToTip()
                    return true
                }
            default:
                break
            }
            if lastMatchedIsParagraph, let level = setextLevel() {
                if convertToSetextHeading(level: level) { return true }
            }
            if isThematicBreak() {
                closeUnmatched()
                closeLeafAtTip()
                markParentHasChild()
                return true
            }
            if canNest, startListItem(interruptsParagraph: lastMatchedIsParagraph) { continue }
            return false
        }
    }

    // MARK: - Opening and closing blocks

    private mutating func closeUnmatched() {
        guard !unmatchedClosed else { return }
        while stack.count > matched { closeTop() }
        unmatchedClosed = true
    }

    /// Closes the tip when it is a leaf (a new block cannot go inside a leaf).
    private mutating func closeLeafAtTip() {
        while let last = stack.last, last.isLeaf { closeTop() }
    }

    private mutating func markParentHasChild() {
        if let last = stack.indices.last, stack[last].kind == .listItem { stack[last].hasChild = true }
    }

    private mutating func push(_ block: OpenBlock) {
        closeLeafAtTip()
        markParentHasChild()
        var block = block
        block.firstLine = lines.count
        stack.append(block)
        matched = stack.count
    }

    private mutating func closeTop() {
        guard let block = stack.popLast() else { return }
        matched = min(matched, stack.count)
        switch block.kind {
        case .paragraph:
            if takeDefinitions(firstLine: block.firstLine) {
                leaves.append(
                    LeafBlock(
                        kind: .paragraph, level: 0, range: extent(from: block.firstLine),
                        lines: block.firstLine..<lines.count))
            } else {
                lines.removeSubrange(block.firstLine...)
            }
        case .fencedCode, .indentedCode:
            codeRanges.append(block.start..<max(block.start, block.end))
        case .html:
            leaves.append(
                LeafBlock(
                    kind: .html, level: block.htmlType, range: extent(from: block.firstLine),
                    lines: block.firstLine..<lines.count))
        case .blockQuote, .listItem:
            break
        }
    }

    /// From the start of line `first` to the end of the last line (`0..<0` without lines).
    private func extent(from first: Int) -> Range<Int> {
        guard first < lines.count, let last = lines.last else { return 0..<0 }
        let start = lines[first].start
        return start..<max(start, last.end)
    }

    /// Hands over the reference definitions and their keys, leaving none here.
    mutating func removeDefinitions() -> (definitions: [MarkdownReferenceDefinition], keys: [String]) {
        defer {
            definitions = []
            definitionKeys = []
        }
        return (definitions, definitionKeys)
    }

    /// Takes the reference definitions at the start of the open paragraph whose lines run from
    /// `firstLine` to the end of the line list, and drops their text from its lines. Returns
    /// whether any text remains.
    private mutating func takeDefinitions(firstLine: Int) -> Bool {
        guard firstLine < lines.count else { return false }
        // Definitions start with `[`; other paragraphs need not be joined.
        let first = lines[firstLine]
        guard first.start < first.end, bytes[first.start] == ASCII.openBracket else {
            return first.start < first.end || lines.count - firstLine > 1
        }
        scratch.load(bytes, lines: lines[firstLine...])
        let consumed = ReferenceDefinitionParser.parse(scratch, into: &definitions, keys: &definitionKeys)
        guard consumed > 0 else { return true }
        let total = scratch.end - scratch.start
        // Drop the lines the definitions used up, and the used part of a line they end inside,
        // as the joined text's first `consumed` bytes.
        var joined = 0
        var line = firstLine
        while line < lines.count {
            let length = lines[line].end - lines[line].start
            if joined >= consumed || joined + length > consumed { break }
            joined += length + 1
            line += 1
        }
        lines.removeSubrange(firstLine..<line)
        if firstLine < lines.count, consumed > joined { lines[firstLine].start += consumed - joined }
        return firstLine < lines.count && consumed < total
    }

    private mutating func addLineToTip() {
        guard let last = stack.indices.last else { return }
        switch stack[last].kind {
        case .fencedCode:
            stack[last].end = lineEnd
        case .indentedCode:
            findNextNonspace()
            if !blank { stack[last].end = lineEnd }
        case .html:
            lines.append(LineSpan(start: offset, end: lineEnd))
            if stack[last].htmlType <= 5, htmlBlockEnds(type: stack[last].htmlType, from: offset) { closeTop() }
        default:
            break
        }
    }

    // MARK: - Leaf starts

    /// `#` to `######` then a space, tab or the line's end: the level and the content's range.
    private func atxHeading() -> (level: Int, content: Range<Int>)? {
        var cursor = nextNonspace
        while cursor < lineEnd, bytes[cursor] == ASCII.hash, cursor - nextNonspace < 7 { cursor += 1 }
        let level = cursor - nextNonspace
        guard level >= 1, level <= 6, cursor == lineEnd || ASCII.isSpaceOrTab(bytes[cursor]) else { return nil }
        var contentStart = cursor
        while contentStart < lineEnd, ASCII.isSpaceOrTab(bytes[contentStart]) { contentStart += 1 }
        var contentEnd = lineEnd
        while contentEnd > contentStart, ASCII.isSpaceOrTab(bytes[contentEnd - 1]) { contentEnd -= 1 }
        var hashes = contentEnd
        while hashes > contentStart, bytes[hashes - 1] == ASCII.hash { hashes -= 1 }
        if hashes < contentEnd {
            if hashes == contentStart {
                contentEnd = contentStart
            } else if ASCII.isSpaceOrTab(bytes[hashes - 1]) {
                contentEnd = hashes
                while contentEnd > contentStart, ASCII.isSpaceOrTab(bytes[contentEnd - 1]) { contentEnd -= 1 }
            }
        }
        return (level, contentStart..<contentEnd)
    }

    /// Three or more backticks or tildes (a backtick fence's info string has no backtick).
    private func openingFence() -> (length: Int, infoStart: Int)? {
        let fence = bytes[nextNonspace]
        var cursor = nextNonspace
        while cursor < lineEnd, bytes[cursor] == fence { cursor += 1 }
        let length = cursor - nextNonspace
        guard length >= 3 else { return nil }
        if fence == ASCII.backtick {
            var info = cursor
            while info < lineEnd {
                if bytes[info] == ASCII.backtick { return nil }
                info += 1
            }
        }
        return (length, cursor)
    }

    private func isClosingFence(_ block: OpenBlock) -> Bool {
        var cursor = nextNonspace
        while cursor < lineEnd, bytes[cursor] == block.fenceByte { cursor += 1 }
        guard cursor - nextNonspace >= block.fenceLength else { return false }
        while cursor < lineEnd, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        return cursor == lineEnd
    }

    /// `===` or `---` (any length, trailing spaces): the level of the setext heading it makes.
    private func setextLevel() -> Int? {
        let marker = bytes[nextNonspace]
        guard marker == ASCII.equals || marker == ASCII.hyphen else { return nil }
        var cursor = nextNonspace
        while cursor < lineEnd, bytes[cursor] == marker { cursor += 1 }
        while cursor < lineEnd, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        guard cursor == lineEnd else { return nil }
        return marker == ASCII.equals ? 1 : 2
    }

    /// Turns the paragraph at the tip into a heading, unless it held only reference definitions.
    private mutating func convertToSetextHeading(level: Int) -> Bool {
        guard let last = stack.indices.last, stack[last].kind == .paragraph else { return false }
        let firstLine = stack[last].firstLine
        guard takeDefinitions(firstLine: firstLine) else {
            // Only definitions: the paragraph is gone and this line starts something else.
            lines.removeSubrange(firstLine...)
            stack.removeLast()
            matched = min(matched, stack.count)
            return false
        }
        stack.removeLast()
        matched = min(matched, stack.count)
        leaves.append(
            LeafBlock(
                kind: .heading, level: level, range: lines[firstLine].start..<lineEnd,
                lines: firstLine..<lines.count))
        return true
    }

    private func isThematicBreak() -> Bool {
        let marker = bytes[nextNonspace]
        guard marker == ASCII.star || marker == ASCII.hyphen || marker == ASCII.underscore else { return false }
        var count = 0
        var cursor = nextNonspace
        while cursor < lineEnd {
            let byte = bytes[cursor]
            if byte == marker {
                count += 1
            } else if !ASCII.isSpaceOrTab(byte) {
                return false
            }
            cursor += 1
        }
        return count >= 3
    }

    /// A bullet (`-`, `+`, `*`) or ordered (`1.`, `1)`) list marker: opens a list item.
    private mutating func startListItem(interruptsParagraph: Bool) -> Bool {
        let first = bytes[nextNonspace]
        var markerEnd = nextNonspace
        var startsWithOne = false
        if first == ASCII.hyphen || first == ASCII.plus || first == ASCII.star {
            markerEnd += 1
        } else if ASCII.isDigit(first) {
            while markerEnd < lineEnd, ASCII.isDigit(bytes[markerEnd]), markerEnd - nextNonspace < 10 { markerEnd += 1 }
            let digits = markerEnd - nextNonspace
            guard digits <= 9, markerEnd < lineEnd,
                bytes[markerEnd] == ASCII.dot || bytes[markerEnd] == ASCII.closeParen
            else { return false }
            startsWithOne = bytes[nextNonspace..<markerEnd].drop(while: { $0 == 0x30 }).elementsEqual([0x31])
            markerEnd += 1
        } else {
            return false
        }
        guard markerEnd == lineEnd || ASCII.isSpaceOrTab(bytes[markerEnd]) else { return false }
        if interruptsParagraph {
            var rest = markerEnd
            while rest < lineEnd, ASCII.isSpaceOrTab(bytes[rest]) { rest += 1 }
            guard rest < lineEnd else { return false }
            if ASCII.isDigit(first), !startsWithOne { return false }
        }
        closeUnmatched()
        let markerOffset = indent
        let markerWidth = markerEnd - nextNonspace
        advanceNextNonspace()
        advanceOffset(markerWidth, columns: true)
        let spacesStartColumn = column
        let spacesStartOffset = offset
        let spacesStartPartial = partiallyConsumedTab
        repeat {
            advanceOffset(1, columns: true)
        } while column - spacesStartColumn < 5 && offset < lineEnd && ASCII.isSpaceOrTab(bytes[offset])
        let blankItem = offset >= lineEnd
        let spacesAfterMarker = column - spacesStartColumn
        let padding: Int
        if spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem {
            padding = markerWidth + 1
            column = spacesStartColumn
            offset = spacesStartOffset
            partiallyConsumedTab = spacesStartPartial
            if offset < lineEnd, ASCII.isSpaceOrTab(bytes[offset]) { advanceOffset(1, columns: true) }
        } else {
            padding = markerWidth + spacesAfterMarker
        }
        var item = OpenBlock(.listItem)
        item.contentIndent = markerOffset + padding
        push(item)
        return true
    }

    // MARK: - HTML blocks

    private static let rawTextTags: [[UInt8]] = ["pre", "script", "style", "textarea"].map { Array($0.utf8) }
    private static let blockTags: [String] = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ]
    /// `blockTags` by length, as bytes.
    private static let blockTagsByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 11)
        for tag in blockTags where tag.utf8.count < table.count { table[tag.utf8.count].append(Array(tag.utf8)) }
        return table
    }()
    private static let rawTextClosers: [[UInt8]] = ["</pre>", "</script>", "</style>", "</textarea>"].map {
        Array($0.utf8)
    }

    /// The start condition (1 to 7) of an HTML block starting at the current non-space, if any.
    private func htmlBlockStart(allowType7: Bool) -> Int? {
        let start = nextNonspace
        guard start + 1 < lineEnd else { return nil }
        let second = bytes[start + 1]
        if ASCII.isLetter(second) {
            for tag in Self.rawTextTags where ASCII.hasPrefix(bytes, at: start + 1, end: lineEnd, caseInsensitive: tag) {
                let after = start + 1 + tag.count
                if after == lineEnd || ASCII.isSpaceOrTab(bytes[after]) || bytes[after] == ASCII.greaterThan {
                    return 1
                }
            }
        }
        if HTMLSyntax.isCommentStart(bytes, at: start, end: lineEnd) { return 2 }
        if second == ASCII.question { return 3 }
        if second == ASCII.bang, start + 2 < lineEnd {
            if ASCII.isLetter(bytes[start + 2]) { return 4 }
            if HTMLSyntax.matches(bytes, at: start, end: lineEnd, HTMLSyntax.cdataOpen) { return 5 }
        }
        var nameStart = start + 1
        if second == ASCII.slash { nameStart += 1 }
        var nameEnd = nameStart
        while nameEnd < lineEnd, ASCII.isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
        if nameEnd > nameStart, nameEnd - nameStart <= 10, ASCII.isLetter(bytes[nameStart]) {
            let isBlockTag = Self.blockTagsByLength[nameEnd - nameStart].contains {
                ASCII.hasPrefix(bytes, at: nameStart, end: nameEnd, caseInsensitive: $0)
            }
            if isBlockTag {
                if nameEnd == lineEnd || ASCII.isSpaceOrTab(bytes[nameEnd]) || bytes[nameEnd] == ASCII.greaterThan
                    || (bytes[nameEnd] == ASCII.slash && nameEnd + 1 < lineEnd && bytes[nameEnd + 1] == ASCII.greaterThan)
                {
                    return 6
                }
            }
        }
        guard allowType7 else { return nil }
        var tagEnd: Int?
        if second == ASCII.slash {
            tagEnd = HTMLSyntax.closingTag(bytes, at: start, end: lineEnd)
        } else if let tag = HTMLSyntax.openTagEnd(bytes, at: start, end: lineEnd) {
            let isRawText = Self.rawTextTags.contains { HTMLSyntax.nameIs(bytes, tag.name, $0) }
            tagEnd = isRawText ? nil : tag.next
        }
        guard var cursor = tagEnd else { return nil }
        while cursor < lineEnd, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        return cursor == lineEnd ? 7 : nil
    }

    /// Whether the line (from `from`) holds the end condition of an HTML block of `type` 1 to 5.
    private func htmlBlockEnds(type: Int, from: Int) -> Bool {
        switch type {
        case 1:
            var cursor = from
            while cursor < lineEnd {
                if bytes[cursor] == ASCII.lessThan {
                    for closer in Self.rawTextClosers
                    where ASCII.hasPrefix(bytes, at: cursor, end: lineEnd, caseInsensitive: closer) {
                        return true
                    }
                }
                cursor += 1
            }
            return false
        case 2: return HTMLSyntax.find(HTMLSyntax.commentClose, in: bytes, from: from, end: lineEnd) != nil
        case 3: return HTMLSyntax.find(HTMLSyntax.instructionClose, in: bytes, from: from, end: lineEnd) != nil
        case 4: return HTMLSyntax.find([ASCII.greaterThan], in: bytes, from: from, end: lineEnd) != nil
        case 5: return HTMLSyntax.find(HTMLSyntax.cdataClose, in: bytes, from: from, end: lineEnd) != nil
        default: return false
        }
    }
}
