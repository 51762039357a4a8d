import PostlintCore

/// The inline pass over one paragraph or heading: code spans, autolinks, raw HTML, links and
/// images, left to right with a bracket stack, as the CommonMark algorithm does. Every scan that
/// looks ahead stops at a byte that a later scan from further on could not pass, so the pass stays
/// linear; emphasis only matters for plain text (alt text, link text, heading text).
///
/// One parser reads block after block (`load`, then `run`), keeping its buffers' capacity. Text
/// pieces are ranges of the block's bytes or of a side buffer, and are only kept where they may
/// be read: everywhere for plain text, else inside a bracket that may become a link or image.
struct InlineParser {
    /// Longest plain text kept for one link text or alt text, in bytes.
    static let maxPlainText = 1024
    /// How far back a closing emphasis delimiter looks for its opener (plain text only).
    static let maxEmphasisLookback = 64
    /// Most brackets open at once (see `dropOldestBrackets`).
    static let maxOpenBrackets = ParserLimits.markdownOpenBrackets

    private struct Piece {
        /// The piece's text: `start..<end` of the block's bytes, or of `extra` when `inExtra`.
        var start = 0
        var end = 0
        var inExtra = false
        var delimiter: UInt8 = 0
        var count = 0
        var originalCount = 0
        var canOpen = false
        var canClose = false
    }

    private struct Bracket {
        var position: Int
        var isImage: Bool
        var pieceIndex: Int
        /// The size of `extra` when the bracket was pushed (later pieces' text is after it).
        var extraCount: Int
        var bracketAfter = false
    }

    /// The block being read (see `load`).
    private(set) var text: BlockText
    /// What the blocks read so far hold, positioned in the file. Each block's images, links and
    /// comments go straight to the end of these lists (a block's are in order, and blocks are
    /// read in order), rather than to lists of their own copied over after each block.
    var body = MarkdownBody()
    /// Code spans and comments found so far (with whatever the caller put first).
    var excluded: [ByteRange] = []
    /// How many images and links `body` held when the current block started.
    private var blockImagesStart = 0
    private var blockLinksStart = 0
    /// `text.bytes`, shared; the block is `bytes[blockStart..<end]`.
    private var bytes: [UInt8] = []
    private var blockStart = 0
    private var end = 0
    /// Where each reference definition's key is in `body.referenceDefinitions`.
    private let definitions: [String: Int32]
    /// Whether shortcuts for common text may be taken (see `MarkdownScanner.scan`).
    private let fastPaths: Bool
    private var wantsPlainText = false
    private var pieces: [Piece] = []
    /// Text of pieces that is not in the block as written (decoded, joined, trimmed).
    private var extra: [UInt8] = []
    /// `flatten`'s output.
    private var flat: [UInt8] = []
    private var openers: [Int] = []
    private var brackets: [Bracket] = []
    private var inactiveBelow = 0
    /// Where the last backtick run of each length that `closingRun`'s searches passed starts
    /// (the index is the length, up to `trackedRunLength`; -1 for none); longer runs are in
    /// `lastLongRun`.
    private var lastRunOfLength: [Int] = []
    private var lastLongRun: [Int: Int] = [:]
    /// Whether a search for a closing run read to the block's end.
    private var runsReadToEnd = false
    /// Whether `lastRunOfLength` or `lastLongRun` holds anything of this block.
    private var runsRecorded = false
    private static let trackedRunLength = 32
    private var markerCache: [UInt8: (from: Int, at: Int?)] = [:]

    /// The bytes that may start something other than text.
    private static let special = SpecialBytes.table
    /// The special bytes that matter when no text is kept (a paragraph outside brackets).
    private static let structural = StructuralBytes.table

    init(definitions: [String: Int32], fastPaths: Bool = true) {
        self.definitions = definitions
        self.fastPaths = fastPaths
        text = BlockText(readsInPlace: fastPaths)
    }

    /// Makes `lines` of `source` the block to read.
    mutating func load(_ source: [UInt8], lines: ArraySlice<LineSpan>) {
        // A joined text must have one owner, `text`, to be refilled in place. A text read in
        // place is the file's bytes, kept from block to block.
        if !text.inPlace { bytes = [] }
        text.load(source, lines: lines)
        if !bytes.sharesStorage(with: text.bytes) { bytes = text.bytes }
        blockStart = text.start
        end = text.end
    }

    /// Reads the loaded block as an HTML block of start condition `type` (see `HTMLBlockReader`).
    mutating func readHTMLBlock(type: Int) {
        HTMLBlockReader.read(text, type: type, into: &body, excluded: &excluded)
    }

    /// Runs the pass over the loaded block (a paragraph), adding what it finds to `body` and
    /// `excluded`.
    mutating func run() {
        readBlock(wantsPlainText: false)
    }

    /// `run()` for a heading, which also gives its plain text: as a range of the file's bytes when
    /// the text is one plain piece of ASCII read in place (no string is made for it), else as a
    /// string.
    mutating func runForText() -> (fileRange: Range<Int>?, text: String) {
        readBlock(wantsPlainText: true)
        if let range = plainTextInFile() { return (range, "") }
        return (nil, plainText())
    }

    private mutating func readBlock(wantsPlainText: Bool) {
        self.wantsPlainText = wantsPlainText
        pieces.removeAllKeepingCapacity()
        extra.removeAllKeepingCapacity()
        brackets.removeAllKeepingCapacity()
        inactiveBelow = 0
        blockImagesStart = body.images.count
        blockLinksStart = body.links.count
        if runsRecorded {
            for index in lastRunOfLength.indices { lastRunOfLength[index] = -1 }
            lastLongRun.removeAll()
            runsRecorded = false
        }
        runsReadToEnd = false
        if !markerCache.isEmpty { markerCache.removeAll(keepingCapacity: true) }
        var cursor = blockStart
        while cursor < end {
            let byte = bytes[cursor]
            if fastPaths, !keepsPieces {
                if !Self.structural[Int(byte)] {
                    cursor = Self.endOfStructuralText(bytes, from: cursor, end: end)
                    continue
                }
            } else if !Self.special[Int(byte)] {
                let start = cursor
                cursor = Self.endOfText(bytes, from: cursor, end: end)
                appendText(start..<cursor)
                continue
            }
            switch byte {
            case ASCII.backslash:
                if cursor + 1 < end, ASCII.isPunctuation(bytes[cursor + 1]) {
                    appendText((cursor + 1)..<(cursor + 2))
                    cursor += 2
                } else {
                    appendText(cursor..<(cursor + 1))
                    cursor += 1
                }
            case ASCII.backtick:
                cursor = codeSpan(at: cursor)
            case ASCII.star, ASCII.underscore:
                cursor = delimiterRun(at: cursor)
            case ASCII.bang:
                if cursor + 1 < end, bytes[cursor + 1] == ASCII.openBracket {
                    pushBracket(at: cursor, isImage: true)
                    cursor += 2
                } else {
                    appendText(cursor..<(cursor + 1))
                    cursor += 1
                }
            case ASCII.openBracket:
                pushBracket(at: cursor, isImage: false)
                cursor += 1
            case ASCII.closeBracket:
                cursor = closeBracket(at: cursor)
            case ASCII.lessThan:
                cursor = angle(at: cursor)
            case ASCII.ampersand:
                if let (decoded, next) = EntityDecoder.decode(bytes, at: cursor, end: end) {
                    appendExtra(decoded.utf8)
                    cursor = next
                } else {
                    appendText(cursor..<(cursor + 1))
                    cursor += 1
                }
            default:  // line ending inside the block
                appendExtra(CollectionOfOne(ASCII.space))
                cursor += 1
            }
        }
    }

    // MARK: - Text and pieces

    /// The index of the first special byte of `bytes` at or after `start`, or `end`.
    @inline(never)
    static func endOfText(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
        firstByte(of: SpecialBytes.self, in: bytes, from: start, end: end)
    }

    /// The index of the first structural byte of `bytes` at or after `start`, or `end`.
    @inline(never)
    static func endOfStructuralText(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
        firstByte(of: StructuralBytes.self, in: bytes, from: start, end: end)
    }

    /// The index of the first byte of `bytes` at or after `start` that is in `Set`, or `end`.
    ///
    /// Most of a block is plain text: 32 bytes a step are tested for candidates at once (a
    /// superset of the set), and a step may read past `end` while the array has bytes there (a
    /// block read in place is followed by the rest of the file), its candidates from `end` on
    /// being ignored. Each candidate is confirmed in the set's table.
    @inline(__always)
    private static func firstByte<Set: InlineByteSet>(
        of _: Set.Type, in bytes: [UInt8], from start: Int,
        end: Int
    ) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            Set.table.withUnsafeBufferPointer { table in
                guard let base = buffer.baseAddress, let inSet = table.baseAddress, table.count == 256 else {
                    return end
                }
                let limit = min(end, buffer.count)
                var cursor = start
                let raw = UnsafeRawPointer(base)
                while cursor < limit, cursor + 32 <= buffer.count {
                    let low = Set.candidates(raw.loadUnaligned(fromByteOffset: cursor, as: SIMD16<UInt8>.self))
                    let high = Set.candidates(raw.loadUnaligned(fromByteOffset: cursor + 16, as: SIMD16<UInt8>.self))
                    if (low[0] | low[1]) | (high[0] | high[1]) != 0 {
                        if let found = firstInSet(low[0], at: cursor, limit: limit, base, inSet)
                            ?? firstInSet(low[1], at: cursor + 8, limit: limit, base, inSet)
                            ?? firstInSet(high[0], at: cursor + 16, limit: limit, base, inSet)
                            ?? firstInSet(high[1], at: cursor + 24, limit: limit, base, inSet)
                        {
                            return found
                        }
                    }
                    cursor += 32
                }
                if cursor >= limit { return limit }
                while cursor < limit, !inSet[Int(base[cursor])] { cursor += 1 }
                return cursor
            }
        }
    }

    /// The first byte in the set among the eight from `position` whose lanes are set in
    /// `candidates`, `limit` when a candidate is at or past it, or nil.
    @inline(__always)
    private static func firstInSet(
        _ candidates: UInt64, at position: Int, limit: Int,
        _ base: UnsafePointer<UInt8>, _ inSet: UnsafePointer<Bool>
    ) -> Int? {
        var candidates = candidates
        while candidates != 0 {
            let shift = candidates.trailingZeroBitCount & ~7
            let index = position + shift / 8
            if index >= limit { return limit }
            if inSet[Int(base[index])] { return index }
            candidates &= ~(0xFF << UInt64(shift))
        }
        return nil
    }

    /// Whether pieces are kept: nothing reads those before the first open bracket unless plain
    /// text is asked for.
    private var keepsPieces: Bool { wantsPlainText || !brackets.isEmpty }

    private mutating func appendText(_ range: Range<Int>) {
        guard keepsPieces else { return }
        pieces.append(Piece(start: range.lowerBound, end: range.upperBound))
    }

    /// Appends a piece of text that is not in the block as written.
    private mutating func appendExtra<Text: Collection<UInt8>>(_ text: Text) {
        guard keepsPieces else { return }
        let start = extra.count
        extra.append(contentsOf: text)
        pieces.append(Piece(start: start, end: extra.count, inExtra: true))
    }

    private mutating func popBracket() {
        brackets.removeLast()
        inactiveBelow = min(inactiveBelow, brackets.count)
        if !keepsPieces {
            pieces.removeAll(keepingCapacity: true)
            extra.removeAll(keepingCapacity: true)
        }
    }

    private mutating func pushBracket(at position: Int, isImage: Bool) {
        if brackets.count >= Self.maxOpenBrackets { dropOldestBrackets() }
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(Bracket(position: position, isImage: isImage, pieceIndex: pieces.count, extraCount: extra.count))
        // The piece's text is the `![` or `[` as written.
        pieces.append(Piece(start: position, end: position + (isImage ? 2 : 1)))
    }

    /// Forgets the older half of the open brackets (see `ParserLimits.markdownOpenBrackets`): they
    /// stay text, as brackets that never close do, so the stack and the pieces it keeps stay
    /// bounded however many brackets a block opens. The pieces before the oldest bracket kept are
    /// then read by nothing but a heading's plain text: they become one piece of that text, or go.
    private mutating func dropOldestBrackets() {
        let dropped = brackets.count - Self.maxOpenBrackets / 2
        let bottom = brackets[dropped]
        brackets.removeSubrange(0..<dropped)
        inactiveBelow = max(0, inactiveBelow - dropped)
        let cut = bottom.pieceIndex
        var kept: [UInt8] = []
        if wantsPlainText {
            processEmphasis(from: 0, to: cut)
            flatten(from: 0, to: cut, limit: Int.max)
            kept = flat
        }
        pieces.removeSubrange(0..<cut)
        extra.removeSubrange(0..<min(bottom.extraCount, extra.count))
        let extraShift = kept.count - bottom.extraCount
        if !kept.isEmpty {
            extra.insert(contentsOf: kept, at: 0)
            pieces.insert(Piece(start: 0, end: kept.count, inExtra: true), at: 0)
        }
        let pieceShift = (kept.isEmpty ? 0 : 1) - cut
        for index in pieces.indices where pieces[index].inExtra && !(index == 0 && !kept.isEmpty) {
            pieces[index].start += extraShift
            pieces[index].end += extraShift
        }
        for index in brackets.indices {
            brackets[index].pieceIndex += pieceShift
            brackets[index].extraCount += extraShift
        }
    }

    /// The pieces from `start` as text into `flat`, emphasis already resolved, cut at `limit`
    /// bytes on a character boundary.
    private mutating func flatten(from start: Int, to stop: Int? = nil, limit: Int) {
        flat.removeAll(keepingCapacity: true)
        for index in start..<(stop ?? pieces.count) {
            let piece = pieces[index]
            let room = max(0, limit - flat.count)
            if piece.delimiter != 0 {
                for _ in 0..<min(piece.count, room) { flat.append(piece.delimiter) }
            } else {
                let upper = piece.start + min(room, piece.end - piece.start)
                let source = piece.inExtra ? extra : bytes
                source.withUnsafeBufferPointer { buffer in
                    flat.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[piece.start..<upper]))
                }
            }
            if flat.count >= limit { break }
        }
        if flat.count >= limit {
            while let last = flat.last, last & 0xC0 == 0x80 { flat.removeLast() }
            if let last = flat.last, last >= 0xC0 { flat.removeLast() }
        }
    }

    /// The block's plain text, trimmed: emphasis resolved and the pieces joined. Most headings
    /// are one piece of text as written (no markup at all), which is read where it is.
    private mutating func plainText() -> String {
        if fastPaths, pieces.count <= 1, pieces.first?.delimiter ?? 0 == 0 {
            guard let piece = pieces.first else { return "" }
            let source = piece.inExtra ? extra : bytes
            return source.withUnsafeBufferPointer { buffer in
                Self.trimmedString(UnsafeBufferPointer(rebasing: buffer[piece.start..<piece.end]))
            }
        }
        processEmphasis(from: 0)
        flatten(from: 0, limit: Int.max)
        return flat.withUnsafeBufferPointer { Self.trimmedString($0) }
    }

    /// Where `plainText()` is in the file, when it is the file's bytes as they are: the fast
    /// path's one plain piece, of ASCII (trimmed of spaces as `trimmedString` trims it), in a
    /// block read in place.
    private func plainTextInFile() -> Range<Int>? {
        guard fastPaths, text.inPlace, pieces.count <= 1, pieces.first?.delimiter ?? 0 == 0 else { return nil }
        guard let piece = pieces.first else { return blockStart..<blockStart }
        guard !piece.inExtra, piece.start <= piece.end, piece.end <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            let slice = UnsafeBufferPointer(rebasing: buffer[piece.start..<piece.end])
            guard ByteScanning.isASCII(slice) else { return nil }
            var lower = piece.start
            var upper = piece.end
            while lower < upper, buffer[lower] == ASCII.space { lower += 1 }
            while upper > lower, buffer[upper - 1] == ASCII.space { upper -= 1 }
            return lower..<upper
        }
    }

    /// The text of `bytes` without leading and trailing spaces.
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard ByteScanning.isASCII(bytes) else { return String(decoding: bytes, as: UTF8.self).trimmingSpaces() }
        // In ASCII text every space is a character of its own: trimming bytes is enough.
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == ASCII.space { lower += 1 }
        while upper > lower, bytes[upper - 1] == ASCII.space { upper -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }

    // MARK: - Code spans

    /// The start of the first run of exactly `length` backticks at or after `from` (right after
    /// an opening run, so not inside a run).
    ///
    /// As in cmark, a search reads forward only as far as the run it finds and remembers the last
    /// run of each length it passed. Once a search has read to the block's end, a length whose
    /// last run starts before `from` has none after it, and no reading is needed: openers come
    /// left to right, so that search started at or before `from`. A successful search's text is
    /// skipped by the inline pass (it is the code span), so all searches read the block about
    /// once.
    private mutating func closingRun(length: Int, from: Int) -> Int? {
        if runsReadToEnd, lastRun(ofLength: length) < from { return nil }
        if lastRunOfLength.isEmpty {
            lastRunOfLength = [Int](repeating: -1, count: Self.trackedRunLength + 1)
        }
        runsRecorded = true
        let limit = min(end, bytes.count)
        var cursor = from
        while cursor < limit {
            let runStart = bytes.withUnsafeBufferPointer { whole in
                // Only the block: the bytes after it may be the rest of the file.
                ByteScanning.firstIndex(
                    of: ASCII.backtick, in: UnsafeBufferPointer(rebasing: whole[..<limit]),
                    from: cursor)
            }
            guard let runStart else { break }
            cursor = runStart + 1
            while cursor < limit, bytes[cursor] == ASCII.backtick { cursor += 1 }
            let runLength = cursor - runStart
            // A later search may pass a run an earlier one passed: keep the last run's start.
            if runLength <= Self.trackedRunLength {
                lastRunOfLength[runLength] = max(lastRunOfLength[runLength], runStart)
            } else {
                lastLongRun[runLength] = max(lastLongRun[runLength] ?? -1, runStart)
            }
            if runLength == length { return runStart }
        }
        runsReadToEnd = true
        return nil
    }

    /// The start of the last run of `length` backticks the searches passed, or -1.
    private func lastRun(ofLength length: Int) -> Int {
        if length <= Self.trackedRunLength { return lastRunOfLength.isEmpty ? -1 : lastRunOfLength[length] }
        return lastLongRun[length] ?? -1
    }

    private mutating func codeSpan(at start: Int) -> Int {
        var cursor = start
        while cursor < end, bytes[cursor] == ASCII.backtick { cursor += 1 }
        let length = cursor - start
        guard let close = closingRun(length: length, from: cursor) else {
            appendText(start..<cursor)
            return cursor
        }
        if keepsPieces {
            // The content with line endings as spaces, and one space each side stripped when
            // both are there and something else is too.
            var lower = extra.count
            for byte in bytes[cursor..<close] { extra.append(byte == ASCII.newline ? ASCII.space : byte) }
            var upper = extra.count
            if upper - lower >= 2, extra[lower] == ASCII.space, extra[upper - 1] == ASCII.space,
                extra[lower..<upper].contains(where: { $0 != ASCII.space })
            {
                lower += 1
                upper -= 1
            }
            pieces.append(Piece(start: lower, end: upper, inExtra: true))
        }
        excluded.append(text.fileRange(start..<(close + length)))
        return close + length
    }

    // MARK: - Emphasis (for plain text)

    private mutating func delimiterRun(at runStart: Int) -> Int {
        let delimiter = bytes[runStart]
        var cursor = runStart
        while cursor < end, bytes[cursor] == delimiter { cursor += 1 }
        // The block's first byte has nothing before it (the file's byte there is not the block's).
        let before = runStart > blockStart ? bytes[runStart - 1] : ASCII.space
        let after = cursor < end ? bytes[cursor] : ASCII.space
        let beforeSpace = ASCII.isWhitespace(before)
        let afterSpace = ASCII.isWhitespace(after)
        let beforePunctuation = ASCII.isPunctuation(before)
        let afterPunctuation = ASCII.isPunctuation(after)
        let leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        var piece = Piece(delimiter: delimiter, count: cursor - runStart, originalCount: cursor - runStart)
        if delimiter == ASCII.star {
            piece.canOpen = leftFlanking
            piece.canClose = rightFlanking
        } else {
            piece.canOpen = leftFlanking && (!rightFlanking || beforePunctuation)
            piece.canClose = rightFlanking && (!leftFlanking || afterPunctuation)
        }
        if keepsPieces { pieces.append(piece) }
        return cursor
    }

    /// Matches emphasis delimiters among the pieces from `start`, leaving only unmatched
    /// delimiter characters to show as text.
    private mutating func processEmphasis(from start: Int, to stop: Int? = nil) {
        let stop = stop ?? pieces.count
        openers.removeAll(keepingCapacity: true)
        for index in start..<stop where pieces[index].delimiter != 0 {
            if pieces[index].canClose {
                var candidate = openers.count - 1
                var looked = 0
                while pieces[index].count > 0, candidate >= 0, looked < Self.maxEmphasisLookback {
                    let opener = openers[candidate]
                    let closer = pieces[index]
                    let both = pieces[opener].canClose || closer.canOpen
                    let sum = pieces[opener].originalCount + closer.originalCount
                    let oddMatch =
                        both && sum % 3 == 0
                        && !(pieces[opener].originalCount % 3 == 0 && closer.originalCount % 3 == 0)
                    if pieces[opener].delimiter == closer.delimiter, pieces[opener].count > 0, !oddMatch {
                        let use = pieces[opener].count >= 2 && closer.count >= 2 ? 2 : 1
                        pieces[opener].count -= use
                        pieces[index].count -= use
                        openers.removeSubrange((candidate + 1)...)
                        if pieces[opener].count == 0 {
                            openers.removeLast()
                            candidate -= 1
                        }
                        continue
                    }
                    candidate -= 1
                    looked += 1
                }
            }
            if pieces[index].count > 0, pieces[index].canOpen { openers.append(index) }
        }
        for index in start..<stop where pieces[index].delimiter != 0 {
            pieces[index].canOpen = false
            pieces[index].canClose = false
        }
    }

    // MARK: - Links and images

    private mutating func closeBracket(at position: Int) -> Int {
        guard let opener = brackets.last else {
            appendText(position..<(position + 1))
            return position + 1
        }
        if !opener.isImage, brackets.count - 1 < inactiveBelow {
            popBracket()
            appendText(position..<(position + 1))
            return position + 1
        }
        let textStart = opener.position + (opener.isImage ? 2 : 1)
        var destination: String?
        var destinationRange: Range<Int> = 0..<0
        var destinationIsFileRange = false
        var title: String?
        var next = position + 1
        var kind = MarkdownLink.Kind.inline
        if let inline = inlineLinkTail(after: position) {
            destination = LinkSyntax.unescape(bytes, inline.destination)
            destinationRange = inline.destination
            title = inline.title.map { LinkSyntax.unescape(bytes, $0) }
            next = inline.next
        } else {
            // A full reference `[text][label]`; a collapsed `[text][]` or shortcut `[text]` uses
            // the text itself, unless a bracket was opened inside it.
            var key: String?
            var afterLabel = position + 1
            let ownLabel = !opener.bracketAfter && position - textStart <= LinkSyntax.maxLabelLength
            if let label = LinkSyntax.label(bytes, at: position + 1, end: end, allowBlank: true) {
                afterLabel = label.next
                if !label.raw.isEmpty {
                    key = LinkSyntax.normalizedLabel(bytes, label.raw)
                } else if ownLabel {
                    key = LinkSyntax.normalizedLabel(bytes, textStart..<position)
                }
            } else if ownLabel {
                key = LinkSyntax.normalizedLabel(bytes, textStart..<position)
            }
            if let key, !key.isEmpty, let index = definitions[key], Int(index) < body.referenceDefinitions.count {
                let definition = body.referenceDefinitions[Int(index)]
                destination = definition.destination
                destinationRange = definition.destinationRange
                destinationIsFileRange = true
                title = definition.title
                next = afterLabel
                kind = .reference
            }
        }
        guard let destination else {
            popBracket()
            appendText(position..<(position + 1))
            return position + 1
        }
        let plain = takeLinkText(opener)
        popBracket()
        let range = text.fileRange(opener.position..<next)
        let fileDestination =
            destinationIsFileRange
            ? destinationRange
            : (destinationRange.isEmpty
                ? text.fileOffset(destinationRange.lowerBound)..<text.fileOffset(destinationRange.lowerBound)
                : text.fileRange(destinationRange))
        if opener.isImage {
            // Links and images inside a description render as its alt text only. They are the
            // block's last ones, those starting after the opener: file offsets grow with
            // positions in the block, and whatever closed after them encloses them.
            while body.images.count > blockImagesStart,
                body.images[body.images.count - 1].range.lowerBound > range.lowerBound
            {
                body.images.removeLast()
            }
            while body.links.count > blockLinksStart, body.links[body.links.count - 1].range.lowerBound > range.lowerBound {
                body.links.removeLast()
            }
            body.images.append(
                MarkdownImage(
                    kind: kind == .reference ? .reference : .inline, range: range,
                    destination: destination, destinationRange: fileDestination,
                    alt: plain, title: title))
        } else {
            body.links.append(
                MarkdownLink(
                    kind: kind, range: range, destination: destination,
                    destinationRange: fileDestination, text: plain, title: title))
            // No link inside a link: every earlier `[` is now inactive.
            inactiveBelow = brackets.count
        }
        return next
    }

    /// The plain text of the pieces after `opener` (a link's text or an image's description),
    /// which then become one piece of that text. Most such texts are one piece of text as
    /// written, which stays as it is.
    private mutating func takeLinkText(_ opener: Bracket) -> String {
        let first = opener.pieceIndex + 1
        if fastPaths, pieces.count == first + 1, pieces[first].delimiter == 0,
            pieces[first].end - pieces[first].start < Self.maxPlainText
        {
            let piece = pieces[first]
            let source = piece.inExtra ? extra : bytes
            let plain = source.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[piece.start..<piece.end]), as: UTF8.self)
            }
            pieces[opener.pieceIndex] = piece
            pieces.removeLast()
            // Text after the opener's share of `extra` is the piece's, if any.
            if !piece.inExtra, extra.count > opener.extraCount { extra.removeSubrange(opener.extraCount...) }
            return plain
        }
        processEmphasis(from: first)
        flatten(from: first, limit: Self.maxPlainText)
        let plain = String(decoding: flat, as: UTF8.self)
        pieces.removeSubrange(opener.pieceIndex...)
        extra.removeSubrange(min(opener.extraCount, extra.count)...)
        // `flat` is valid UTF-8 (pieces end on character boundaries, and so does the cut): the
        // same bytes as `plain`.
        let start = extra.count
        extra.append(contentsOf: flat)
        pieces.append(Piece(start: start, end: extra.count, inExtra: true))
        return plain
    }

    /// `(destination "title")` right after the `]` at `position`.
    private func inlineLinkTail(after position: Int) -> (destination: Range<Int>, title: Range<Int>?, next: Int)? {
        let open = position + 1
        guard open < end, bytes[open] == ASCII.openParen else { return nil }
        var cursor = open + 1
        while cursor < end, ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
        guard cursor < end else { return nil }
        if bytes[cursor] == ASCII.closeParen { return (cursor..<cursor, nil, cursor + 1) }
        guard let destination = LinkSyntax.destination(bytes, at: cursor, end: end) else { return nil }
        cursor = destination.next
        let beforeTitle = cursor
        while cursor < end, ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
        var title: Range<Int>?
        if cursor > beforeTitle, let parsed = LinkSyntax.title(bytes, at: cursor, end: end) {
            title = parsed.raw
            cursor = parsed.next
            while cursor < end, ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
        }
        guard cursor < end, bytes[cursor] == ASCII.closeParen else { return nil }
        return (destination.raw, title, cursor + 1)
    }

    // MARK: - Autolinks and raw HTML

    private mutating func angle(at start: Int) -> Int {
        if let next = autolink(at: start) { return next }
        if let next = rawHTML(at: start) { return next }
        appendText(start..<(start + 1))
        return start + 1
    }

    private mutating func autolink(at start: Int) -> Int? {
        var cursor = start + 1
        guard cursor < end else { return nil }
        // URI: scheme of 2 to 32 characters, a colon, no spaces, controls or angle brackets.
        if ASCII.isLetter(bytes[cursor]) {
            var scheme = cursor + 1
            while scheme < end, scheme - cursor <= 32,
                ASCII.isAlphanumeric(bytes[scheme]) || bytes[scheme] == ASCII.plus || bytes[scheme] == ASCII.dot
                    || bytes[scheme] == ASCII.hyphen
            {
                scheme += 1
            }
            let length = scheme - cursor
            if length >= 2, length <= 32, scheme < end, bytes[scheme] == ASCII.colon {
                var close = scheme + 1
                while close < end {
                    let byte = bytes[close]
                    if byte == ASCII.greaterThan || byte <= ASCII.space || byte == ASCII.lessThan || byte == 0x7F { break }
                    close += 1
                }
                if close < end, bytes[close] == ASCII.greaterThan {
                    let raw = (start + 1)..<close
                    let value = String(decoding: bytes[raw], as: UTF8.self)
                    recordAutolink(start: start, next: close + 1, raw: raw, destination: value)
                    return close + 1
                }
            }
        }
        // Email address.
        while cursor < end, isEmailLocalByte(bytes[cursor]) { cursor += 1 }
        guard cursor > start + 1, cursor < end, bytes[cursor] == ASCII.at else { return nil }
        cursor += 1
        var labelStart = cursor
        while true {
            guard cursor < end, ASCII.isAlphanumeric(bytes[cursor]) else { return nil }
            while cursor < end, cursor - labelStart < 63, ASCII.isAlphanumeric(bytes[cursor]) || bytes[cursor] == ASCII.hyphen {
                cursor += 1
            }
            guard bytes[cursor - 1] != ASCII.hyphen else { return nil }
            if cursor < end, bytes[cursor] == ASCII.dot {
                cursor += 1
                labelStart = cursor
                continue
            }
            break
        }
        guard cursor < end, bytes[cursor] == ASCII.greaterThan else { return nil }
        let raw = (start + 1)..<cursor
        recordAutolink(
            start: start, next: cursor + 1, raw: raw,
            destination: "mailto:" + String(decoding: bytes[raw], as: UTF8.self))
        return cursor + 1
    }

    private static let emailLocal: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in Array(".!#$%&'*+/=?^_`{|}~-".utf8) { table[Int(byte)] = true }
        return table
    }()

    private func isEmailLocalByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || Self.emailLocal[Int(byte)]
    }

    private mutating func recordAutolink(start: Int, next: Int, raw: Range<Int>, destination: String) {
        let label = String(decoding: bytes[raw], as: UTF8.self)
        appendExtra(label.utf8)
        body.links.append(
            MarkdownLink(
                kind: .autolink, range: text.fileRange(start..<next), destination: destination,
                destinationRange: text.fileRange(raw), text: label))
    }

    private mutating func rawHTML(at start: Int) -> Int? {
        guard start + 1 < end else { return nil }
        let second = bytes[start + 1]
        if second == ASCII.bang {
            if HTMLSyntax.isCommentStart(bytes, at: start, end: end) {
                guard let close = commentEnd(at: start) else { return nil }
                let range = text.fileRange(start..<close)
                let innerEnd = max(start + 4, close - 3)
                let inner = String(decoding: bytes[min(start + 4, innerEnd)..<innerEnd], as: UTF8.self)
                body.comments.append(MarkdownComment(range: range, text: inner))
                excluded.append(range)
                return close
            }
            if HTMLSyntax.matches(bytes, at: start, end: end, HTMLSyntax.cdataOpen) {
                return cachedFind(HTMLSyntax.cdataClose, key: 0x5D, from: start + 9).map { $0 + 3 }
            }
            if start + 2 < end, ASCII.isLetter(bytes[start + 2]) {
                return cachedFind([ASCII.greaterThan], key: ASCII.greaterThan, from: start + 2).map { $0 + 1 }
            }
            return nil
        }
        if second == ASCII.question {
            return cachedFind(HTMLSyntax.instructionClose, key: ASCII.question, from: start + 2).map { $0 + 2 }
        }
        if second == ASCII.slash { return HTMLSyntax.closingTag(bytes, at: start, end: end) }
        guard HTMLElementReader.mayHold(bytes, at: start, end: end) else {
            return HTMLSyntax.openTagEnd(bytes, at: start, end: end)?.next
        }
        guard let tag = HTMLSyntax.openTag(bytes, at: start, end: end) else { return nil }
        HTMLElementReader.read(tag, at: start, in: text, images: &body.images, links: &body.links)
        return tag.next
    }

    private mutating func commentEnd(at start: Int) -> Int? {
        if start + 4 < end, bytes[start + 4] == ASCII.greaterThan { return start + 5 }
        if start + 5 < end, bytes[start + 4] == ASCII.hyphen, bytes[start + 5] == ASCII.greaterThan { return start + 6 }
        return cachedFind(HTMLSyntax.commentClose, key: ASCII.hyphen, from: start + 4).map { $0 + 3 }
    }

    /// `HTMLSyntax.find` with its last answer remembered: searches start further on each time,
    /// so a marker that is missing is looked for once, not once per opener.
    private mutating func cachedFind(_ marker: [UInt8], key: UInt8, from: Int) -> Int? {
        if let cached = markerCache[key], cached.from <= from {
            guard let at = cached.at else { return nil }
            if at >= from { return at }
        }
        let at = HTMLSyntax.find(marker, in: bytes, from: from, end: end)
        markerCache[key] = (from, at)
        return at
    }
}

extension String {
    /// Without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// A set of bytes the inline pass stops at, with a vector test for them.
private protocol InlineByteSet {
    /// Whether each byte is in the set.
    static var table: [Bool] { get }
    /// One lane byte of 0xFF for each byte of `chunk` that may be in the set (every byte that
    /// is, and perhaps a few others), as two 64-bit halves, lowest byte first.
    static func candidates(_ chunk: SIMD16<UInt8>) -> SIMD2<UInt64>
}

extension InlineByteSet {
    static func makeTable(of bytes: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes.utf8 { table[Int(byte)] = true }
        return table
    }
}

/// The bytes that may start something other than text: escapes, code spans, emphasis, links and
/// images, raw HTML and autolinks, character references, line endings.
private enum SpecialBytes: InlineByteSet {
    static let table = makeTable(of: "\\`*_![]<&\n")

    /// `\n`, `*`, `!`, `&`, `<` (each, with bit 5 set, is one value; a few control bytes fold onto
    /// them), and `[` to `` ` `` (one range, `^` with them).
    @inline(__always)
    static func candidates(_ chunk: SIMD16<UInt8>) -> SIMD2<UInt64> {
        let folded = chunk | SIMD16(repeating: 0x20)
        var hit = SIMDMask<SIMD16<Int8>>()
        hit .|= folded .== SIMD16(repeating: ASCII.star)  // also `\n` (0x0A)
        hit .|= folded .== SIMD16(repeating: ASCII.bang)
        hit .|= folded .== SIMD16(repeating: ASCII.ampersand)
        hit .|= folded .== SIMD16(repeating: ASCII.lessThan)
        hit .|= (chunk &- SIMD16(repeating: ASCII.openBracket)) .< SIMD16(repeating: ASCII.backtick - ASCII.openBracket + 1)
        return unsafeBitCast(hit, to: SIMD2<UInt64>.self)
    }
}

/// The special bytes that matter when no text is kept (a paragraph outside brackets): those that
/// may start an escape, a code span, a link or image, raw HTML or an autolink. Emphasis
/// delimiters, character references and line endings there only make text, which nothing reads.
private enum StructuralBytes: InlineByteSet {
    static let table = makeTable(of: "\\`![]<")

    /// `!`, `<`, and `[` to `` ` `` (one range, `^` and `_` with them).
    @inline(__always)
    static func candidates(_ chunk: SIMD16<UInt8>) -> SIMD2<UInt64> {
        var hit = SIMDMask<SIMD16<Int8>>()
        hit .|= chunk .== SIMD16(repeating: ASCII.bang)
        hit .|= chunk .== SIMD16(repeating: ASCII.lessThan)
        hit .|= (chunk &- SIMD16(repeating: ASCII.openBracket)) .< SIMD16(repeating: ASCII.backtick - ASCII.openBracket + 1)
        return unsafeBitCast(hit, to: SIMD2<UInt64>.self)
    }
}
