import PostlintCore
import Yams

/// Parses YAML that sits at a byte range of a file (front matter, a config, a rule pack) into
/// postlint's positioned node tree, with every node's range in the file.
///
/// Hostile input is bounded before and during parsing: nesting deeper than `maxDepth` is refused
/// before libyaml sees it (Yams composes recursively and would overflow the stack), and alias
/// expansion stops after `maxNodes` values more than the text's length in bytes could hold without
/// aliases ("billion laughs" finishes at once instead of expanding).
/// Repeated top-level keys are allowed, the later value winning, as YAML loaders do.
public enum PositionedYAML {
    public struct Result: Sendable {
        public var root: FrontMatterNode?
        public var error: FrontMatterSyntaxError?
        /// Later occurrences of top-level keys given more than once.
        public var duplicateKeys: [FrontMatterEntry]
    }

    public static let defaultMaxDepth = ParserLimits.yamlNesting
    public static let defaultMaxNodes = ParserLimits.yamlExpandedValues

    public static func parse(_ source: SourceText, content: ByteRange, maxDepth: Int = defaultMaxDepth,
                             maxNodes: Int = defaultMaxNodes) -> Result {
        if let root = flatRoot(source, content: content) {
            return Result(root: root, error: nil, duplicateKeys: [])
        }
        return parseWithLibYAML(source, content: content, maxDepth: maxDepth, maxNodes: maxNodes)
    }

    /// The root through `FlatYAMLParser` when the text has the flat shape most front matter has.
    private static func flatRoot(_ source: SourceText, content: ByteRange) -> FrontMatterNode? {
        guard source.invalidRanges.isEmpty, content.lowerBound >= 0, content.upperBound <= source.bytes.count else {
            return nil
        }
        return source.bytes.withUnsafeBufferPointer { bytes in
            FlatYAMLParser.parse(UnsafeBufferPointer(rebasing: bytes[content]), fileOffset: content.lowerBound)
        }
    }

    /// Parses with libyaml through Yams, whatever the text's shape.
    static func parseWithLibYAML(_ source: SourceText, content: ByteRange, maxDepth: Int = defaultMaxDepth,
                                 maxNodes: Int = defaultMaxNodes) -> Result {
        let clamped = max(0, min(content.lowerBound, source.utf8.count))..<max(0, min(content.upperBound, source.utf8.count))
        var bytes = Array(source.utf8[clamped])
        // libyaml refuses control characters; an invalid byte (U+001A here) is reported by the
        // encoding rules, so let the parser read it as an ordinary character instead.
        for index in bytes.indices where bytes[index] == SourceText.substituteByte {
            bytes[index] = UInt8(ascii: "?")
        }
        let firstLine = source.lineIndex.lineIndex(containing: content.lowerBound)
        let positions = Positions(source: source, firstLine: firstLine, contentStart: content.lowerBound)

        if let deep = NestingDepthCheck.firstOffsetDeeperThan(maxDepth, in: bytes) {
            let error = FrontMatterSyntaxError(reason: "YAML is nested more than \(maxDepth) levels deep",
                                               offset: content.lowerBound + deep)
            return Result(root: nil, error: error, duplicateKeys: [])
        }

        let duplicates = TopLevelDuplicateKeys.find(in: bytes)
        for range in duplicates.earlierEntryRanges {
            for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
        }
        let duplicateEntries = duplicates.laterKeys.map { key in
            FrontMatterEntry(key: key.name, keyRange: (key.range.lowerBound + content.lowerBound)..<(key.range.upperBound + content.lowerBound),
                             value: FrontMatterNode(value: .scalar(FrontMatterScalar(text: "", kind: .null)),
                                                    range: (key.range.upperBound + content.lowerBound)..<(key.range.upperBound + content.lowerBound)))
        }

        let yaml = String(decoding: bytes, as: UTF8.self)
        do {
            // The basic resolver: no regular expression per scalar (PlainScalarKind classifies instead).
            // The encoding is named: Yams's default reads the whole process environment per parser.
            // The constructor's maps stay empty: nodes are converted here, never constructed into
            // values, and the default maps cost a dictionary of closures per parser.
            guard let node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor([:], [:], [:]), .utf8) else {
                return Result(root: nil, error: nil, duplicateKeys: duplicateEntries)
            }
            var converter = NodeConverter(bytes: bytes, positions: positions, budget: maxNodes + bytes.count)
            let root = try converter.convert(node, inFlow: false)
            return Result(root: root, error: nil, duplicateKeys: duplicateEntries)
        } catch let error as YamlError {
            return Result(root: nil, error: syntaxError(error, positions: positions, yaml: yaml),
                          duplicateKeys: duplicateEntries)
        } catch let error as ExpansionLimitExceeded {
            let reason = "YAML expands to more than \(maxNodes) values (aliases nested too deep?)"
            return Result(root: nil, error: FrontMatterSyntaxError(reason: reason, offset: error.offset),
                          duplicateKeys: duplicateEntries)
        } catch {
            return Result(root: nil, error: FrontMatterSyntaxError(reason: "\(error)", offset: content.lowerBound),
                          duplicateKeys: duplicateEntries)
        }
    }

    private static func syntaxError(_ error: YamlError, positions: Positions, yaml: String) -> FrontMatterSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var reason = problem
            if let context, !context.text.isEmpty {
                let start = positions.source.lineIndex.location(of: positions.offset(of: context.mark))
                reason = "\(problem) (\(context.text) that starts at line \(start.line), column \(start.column))"
            }
            return FrontMatterSyntaxError(reason: reason, offset: positions.offset(of: mark))
        case .reader(let problem, let offset, _, _):
            var byteOffset = 0
            if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
                byteOffset = yaml.utf8.distance(from: yaml.utf8.startIndex, to: index)
            }
            return FrontMatterSyntaxError(reason: problem, offset: positions.contentStart + byteOffset)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return FrontMatterSyntaxError(reason: "a nested mapping repeats the key \(names)",
                                          offset: positions.offset(of: context.mark))
        default:
            return FrontMatterSyntaxError(reason: "\(error)", offset: positions.contentStart)
        }
    }

    struct ExpansionLimitExceeded: Error {
        var offset: Int
    }

    /// Converts parser marks (1-based line and scalar column within the parsed text) to file offsets.
    struct Positions {
        let source: SourceText
        let firstLine: Int
        let contentStart: Int

        func offset(of mark: Mark) -> Int {
            let location = SourceLocation(line: firstLine + mark.line, column: mark.column)
            return source.lineIndex.offset(of: location)
        }
    }
}
