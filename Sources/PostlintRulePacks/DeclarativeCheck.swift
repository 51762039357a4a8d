import PostlintCore

/// The behaviour of one declarative rule kind, built once from option values.
protocol DeclarativeCheck: Sendable {
    /// The default message template, with `{placeholders}`.
    var defaultMessage: String { get }
    /// Each finding: the values for the message's placeholders and where.
    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)]
}

extension DeclarativeCheck {
    /// The node of `field` (a canonical name mapped through the site's field names).
    func node(_ field: String, in document: Document, context: RuleContext) -> FrontMatterNode? {
        guard let root = document.frontMatter?.root else { return nil }
        return root[context.fieldNames.name(of: field)]
    }

    /// Where to point when a field is missing: the opening fence of the front matter.
    func missingFieldRange(in document: Document) -> ByteRange {
        document.frontMatter?.block.openingFence ?? 0..<0
    }
}

/// Keys of a finding's values that are not placeholders.
enum DeclarativeFindingKey {
    /// A message used as it is instead of the rule's template, for findings about the check itself
    /// (a pattern stopped by its step budget). No placeholder can name it: placeholders are letters,
    /// `-` and `_`.
    static let verbatimMessage = "\u{0}message"
}
