/// The front matter of a document: where it is and what it says.
public struct FrontMatter: Sendable {
    public var block: FrontMatterBlock
    /// The parsed root (a mapping for well-formed front matter), or nil when it did not parse.
    public var root: FrontMatterNode?
    /// Why the front matter did not parse, positioned in the file.
    public var syntaxError: FrontMatterSyntaxError?
    /// Keys given more than once in a mapping, at any depth: each earlier occurrence (the last
    /// value wins, as in YAML loaders), with its key's range.
    public var duplicateKeys: [FrontMatterEntry]
    /// What loaders accept but postlint reads only in part, such as a tag it does not know (the
    /// value is read as text); reported as warnings.
    public var notices: [FrontMatterSyntaxError]

    public init(
        block: FrontMatterBlock, root: FrontMatterNode?, syntaxError: FrontMatterSyntaxError?,
        duplicateKeys: [FrontMatterEntry] = [], notices: [FrontMatterSyntaxError] = []
    ) {
        self.block = block
        self.root = root
        self.syntaxError = syntaxError
        self.duplicateKeys = duplicateKeys
        self.notices = notices
    }
}

/// A front matter parse failure: the parser's reason and where in the file it happened.
public struct FrontMatterSyntaxError: Sendable, Equatable {
    public var reason: String
    public var offset: Int

    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}
