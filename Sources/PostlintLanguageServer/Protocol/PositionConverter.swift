import PostlintCore

/// Converts between byte offsets into a buffer and LSP positions (0-based line, `character` in
/// the negotiated encoding), through the buffer's `LineIndex`.
public struct PositionConverter: Sendable {
    public let lineIndex: LineIndex
    public let encoding: PositionEncoding

    public init(lineIndex: LineIndex, encoding: PositionEncoding) {
        self.lineIndex = lineIndex
        self.encoding = encoding
    }

    public init(bytes: [UInt8], encoding: PositionEncoding) {
        self.init(lineIndex: LineIndex(bytes: bytes), encoding: encoding)
    }

    /// The LSP position of a byte offset.
    public func position(of offset: Int) -> (line: Int, character: Int) {
        let location = lineIndex.location(of: offset, unit: encoding.columnUnit)
        return (location.line - 1, location.column - 1)
    }

    /// The LSP `Range` of a byte range.
    public func range(of range: ByteRange) -> LSPRange {
        let start = position(of: range.lowerBound)
        let end = position(of: range.upperBound)
        return LSPRange(
            start: LSPPosition(line: start.line, character: start.character),
            end: LSPPosition(line: end.line, character: end.character))
    }

    /// The byte offset of an LSP position. A position past the end of its line means the line's
    /// end, a line past the last means the end of the text, a negative value the start, and a
    /// position inside a character its start; `clamped` tells whether any of that happened.
    public func offset(line: Int, character: Int) -> (offset: Int, clamped: Bool) {
        if line < 0 || (line == 0 && character < 0) { return (0, true) }
        if line >= lineIndex.lineCount { return (lineIndex.byteCount, true) }
        let content = lineIndex.contentRange(ofLine: line)
        let requested = max(character, 0)
        let offset = lineIndex.offset(
            of: SourceLocation(line: line + 1, column: requested + 1),
            unit: encoding.columnUnit)
        let reached = lineIndex.location(of: offset, unit: encoding.columnUnit).column - 1
        return (offset, reached != requested || character < 0 || offset > content.upperBound)
    }

    /// The byte range of an LSP `Range`, and whether either end was clamped. Reversed ends are
    /// put in order.
    public func byteRange(of range: LSPRange) -> (range: ByteRange, clamped: Bool) {
        let lower = offset(line: range.start.line, character: range.start.character)
        let upper = offset(line: range.end.line, character: range.end.character)
        return (min(lower.offset, upper.offset)..<max(lower.offset, upper.offset), lower.clamped || upper.clamped)
    }
}
