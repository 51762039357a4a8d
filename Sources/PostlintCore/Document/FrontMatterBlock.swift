/// Where the front matter sits in a file.
public struct FrontMatterBlock: Sendable {
    public var format: FrontMatterFormat
    /// The opening fence line (`---` or `+++`), without its line ending.
    public var openingFence: ByteRange
    /// The text between the fences (whole lines, line endings included).
    public var content: ByteRange
    /// The closing fence line, or nil when the block is never closed.
    public var closingFence: ByteRange?
    /// The 0-based file line of the first content line.
    public var firstContentLine: Int

    public init(
        format: FrontMatterFormat, openingFence: ByteRange, content: ByteRange, closingFence: ByteRange?,
        firstContentLine: Int
    ) {
        self.format = format
        self.openingFence = openingFence
        self.content = content
        self.closingFence = closingFence
        self.firstContentLine = firstContentLine
    }
}
