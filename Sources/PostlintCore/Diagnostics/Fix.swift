/// A replacement of one byte range of a file.
public struct TextEdit: Sendable, Hashable {
    public var range: ByteRange
    public var replacement: String

    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A change a rule proposes. Rules only propose; the engine applies fixes, and only under an
/// explicit fix command (or as an editor's code action).
public struct Fix: Sendable, Hashable {
    /// What the fix does, for people: "Remove the byte order mark".
    public var title: String
    public var edits: [TextEdit]

    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}
