import PostlintCore

/// YAML front matter through `PositionedYAML`. Front matter is a mapping of fields, as TOML's
/// always is: an empty block (nothing, only comments, or `null`) is an empty mapping, so the
/// field rules report what is missing; a list or a single value is a syntax error at its start.
enum YAMLFrontMatterParser {
    static func parse(_ block: FrontMatterBlock, in source: SourceText, version: YAMLVersion = .v1_1) -> FrontMatter {
        let result = PositionedYAML.parse(source, content: block.content, version: version)
        guard result.error == nil else {
            return FrontMatter(
                block: block, root: result.root, syntaxError: result.error,
                duplicateKeys: result.duplicateKeys, notices: result.notices)
        }
        let start = block.content.lowerBound
        guard let root = result.root else {
            return FrontMatter(
                block: block, root: FrontMatterNode(value: .mapping([]), range: start..<start),
                syntaxError: nil, notices: result.notices)
        }
        switch root.value {
        case .mapping:
            return FrontMatter(
                block: block, root: root, syntaxError: nil, duplicateKeys: result.duplicateKeys,
                notices: result.notices)
        case .scalar(let scalar) where scalar.kind == .null:
            return FrontMatter(
                block: block, root: FrontMatterNode(value: .mapping([]), range: root.range),
                syntaxError: nil, notices: result.notices)
        default:
            let article = root.typeName.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            let reason = "front matter must be a mapping of fields (key: value), not \(article) \(root.typeName)"
            return FrontMatter(
                block: block, root: nil,
                syntaxError: FrontMatterSyntaxError(reason: reason, offset: root.range.lowerBound),
                notices: result.notices)
        }
    }
}
