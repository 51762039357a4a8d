import PostlintCore

/// A document the client has open: its text as the editor holds it, not as it is on disk.
struct OpenDocument: Sendable {
    let uri: String
    /// The absolute path the buffer is linted as.
    let absolutePath: String
    /// The path shown in messages (relative to the workspace when inside it).
    let displayPath: String
    var version: Int
    /// Increases with every change, whatever versions the client sends: what "stale" is checked against.
    var revision: Int
    var bytes: [UInt8]

    /// Applies the `contentChanges` of a `didChange`, in order. A change with a range replaces that
    /// range (out-of-range positions are clamped); one without replaces the whole text. Returns a
    /// warning for each change that had to be clamped or was not understood.
    mutating func apply(changes: [TextDocumentContentChangeEvent], encoding: PositionEncoding) -> [String] {
        var warnings: [String] = []
        for (position, change) in changes.enumerated() {
            guard let text = change.text else {
                warnings.append("change \(position) has no text; ignored")
                continue
            }
            switch change.range {
            case .wholeDocument:
                bytes = Array(text.utf8)
            case .malformed:
                warnings.append("change \(position) has a malformed range; ignored")
            case .range(let lspRange):
                let converter = PositionConverter(bytes: bytes, encoding: encoding)
                let (range, clamped) = converter.byteRange(of: lspRange)
                if clamped { warnings.append("change \(position) has a position outside the text; clamped to it") }
                bytes.replaceSubrange(range, with: Array(text.utf8))
            }
        }
        revision += 1
        return warnings
    }
}
