/// A block still open during the block pass: a container (block quote, list item) or the leaf
/// receiving lines (paragraph, code, HTML). Plain data: the lines of a paragraph or HTML block go
/// to the block pass's line list, from `firstLine` on.
struct OpenBlock {
    enum Kind: Equatable {
        case blockQuote, listItem, paragraph, fencedCode, indentedCode, html
    }

    var kind: Kind
    /// List item: the column its content starts at, relative to its parent's content.
    var contentIndent = 0
    /// List item: whether it holds a block yet (an item opened on a blank line holds none).
    var hasChild = false
    /// Fenced code: the fence's byte, length and indentation.
    var fenceByte: UInt8 = 0
    var fenceLength = 0
    var fenceIndent = 0
    /// HTML block: the start condition.
    var htmlType = 0
    /// Code blocks: where the block starts and where its last non-blank line ends, in the file.
    var start = 0
    var end = 0
    /// Paragraph and HTML block: where its lines start in the block pass's line list (they run to
    /// the list's end, the leaf being the tip of the stack).
    var firstLine = 0

    init(_ kind: Kind, start: Int = 0) {
        self.kind = kind
        self.start = start
        self.end = start
    }

    /// Whether the block receives lines itself rather than holding other blocks.
    var isLeaf: Bool { kind != .blockQuote && kind != .listItem }
}
