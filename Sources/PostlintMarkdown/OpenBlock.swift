/// A block still open during the block pass: a container (block quote, list item) or the leaf
/// receiving lines (paragraph, code, HTML).
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
    /// Paragraph and HTML block: the lines so far.
    var text = BlockText()

    init(_ kind: Kind, start: Int = 0) {
        self.kind = kind
        self.start = start
        self.end = start
    }

    /// Whether the block receives lines itself rather than holding other blocks.
    var isLeaf: Bool { kind != .blockQuote && kind != .listItem }
}
