/// A leaf block the block pass found, with its text for the inline pass.
enum LeafBlock {
    /// A paragraph (reference definitions already taken out).
    case paragraph(BlockText)
    /// An ATX or setext heading; `range` covers the whole heading.
    case heading(level: Int, text: BlockText, range: Range<Int>)
    /// An HTML block of start condition `type` (1 to 7).
    case html(type: Int, text: BlockText)
}
