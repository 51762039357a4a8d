import PostlintCore
import PostlintJSON
import PostlintParsing
import PostlintReporters

/// A YAML or TOML text as postlint reads it, as one JSON object: the differential tests against
/// other YAML loaders (`.ci/yaml.sh`) and against a TOML reader (`.ci/toml.sh`) compare these with
/// what the others make of the same text.
///
/// `{"ok": true, "value": V, "duplicates": n, "notices": n}` or `{"ok": false, "error": "…",
/// "line": l, "column": c}`, where V is `null` (an empty document), `{"k": kind, "v": text}` for a
/// scalar, `{"s": [V…]}` for a list and `{"m": [[key, V]…]}` for a map (keys as their text, in the
/// order a loader's dictionary keeps them).
public enum FrontMatterDump {
    /// The whole of `bytes` read as YAML, as front matter is read (a byte order mark included: it
    /// is left to the parser, as one right after a front matter fence is).
    public static func dump(_ bytes: [UInt8], version: YAMLVersion) -> JSONValue {
        let source = SourceText(bytes: bytes)
        let result = PositionedYAML.parse(source, content: 0..<bytes.count, version: version)
        if let error = result.error {
            let location = source.lineIndex.location(of: error.offset)
            return .object([
                ("ok", .bool(false)), ("error", .string(error.reason)),
                ("line", .number(String(location.line))), ("column", .number(String(location.column))),
            ])
        }
        return .object([
            ("ok", .bool(true)), ("value", result.root.map(tree) ?? .null),
            ("duplicates", .number(String(result.duplicateKeys.count))),
            ("notices", .number(String(result.notices.count))),
        ])
    }

    /// The whole of `bytes` read as TOML, as `+++` front matter is read. A TOML text has no
    /// repeated keys or notices (a key defined twice is an error), so both counts are 0.
    public static func dumpTOML(_ bytes: [UInt8]) -> JSONValue {
        let source = SourceText(bytes: bytes)
        switch TOMLParser.parse(source.utf8) {
        case .success(let root):
            return .object([
                ("ok", .bool(true)), ("value", tree(root)), ("duplicates", .number("0")),
                ("notices", .number("0")),
            ])
        case .failure(let problem):
            let location = source.lineIndex.location(of: problem.offset)
            return .object([
                ("ok", .bool(false)), ("error", .string(problem.reason)),
                ("line", .number(String(location.line))), ("column", .number(String(location.column))),
            ])
        }
    }

    private static func tree(_ node: FrontMatterNode) -> JSONValue {
        switch node.value {
        case .scalar(let scalar):
            return .object([("k", .string(scalar.kind.rawValue)), ("v", .string(scalar.text))])
        case .sequence(let items):
            return .object([("s", .array(items.map(tree)))])
        case .mapping(let entries):
            return .object([("m", .array(entries.map { .array([.string($0.key), tree($0.value)]) }))])
        }
    }
}
