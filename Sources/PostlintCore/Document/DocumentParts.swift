/// The parts of a document a rule reads, so that a stage runs only when an enabled rule needs it.
public struct DocumentParts: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Bytes, decoding and line index only (always available).
    public static let source: DocumentParts = []
    /// The parsed front matter.
    public static let frontMatter = DocumentParts(rawValue: 1 << 0)
    /// The scanned Markdown body.
    public static let markdown = DocumentParts(rawValue: 1 << 1)
}
