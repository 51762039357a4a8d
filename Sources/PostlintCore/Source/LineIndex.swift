/// Maps byte offsets to 1-based line/column positions and back, built in one pass over the bytes.
///
/// LF, CRLF and a lone CR each end a line, so lines are the physical lines an editor shows.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Total number of bytes in the indexed text.
    public let byteCount: Int
    /// Whether any line ends in CR or CRLF (without one, every line ending is LF).
    public let containsCarriageReturn: Bool
    private let bytes: [UInt8]
    /// Whether every byte is ASCII (then every column unit is a byte).
    private let isASCII: Bool
    /// For text that is not ASCII: the number of scalars (bytes that are not continuation bytes)
    /// and of 4-byte sequences (two UTF-16 units each) before each block of `blockSize` bytes, so a
    /// column on a long line costs at most one block's walk, never the whole line.
    private let scalarsBeforeBlock: [Int]
    private let astralBeforeBlock: [Int]
    private static let blockSize = 1024
    /// Up to this many bytes (or column units), a column is counted by walking from the line's
    /// start: cheaper than the two block walks (up to a block each) the block counts need.
    private static let directWalkLimit = 256

    /// - Parameter knownASCII: whether every byte is ASCII, when the caller has found out already
    ///   (nil: found out here).
    public init(bytes: [UInt8], knownASCII: Bool? = nil) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        let count = bytes.count
        var ascii = true
        var carriageReturn = false
        bytes.withUnsafeBufferPointer { buffer in
            ascii = knownASCII ?? ByteScanning.isASCII(buffer)
            carriageReturn = ByteScanning.firstIndex(of: 0x0D, in: buffer, from: 0) != nil
            if !carriageReturn {
                // LF only (nearly every file): jump from line feed to line feed.
                var from = 0
                while let lineFeed = ByteScanning.firstIndex(of: 0x0A, in: buffer, from: from) {
                    starts.append(lineFeed + 1)
                    from = lineFeed + 1
                }
                return
            }
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A {
                        index += 1
                    }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        self.lineStarts = starts
        self.byteCount = count
        self.containsCarriageReturn = carriageReturn
        self.bytes = bytes
        self.isASCII = ascii
        var scalars: [Int] = []
        var astral: [Int] = []
        if !ascii {
            scalars.reserveCapacity(count / Self.blockSize + 1)
            astral.reserveCapacity(count / Self.blockSize + 1)
            var scalarTotal = 0
            var astralTotal = 0
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let raw = UnsafeRawPointer(base)
                let highs: UInt64 = 0x8080_8080_8080_8080
                var blockStart = 0
                while blockStart < count {
                    scalars.append(scalarTotal)
                    astral.append(astralTotal)
                    let blockEnd = min(blockStart + Self.blockSize, count)
                    // Eight bytes a step, each byte lane counting its continuation bytes
                    // (10xxxxxx) and 4-byte leads (11110xxx): at most 128 a lane in a block, so
                    // the lanes are added up once a block.
                    var continuationLanes: UInt64 = 0
                    var fourByteLeadLanes: UInt64 = 0
                    var index = blockStart
                    while index + 8 <= blockEnd {
                        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        continuationLanes &+= (word & ~(word << 1) & highs) >> 7
                        fourByteLeadLanes &+= (word & (word << 1) & (word << 2) & (word << 3) & highs) >> 7
                        index += 8
                    }
                    scalarTotal += index - blockStart - Self.sumOfLanes(continuationLanes)
                    astralTotal += Self.sumOfLanes(fourByteLeadLanes)
                    while index < blockEnd {
                        let byte = buffer[index]
                        if byte & 0xC0 != 0x80 { scalarTotal += 1 }
                        if byte >= 0xF0 { astralTotal += 1 }
                        index += 1
                    }
                    blockStart = blockEnd
                }
            }
            scalars.append(scalarTotal)
            astral.append(astralTotal)
        }
        self.scalarsBeforeBlock = scalars
        self.astralBeforeBlock = astral
    }

    /// The sum of the eight byte lanes of `lanes`, each at most 255: pairs of lanes added into
    /// 16-bit lanes, which a multiplication adds into its top 16 bits.
    @inline(__always)
    static func sumOfLanes(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// The number of lines (a trailing newline opens an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 0-based index of the line holding `offset` (clamped into the text).
    public func lineIndex(containing offset: Int) -> Int {
        let target = min(max(offset, 0), byteCount)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= target {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    /// The byte range of a 0-based line, without its line ending.
    public func contentRange(ofLine lineIndex: Int) -> ByteRange {
        guard lineIndex >= 0, lineIndex < lineStarts.count else { return byteCount..<byteCount }
        let start = lineStarts[lineIndex]
        var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : byteCount
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The 1-based line and column of a byte offset, the column counted in `unit`.
    public func location(of offset: Int, unit: ColumnUnit = .unicodeScalars) -> SourceLocation {
        let line = lineIndex(containing: offset)
        let start = lineStarts[line]
        let end = min(max(offset, 0), byteCount)
        if isASCII || unit == .utf8 { return SourceLocation(line: line + 1, column: end - start + 1) }
        if end - start <= Self.directWalkLimit {
            return SourceLocation(line: line + 1, column: units(from: start, to: end, unit) + 1)
        }
        return SourceLocation(line: line + 1, column: units(upTo: end, unit) - units(upTo: start, unit) + 1)
    }

    /// The byte offset of a 1-based line and column (column in `unit`), clamped to the line's end.
    public func offset(of location: SourceLocation, unit: ColumnUnit = .unicodeScalars) -> Int {
        let lineIndex = min(max(location.line - 1, 0), lineStarts.count - 1)
        let range = contentRange(ofLine: lineIndex)
        let column = max(location.column - 1, 0)
        if isASCII || unit == .utf8 { return min(range.lowerBound + column, range.upperBound) }
        if column <= Self.directWalkLimit { return walk(from: range.lowerBound, units: column, before: range.upperBound, unit) }
        let target = units(upTo: range.lowerBound, unit) + column
        // Start from the last block boundary whose count is not past the target (and not before the
        // line), on a scalar boundary, then walk at most a block.
        var block = max(0, min(range.lowerBound / Self.blockSize, scalarsBeforeBlock.count - 1))
        var high = min(range.upperBound / Self.blockSize, scalarsBeforeBlock.count - 1)
        while block < high {
            let middle = (block + high + 1) / 2
            if blockUnits(middle, unit) <= target { block = middle } else { high = middle - 1 }
        }
        var position = max(range.lowerBound, block * Self.blockSize)
        while position < range.upperBound, bytes[position] & 0xC0 == 0x80 { position += 1 }
        return walk(from: position, units: target - units(upTo: position, unit), before: range.upperBound, unit)
    }

    /// The offset `count` column units after `start` (a scalar boundary), stopping before a
    /// character the count would split and at `end`.
    private func walk(from start: Int, units count: Int, before end: Int, _ unit: ColumnUnit) -> Int {
        var position = start
        var walked = 0
        while position < end, walked < count {
            let width = Self.sequenceLength(bytes[position])
            let step = (unit == .utf16 && width == 4) ? 2 : 1
            if walked + step > count { break }
            walked += step
            position = min(position + width, end)
        }
        return position
    }

    /// Column units in `start..<end`, counted byte by byte.
    private func units(from start: Int, to end: Int, _ unit: ColumnUnit) -> Int {
        var scalars = 0
        var astral = 0
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte >= 0xF0 { astral += 1 }
            index += 1
        }
        return unit == .utf16 ? scalars + astral : scalars
    }

    /// Column units from the start of the text to `offset` (a scalar boundary).
    private func units(upTo offset: Int, _ unit: ColumnUnit) -> Int {
        if isASCII || unit == .utf8 { return offset }
        let block = offset / Self.blockSize
        return blockUnits(block, unit) + units(from: block * Self.blockSize, to: offset, unit)
    }

    private func blockUnits(_ block: Int, _ unit: ColumnUnit) -> Int {
        unit == .utf16 ? scalarsBeforeBlock[block] + astralBeforeBlock[block] : scalarsBeforeBlock[block]
    }

    /// Bytes in the UTF-8 sequence introduced by `lead`; an invalid lead byte counts as one.
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF4: return 4
        case 0xE0...0xEF: return 3
        case 0xC2...0xDF: return 2
        default: return 1
        }
    }
}
