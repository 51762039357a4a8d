import PostlintCore

/// Parses YAML that sits at a byte range of a file (front matter, a config, a rule pack) into
/// postlint's positioned node tree, with every node's range in the file.
///
/// Hostile input is bounded before and during parsing: nesting deeper than `maxDepth` is refused
/// before libyaml sees it (the tree is freed recursively and would overflow the stack), and alias
/// expansion stops after `maxNodes` values more than the text's length in bytes could hold without
/// aliases ("billion laughs" finishes at once instead of expanding).
/// A repeated key, at any depth, keeps its later value, as YAML loaders do; each earlier occurrence
/// is listed in `duplicateKeys`. Plain scalars get their types by `version` (`YAMLVersion`).
public enum PositionedYAML {
    public struct Result: Sendable {
        public var root: FrontMatterNode?
        public var error: FrontMatterSyntaxError?
        /// The earlier occurrences of keys given more than once in a mapping (the last one wins).
        public var duplicateKeys: [FrontMatterEntry]
        /// What loaders accept but postlint reads only in part (tags it does not know).
        public var notices: [FrontMatterSyntaxError] = []
    }

    public static let defaultMaxDepth = ParserLimits.yamlNesting
    public static let defaultMaxNodes = ParserLimits.yamlExpandedValues

    public static func parse(
        _ source: SourceText, content: ByteRange, maxDepth: Int = defaultMaxDepth,
        maxNodes: Int = defaultMaxNodes, version: YAMLVersion = .v1_1
    ) -> Result {
        if let root = flatRoot(source, content: content, version: version) {
            return Result(root: root, error: nil, duplicateKeys: [])
        }
        return parseWithLibYAML(source, content: content, maxDepth: maxDepth, maxNodes: maxNodes, version: version)
    }

    /// The root through `FlatYAMLParser` when the text has the flat shape most front matter has.
    private static func flatRoot(_ source: SourceText, content: ByteRange, version: YAMLVersion) -> FrontMatterNode? {
        guard source.invalidRanges.isEmpty, content.lowerBound >= 0, content.upperBound <= source.bytes.count else {
            return nil
        }
        return source.bytes.withUnsafeBufferPointer { bytes in
            FlatYAMLParser.parse(
                UnsafeBufferPointer(rebasing: bytes[content]), fileOffset: content.lowerBound,
                version: version)
        }
    }

    /// Parses with libyaml, whatever the text's shape.
    static func parseWithLibYAML(
        _ source: SourceText, content: ByteRange, maxDepth: Int = defaultMaxDepth,
        maxNodes: Int = defaultMaxNodes, version: YAMLVersion = .v1_1
    ) -> Result {
        let clamped = max(0, min(content.lowerBound, source.utf8.count))..<max(0, min(content.upperBound, source.utf8.count))
        var bytes = Array(source.utf8[clamped])
        // libyaml refuses control characters; an invalid byte (U+001A here) is reported by the
        // encoding rules, so let the parser read it as an ordinary character instead.
        for index in bytes.indices where bytes[index] == SourceText.substituteByte {
            bytes[index] = UInt8(ascii: "?")
        }

        if let deep = NestingDepthCheck.firstOffsetDeeperThan(maxDepth, in: bytes) {
            let error = FrontMatterSyntaxError(
                reason: "YAML is nested more than \(maxDepth) levels deep",
                offset: content.lowerBound + deep)
            return Result(root: nil, error: error, duplicateKeys: [])
        }

        let composed = bytes.withUnsafeBufferPointer {
            LibYAMLComposer.compose($0, fileOffset: clamped.lowerBound, version: version, maxNodes: maxNodes)
        }
        switch composed {
        case .success(let output):
            return Result(root: output.root, error: nil, duplicateKeys: output.duplicateKeys, notices: output.notices)
        case .failure(let failure):
            var reason = failure.reason
            if let context = failure.context {
                let start = source.lineIndex.location(of: context.offset)
                reason += " (\(context.text) that starts at line \(start.line), column \(start.column))"
            }
            return Result(
                root: nil, error: FrontMatterSyntaxError(reason: reason, offset: failure.offset),
                duplicateKeys: [])
        }
    }
}
