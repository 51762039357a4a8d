import PostlintCore

/// YAML front matter through `PositionedYAML`.
enum YAMLFrontMatterParser {
    static func parse(_ block: FrontMatterBlock, in source: SourceText, version: YAMLVersion = .v1_1) -> FrontMatter {
        let result = PositionedYAML.parse(source, content: block.content, version: version)
        return FrontMatter(block: block, root: result.root, syntaxError: result.error,
                           duplicateKeys: result.duplicateKeys, notices: result.notices)
    }
}
