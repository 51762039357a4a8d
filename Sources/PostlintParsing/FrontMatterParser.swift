import PostlintCore

/// Parses a front matter block with the parser of its format.
public enum FrontMatterParser {
    public static func parse(
        _ block: FrontMatterBlock, in source: SourceText,
        yamlVersion: YAMLVersion = .v1_1
    ) -> FrontMatter {
        guard block.closingFence != nil else {
            let reason = "front matter opened with \(block.format == .yaml ? "---" : "+++") is never closed"
            return FrontMatter(
                block: block, root: nil,
                syntaxError: FrontMatterSyntaxError(reason: reason, offset: block.openingFence.lowerBound))
        }
        switch block.format {
        case .yaml: return YAMLFrontMatterParser.parse(block, in: source, version: yamlVersion)
        case .toml: return TOMLFrontMatterParser.parse(block, in: source)
        }
    }
}
