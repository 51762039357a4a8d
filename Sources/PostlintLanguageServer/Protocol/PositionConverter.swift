import PostlintCore
import PostlintJSON

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

    /// The LSP `Position` object of a byte offset.
    public func positionJSON(of offset: Int) -> JSONValue {
        let position = position(of: offset)
        return ["line": .int(position.line), "character": .int(position.character)]
    }

    /// The LSP `Range` object of a byte range.
    public func rangeJSON(of range: ByteRange) -> JSONValue {
        ["start": positionJSON(of: range.lowerBound), "end": positionJSON(of: range.upperBound)]
    }

    /// The byte offset of an LSP position. A position past the end of its line means the line's
    /// end, a line past the last means the end of the text, a negative value the start, and a
    /// position inside a character its start; `clamped` tells whether any of that happened.
    public func offset(line: Int, character: Int) -> (offset: Int, clamped: Bool) {
        if line < 0 || (line == 0 && character < 0) { return (0, true) }
        if line >= lineIndex.lineCount { return (lineIndex.byteCount, true) }
        let content = lineIndex.contentRange(ofLine: line)
        let requested = max(character, 0)
        let offset = lineIndex.offset(of: SourceLocation(line: line + 1, column: requested + 1),
                                      unit: encoding.columnUnit)
        let reached = lineIndex.location(of: offset, unit: encoding.columnUnit).column - 1
        return (offset, reached != requested || character < 0 || offset > content.upperBound)
    }

    /// The byte range of an LSP `Range` object, or nil when it is not one. Reversed ends are put
    /// in order.
    public func byteRange(of json: JSONValue) -> (range: ByteRange, clamped: Bool)? {
        guard let start = json["start"], let end = json["end"],
              let startLine = start["line"]?.intValue, let startCharacter = start["character"]?.intValue,
              let endLine = end["line"]?.intValue, let endCharacter = end["character"]?.intValue else { return nil }
        let lower = offset(line: startLine, character: startCharacter)
        let upper = offset(line: endLine, character: endCharacter)
        return (min(lower.offset, upper.offset)..<max(lower.offset, upper.offset), lower.clamped || upper.clamped)
    }
}
