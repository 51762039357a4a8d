import PostlintCore
import PostlintParsing

/// Reads one declarative rule file (the schema is documented in `docs/rule-packs.md`) into a rule
/// factory, validating every key with its position.
enum RuleFileParser {
    static let commonKeys = [
        "schema", "id", "kind", "category", "summary", "rationale", "severity", "enabled",
        "message", "examples", "audit",
    ]

    /// `buildsOnLoad`: build the rule once with the file's own values, so that a bad pattern or
    /// value fails here with its position. The packs shipped in the binary skip it (the test suite
    /// builds each of them), which spares every run compiling the patterns of rules that are off.
    ///
    /// `parsedRoot`: the file's tree when it was parsed before (a shipped pack's, from
    /// `ShippedPackTrees`); the YAML is not parsed again.
    static func parse(
        path: String, bytes: [UInt8], packName: String, buildsOnLoad: Bool = true,
        parsedRoot: FrontMatterNode? = nil
    ) throws(PostlintError) -> RuleFactory {
        let file: YAMLFile
        if let parsedRoot {
            file = try YAMLFile(path: path, bytes: bytes, parsedRoot: parsedRoot)
        } else {
            file = try YAMLFile(path: path, bytes: bytes)
        }
        guard let root = file.root else {
            throw PostlintError(path: path, location: SourceLocation(line: 1, column: 1), message: "rule file is empty")
        }
        let entries = try file.mapping(root, what: "a rule file")
        func node(_ key: String) -> FrontMatterNode? { entries.last { $0.key == key }?.value }
        func required(_ key: String) throws(PostlintError) -> FrontMatterNode {
            guard let value = node(key) else {
                throw file.error("missing required key \"\(key)\"", at: root.range.lowerBound)
            }
            return value
        }

        let schemaNode = try required("schema")
        guard case .int(let schema) = try file.anyOptionValue(schemaNode, what: "schema"), schema == 1 else {
            throw file.error("unsupported schema; this version of postlint reads schema 1", at: schemaNode.range.lowerBound)
        }
        let kindNode = try required("kind")
        let kindName = try file.string(kindNode, what: "kind")
        guard let kind = RuleKind(rawValue: kindName) else {
            let names = RuleKind.allCases.map(\.rawValue)
            let hint =
                YAMLFile.closest(to: kindName, in: names).map { "did you mean \"\($0)\"?" }
                ?? "kinds: \(names.joined(separator: ", "))"
            throw file.error("unknown kind \"\(kindName)\"", at: kindNode.range.lowerBound, hint: hint)
        }
        let kindOptions = kind.declaredOptions
        try file.rejectUnknownKeys(entries, allowed: commonKeys + kindOptions.map(\.name), what: "a \(kind.rawValue) rule")

        let stem = Self.stem(of: path)
        var id = packName.isEmpty ? stem : "\(packName).\(stem)"
        if let idNode = node("id") {
            id = try file.string(idNode, what: "id")
            guard RuleMetadata.isValidID(id) else {
                throw file.error(
                    "rule id \"\(id)\" is not kebab-case", at: idNode.range.lowerBound,
                    hint: "lower-case letters and digits joined by hyphens, e.g. no-tbd")
            }
        }
        var category = RuleCategory.custom
        if let categoryNode = node("category") {
            let name = try file.string(categoryNode, what: "category")
            guard let value = RuleCategory(rawValue: name) else {
                throw file.error(
                    "unknown category \"\(name)\"", at: categoryNode.range.lowerBound,
                    hint: "categories: \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            category = value
        }
        let summary = try file.string(try required("summary"), what: "summary")
        let rationale =
            try node("rationale").map { node throws(PostlintError) in try file.string(node, what: "rationale") } ?? summary
        var severity = Severity.warning
        if let severityNode = node("severity") {
            let name = try file.string(severityNode, what: "severity")
            guard let value = Severity(rawValue: name) else {
                throw file.error(
                    "unknown severity \"\(name)\"", at: severityNode.range.lowerBound,
                    hint: "error, warning or info")
            }
            severity = value
        }
        let enabled = try node("enabled").map { node throws(PostlintError) in try file.bool(node, what: "enabled") } ?? true
        let isSearchCheck = try node("audit").map { node throws(PostlintError) in try file.bool(node, what: "audit") } ?? false

        var options: [RuleOption] = []
        var keyPositions: [String: Int] = [:]
        let requiredKeys = kind.requiredKeys
        // Each key is checked against its declaration in the kind's `Options` (type, bounds, allowed
        // words), as a configuration's options are; the file's value becomes the rule's default.
        for declared in kindOptions {
            var option = declared
            if let valueNode = node(declared.name) {
                do throws(RuleOptionError) {
                    option.defaultValue = try declared.value(at: valueNode, subject: "\"\(declared.name)\"")
                } catch {
                    let hint = error.rejected.map { word in
                        YAMLFile.closest(to: word, in: error.allowed).map { "did you mean \"\($0)\"?" }
                            ?? "allowed: \(error.allowed.joined(separator: ", "))"
                    }
                    throw file.error(error.message, at: error.offset, hint: hint)
                }
                keyPositions[declared.name] = valueNode.range.lowerBound
            } else if requiredKeys.contains(declared.name) {
                throw file.error(
                    "a \(kind.rawValue) rule needs the key \"\(declared.name)\"", at: root.range.lowerBound,
                    hint: declared.summary)
            }
            options.append(option)
        }
        let message = try node("message").map { node throws(PostlintError) in try file.string(node, what: "message") } ?? ""
        options.append(RuleOption("message", .string(message), "the message, with {placeholders} (empty: the kind's own)"))
        keyPositions["message"] = node("message")?.range.lowerBound

        var triggering: [RuleExample] = []
        var nonTriggering: [RuleExample] = []
        if let examplesNode = node("examples") {
            let exampleEntries = try file.mapping(examplesNode, what: "examples")
            try file.rejectUnknownKeys(exampleEntries, allowed: ["triggering", "non-triggering"], what: "examples")
            for entry in exampleEntries {
                let list = try examples(entry.value, file: file, path: path)
                if entry.key == "triggering" { triggering = list } else { nonTriggering = list }
            }
        }

        let metadata = RuleMetadata(
            id: id, category: category, summary: summary, rationale: rationale, defaultSeverity: severity,
            isEnabledByDefault: enabled, options: options, isFixable: false, reads: [.frontMatter],
            capabilities: isSearchCheck ? .isSearchCheck : [],
            triggeringExamples: triggering, nonTriggeringExamples: nonTriggering, origin: path)

        // Build once with the file's own values, so a bad pattern or value fails at load, positioned.
        if buildsOnLoad {
            do throws(KindError) {
                _ = try DeclarativeRule(metadata: metadata, kind: kind, options: RuleOptions(defaultsOf: metadata))
            } catch {
                throw file.error("\"\(error.key)\" \(error.message)", at: keyPositions[error.key] ?? root.range.lowerBound)
            }
        }
        var builtMetadata = metadata
        builtMetadata.reads = kind.reads(RuleOptions(defaultsOf: metadata))
        return RuleFactory(metadata: builtMetadata) { options in
            do throws(KindError) {
                return try DeclarativeRule(metadata: metadata, kind: kind, options: options)
            } catch {
                throw PostlintError(message: "option \"\(error.key)\" of rule \(metadata.id) \(error.message)")
            }
        }
    }

    private static func examples(_ node: FrontMatterNode, file: YAMLFile, path: String) throws(PostlintError) -> [RuleExample] {
        guard let items = node.items else {
            throw file.error("examples must be a list", at: node.range.lowerBound)
        }
        var examples: [RuleExample] = []
        for item in items {
            let line = file.location(of: item).line
            if case .mapping(let entries) = item.value {
                try file.rejectUnknownKeys(entries, allowed: ["text", "options", "path"], what: "an example")
                guard let textNode = entries.last(where: { $0.key == "text" })?.value else {
                    throw file.error("an example needs \"text\"", at: item.range.lowerBound)
                }
                var options: [String: OptionValue] = [:]
                if let optionsNode = entries.last(where: { $0.key == "options" })?.value {
                    for entry in try file.mapping(optionsNode, what: "example options") {
                        options[entry.key] = try file.anyOptionValue(entry.value, what: "\"\(entry.key)\"")
                    }
                }
                let examplePath =
                    try entries.last(where: { $0.key == "path" }).map { entry throws(PostlintError) in
                        try file.string(entry.value, what: "path")
                    } ?? "post.md"
                examples.append(
                    RuleExample(
                        try file.string(textNode, what: "text"), options: options, path: examplePath,
                        file: path, line: line))
            } else {
                examples.append(RuleExample(try file.string(item, what: "an example"), file: path, line: line))
            }
        }
        return examples
    }

    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: ".") { return String(name[..<dot]) }
        return name
    }
}
