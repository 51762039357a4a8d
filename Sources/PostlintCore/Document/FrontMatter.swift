/// The front matter of a document: where it is and what it says.
public struct FrontMatter: Sendable {
    public var block: FrontMatterBlock
    /// The parsed root (a mapping for well-formed front matter), or nil when it did not parse.
    public var root: FrontMatterNode?
    /// Why the front matter did not parse, positioned in the file.
    public var syntaxError: FrontMatterSyntaxError?
    /// Keys given more than once (the later value wins); each with its later key's range.
    public var duplicateKeys: [FrontMatterEntry]

    public init(block: FrontMatterBlock, root: FrontMatterNode?, syntaxError: FrontMatterSyntaxError?,
                duplicateKeys: [FrontMatterEntry] = []) {
        self.block = block
        self.root = root
        self.syntaxError = syntaxError
        self.duplicateKeys = duplicateKeys
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
