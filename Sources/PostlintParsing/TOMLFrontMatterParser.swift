import PostlintCore

/// TOML (Hugo and Zola `+++`) front matter, read in place by `TOMLParser` into the positioned tree.
enum TOMLFrontMatterParser {
    static func parse(_ block: FrontMatterBlock, in source: SourceText) -> FrontMatter {
        // The decoded bytes: an invalid byte reads as U+001A, a control character TOML refuses in
        // strings and comments, at the invalid byte's own offset.
        switch TOMLParser.parse(source.utf8, in: block.content) {
        case .success(var root):
            // The root mapping is the empty range at the content's start: findings about the
            // front matter as a whole point at its first byte.
            root.range = block.content.lowerBound..<block.content.lowerBound
            return FrontMatter(block: block, root: root, syntaxError: nil)
        case .failure(let problem):
            return FrontMatter(
                block: block, root: nil,
                syntaxError: FrontMatterSyntaxError(reason: problem.reason, offset: problem.offset))
        }
    }
}
