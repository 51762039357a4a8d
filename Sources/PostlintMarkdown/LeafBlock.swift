/// A line of a leaf block as the block pass found it: its bytes in the file, container markers
/// (`>`, list indentation) already skipped, line ending excluded.
struct LineSpan {
    var start: Int
    var end: Int
}

/// A leaf block the block pass found: what it is and where its lines are (a range of the block
/// pass's line list), for the inline pass. Plain data, so that the list of leaves costs one buffer.
struct LeafBlock {
    enum Kind {
        /// A paragraph (reference definitions already taken out).
        case paragraph
        /// An ATX or setext heading.
        case heading
        /// An HTML block.
        case html
    }

    var kind: Kind
    /// Heading: its level (1 to 6); HTML block: its start condition (1 to 7).
    var level: Int
    /// Heading: the whole heading; paragraph and HTML block: from the first line's start to the
    /// last line's end.
    var range: Range<Int>
    /// The block's lines, as indices into the block pass's line list.
    var lines: Range<Int>
}
