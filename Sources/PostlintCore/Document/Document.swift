/// A parsed post: immutable, shareable across tasks, built once per file.
public struct Document: Sendable {
    /// The path as reported (the path given on the command line joined with the file below it).
    public let path: String
    public let source: SourceText
    /// nil when the file has no front matter.
    public let frontMatter: FrontMatter?
    /// The body: everything after the front matter's closing fence line.
    public let bodyRange: ByteRange
    /// The scanned Markdown body, or nil when no enabled rule needed it.
    public let body: MarkdownBody?

    public init(
        path: String, source: SourceText, frontMatter: FrontMatter?, bodyRange: ByteRange,
        body: MarkdownBody?
    ) {
        self.path = path
        self.source = source
        self.frontMatter = frontMatter
        self.bodyRange = bodyRange
        self.body = body
    }

    /// The front matter field `name`, if the front matter parsed and has it.
    public func field(_ name: String) -> FrontMatterNode? {
        frontMatter?.root?[name]
    }

    /// The 1-based location of a byte offset (columns in Unicode scalars).
    public func location(of offset: Int) -> SourceLocation {
        source.lineIndex.location(of: offset)
    }
}
