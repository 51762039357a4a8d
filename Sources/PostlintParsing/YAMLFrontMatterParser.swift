import PostlintCore

/// YAML front matter through `PositionedYAML`.
enum YAMLFrontMatterParser {
    static func parse(_ block: FrontMatterBlock, in source: SourceText) -> FrontMatter {
        let result = PositionedYAML.parse(source, content: block.content)
        return FrontMatter(block: block, root: result.root, syntaxError: result.error,
                           duplicateKeys: result.duplicateKeys)
    }
}
