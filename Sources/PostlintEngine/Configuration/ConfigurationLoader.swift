import PostlintCore
import PostlintParsing
import PostlintRulePacks

/// Reads `.postlint.yml` into a checked `Configuration`. Unknown keys, unknown rule ids, unknown
/// options and values of the wrong type are errors naming the file, line and column, with a hint.
public enum ConfigurationLoader {
    public static let fileName = ".postlint.yml"
    /// The names a configuration file may have; a folder holding both is a configuration error.
    public static let fileNames = [".postlint.yml", ".postlint.yaml"]
    /// The newest configuration format this postlint reads (`version:`; absent means 1).
    public static let version = 1
    static let topLevelKeys = [
        "version", "extends", "include", "exclude", "fields", "packs", "site-roots", "site", "rules", "overrides", "yaml",
    ]

    /// The defaults, for files with no configuration above them.
    public static func defaults(directory: String) throws(PostlintError) -> Configuration {
        // No site roots: with no configuration, root-relative paths are resolved only against a
        // detected site, never against the folder the command runs in.
        Configuration(path: nil, directory: directory, siteRoots: [], catalog: try RuleCatalog.base())
    }

    /// Loads the configuration at `path` (relative paths against the process's working folder).
    public static func load(path: String) throws(PostlintError) -> Configuration {
        try load(path: path, absolutePath: PathUtilities.absolute(path, base: PathUtilities.currentDirectory()))
    }

    /// Loads the configuration at `absolutePath`, naming it `path` in messages.
    public static func load(path: String, absolutePath: String) throws(PostlintError) -> Configuration {
        let bytes: [UInt8]
        switch FileReader.read(absolutePath) {
        case .success(let data): bytes = data
        case .failure(var error):
            error.path = path
            throw error
        }
        return try parse(path: path, bytes: bytes, directory: PathUtilities.directory(of: absolutePath))
    }

    /// Parses a configuration's bytes; `directory` is the folder relative paths resolve against.
    public static func parse(path: String, bytes: [UInt8], directory: String) throws(PostlintError) -> Configuration {
        let file = try YAMLFile(path: path, bytes: bytes)
        var configuration = Configuration(
            path: path, directory: directory, siteRoots: defaultSiteRoots(directory),
            catalog: try RuleCatalog.base())
        guard let root = file.root else { return configuration }
        if case .scalar(let scalar) = root.value, scalar.kind == .null { return configuration }
        let entries = try file.mapping(root, what: "the configuration")
        if let version = entries.last(where: { $0.key == "version" }) { try checkVersion(version.value, file: file) }
        try file.rejectUnknownKeys(entries, allowed: topLevelKeys, what: "the configuration")
        func node(_ key: String) -> FrontMatterNode? { entries.last { $0.key == key }?.value }

        if let value = node("include") { configuration.include = try globs(value, what: "include", file: file) }
        if let value = node("exclude") { configuration.exclude = try globs(value, what: "exclude", file: file) }
        if let value = node("fields") {
            var names: [String: String] = [:]
            for entry in try file.mapping(value, what: "fields") {
                guard FieldNames.canonical.contains(entry.key) else {
                    throw file.error(
                        "unknown field \"\(entry.key)\" in fields", at: entry.keyRange.lowerBound,
                        hint: "fields maps \(FieldNames.canonical.joined(separator: ", ")) to your names")
                }
                names[entry.key] = try file.string(entry.value, what: "fields.\(entry.key)")
            }
            configuration.fieldNames = FieldNames(names)
        }
        if let value = node("site-roots") {
            configuration.siteRoots = try file.strings(value, what: "site-roots").map {
                PathUtilities.absolute($0, base: directory)
            }
            configuration.siteRootsConfigured = true
        }
        if let value = node("site") {
            configuration.site = try SiteSettingsLoader.settings(value, file: file, directory: directory)
        }
        if let value = node("packs") {
            var factories: [RuleFactory] = []
            let items = value.items ?? [value]
            for item in items {
                let folder = PathUtilities.absolute(try file.string(item, what: "each pack"), base: directory)
                do throws(PostlintError) {
                    factories += try RulePackLoader.load(folder: folder)
                } catch {
                    if error.location == nil, error.path == folder {
                        throw file.error(
                            "rule pack folder \"\(item.scalarText ?? folder)\" does not exist",
                            at: item.range.lowerBound)
                    }
                    throw error
                }
                configuration.packs.append(folder)
            }
            do throws(PostlintError) {
                configuration.catalog = try configuration.catalog.adding(factories)
            } catch {
                throw file.error(error.message, at: value.range.lowerBound, hint: error.hint)
            }
        }
        if let value = node("rules") {
            configuration.rules = try ruleSettings(value, file: file, catalog: configuration.catalog)
        }
        if let value = node("extends") {
            // Presets lie under the configuration's own rules: extends: [seo] then rules: {x: off}.
            let items = value.items ?? [value]
            var names: [String] = []
            for item in items {
                let name = try file.string(item, what: "each preset in extends")
                guard PresetResolver.preset(named: name) != nil else {
                    let hint =
                        YAMLFile.closest(to: name, in: PresetResolver.names).map { "did you mean \"\($0)\"?" }
                        ?? "presets: \(PresetResolver.names.joined(separator: ", "))"
                    throw file.error("unknown preset \"\(name)\"", at: item.range.lowerBound, hint: hint)
                }
                names.append(name)
            }
            do throws(PostlintError) {
                configuration.rules = try PresetResolver.merged(configuration.rules, extending: names)
            } catch {
                throw file.error(error.message, at: value.range.lowerBound, hint: error.hint)
            }
        }
        if let value = node("yaml") {
            configuration.yamlVersion = try yamlVersion(value, file: file)
        }
        if let value = node("overrides") {
            guard let items = value.items else {
                throw file.error("overrides must be a list", at: value.range.lowerBound)
            }
            for item in items {
                let overrideEntries = try file.mapping(item, what: "an override")
                try file.rejectUnknownKeys(overrideEntries, allowed: ["files", "rules"], what: "an override")
                guard let files = overrideEntries.last(where: { $0.key == "files" })?.value else {
                    throw file.error("an override needs \"files\"", at: item.range.lowerBound)
                }
                let rules =
                    try overrideEntries.last(where: { $0.key == "rules" }).map { entry throws(PostlintError) in
                        try ruleSettings(entry.value, file: file, catalog: configuration.catalog)
                    } ?? [:]
                configuration.overrides.append(
                    Configuration.Override(
                        files: try globs(files, what: "files", file: file), rules: rules))
            }
        }
        return configuration
    }

    /// `version: 1`: the format the file is written in. A newer one is an error, before any other
    /// key is read, since its keys may mean something this postlint does not know.
    private static func checkVersion(_ node: FrontMatterNode, file: YAMLFile) throws(PostlintError) {
        guard case .scalar(let scalar) = node.value, scalar.kind == .integer else {
            throw file.error(
                "version must be a whole number, not \(YAMLFile.withArticle(node.typeName))",
                at: node.range.lowerBound, hint: "version: \(version)")
        }
        // A number too large for this tool is certainly newer than the formats it reads.
        let number = Int(scalar.text) ?? Int.max
        guard number >= 1 else {
            throw file.error(
                "version must be at least 1, not \(scalar.text)", at: node.range.lowerBound, hint: "version: \(version)")
        }
        guard number <= version else {
            throw file.error(
                "configuration version \(scalar.text) needs a newer postlint: this one reads versions up to \(version)",
                at: node.range.lowerBound,
                hint:
                    "install a postlint release that reads configuration version \(scalar.text), or write the file for version \(version)"
            )
        }
    }

    /// `yaml: {version: "1.1" | "1.2"}`.
    private static func yamlVersion(_ node: FrontMatterNode, file: YAMLFile) throws(PostlintError) -> YAMLVersion? {
        let entries = try file.mapping(node, what: "yaml")
        try file.rejectUnknownKeys(entries, allowed: ["version"], what: "yaml")
        guard let value = entries.last(where: { $0.key == "version" })?.value else { return nil }
        let versions = YAMLVersion.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = value.value, scalar.kind == .string || scalar.kind == .float,
            let version = YAMLVersion(rawValue: scalar.text)
        else {
            throw file.error(
                "yaml.version must be \"1.1\" or \"1.2\"", at: value.range.lowerBound,
                hint: "allowed: \(versions.joined(separator: ", ")) (1.1: Jekyll and the libyaml loaders; 1.2: Hugo)")
        }
        return version
    }

    /// The globs of a list (or a single string), each within `Glob`'s bounds on length and brace
    /// nesting; one that is not is an error at its item.
    private static func globs(_ node: FrontMatterNode, what: String, file: YAMLFile) throws(PostlintError) -> [Glob] {
        let patterns = try file.strings(node, what: what)
        let items = node.items ?? [node]
        var globs: [Glob] = []
        for (offset, pattern) in patterns.enumerated() {
            if let problem = Glob.problem(in: pattern) {
                let item = offset < items.count ? items[offset] : node
                throw file.error(
                    "\(problem.message) (in \(what), at byte \(problem.offset + 1) of the pattern)",
                    at: item.range.lowerBound,
                    hint: "brace groups may nest \(Glob.maximumBraceDepth) deep; patterns may be \(Glob.maximumLength) bytes long"
                )
            }
            globs.append(Glob(pattern))
        }
        return globs
    }

    private static func ruleSettings(_ node: FrontMatterNode, file: YAMLFile, catalog: RuleCatalog)
        throws(PostlintError) -> [String: RuleSetting]
    {
        var settings: [String: RuleSetting] = [:]
        for entry in try file.mapping(node, what: "rules") {
            guard let metadata = catalog.metadata(of: entry.key) else {
                let hint =
                    YAMLFile.closest(to: entry.key, in: catalog.ids).map { "did you mean \"\($0)\"?" }
                    ?? "postlint rules lists every rule"
                throw file.error("unknown rule \"\(entry.key)\"", at: entry.keyRange.lowerBound, hint: hint)
            }
            var setting = RuleSetting()
            switch entry.value.value {
            case .scalar(let scalar) where scalar.kind == .boolean:
                setting.enabled = try file.bool(entry.value, what: entry.key)
            case .scalar:
                try applyLevel(try file.string(entry.value, what: entry.key), to: &setting, file: file, node: entry.value)
            case .mapping(let optionEntries):
                for option in optionEntries {
                    switch option.key {
                    case "severity":
                        try applyLevel(
                            try file.string(option.value, what: "severity"), to: &setting, file: file,
                            node: option.value)
                    case "enabled":
                        setting.enabled = try file.bool(option.value, what: "enabled")
                    default:
                        guard let declared = metadata.option(named: option.key) else {
                            let names = metadata.options.map(\.name)
                            let hint =
                                YAMLFile.closest(to: option.key, in: names + ["severity", "enabled"])
                                .map { "did you mean \"\($0)\"?" }
                                ?? (names.isEmpty
                                    ? "\(entry.key) has no options besides severity and enabled"
                                    : "options: \(names.joined(separator: ", ")), severity, enabled")
                            throw file.error(
                                "unknown option \"\(option.key)\" for rule \(entry.key)",
                                at: option.keyRange.lowerBound, hint: hint)
                        }
                        do throws(RuleOptionError) {
                            setting.options[option.key] = try declared.value(at: option.value, rule: entry.key)
                        } catch {
                            let hint = error.rejected.map { word in
                                YAMLFile.closest(to: word, in: error.allowed).map { "did you mean \"\($0)\"?" }
                                    ?? "allowed: \(error.allowed.joined(separator: ", "))"
                            }
                            throw file.error(error.message, at: error.offset, hint: hint)
                        }
                    }
                }
            case .sequence:
                throw file.error(
                    "rule \(entry.key) takes a severity or a map of options, not a list",
                    at: entry.value.range.lowerBound, hint: "e.g. \(entry.key): warning")
            }
            if let factory = catalog.documentRules.first(where: { $0.metadata.id == entry.key }), !setting.options.isEmpty {
                do throws(any Error) {
                    _ = try factory.make(RuleOptions(defaultsOf: metadata, overrides: setting.options))
                } catch {
                    let message = (error as? PostlintError)?.message ?? "\(error)"
                    throw file.error(message, at: entry.value.range.lowerBound)
                }
            }
            settings[entry.key] = setting
        }
        return settings
    }

    private static func applyLevel(
        _ level: String, to setting: inout RuleSetting, file: YAMLFile,
        node: FrontMatterNode
    ) throws(PostlintError) {
        if level == "off" {
            setting.enabled = false
        } else if let severity = Severity(rawValue: level) {
            setting.severity = severity
            setting.enabled = true
        } else {
            throw file.error("unknown level \"\(level)\"", at: node.range.lowerBound, hint: "error, warning, info or off")
        }
    }

    static func defaultSiteRoots(_ directory: String) -> [String] {
        var roots = [directory]
        for name in ["static", "public"] {
            let candidate = PathUtilities.join(directory, name)
            if LocalFileSystem().kind(of: candidate) == .directory { roots.append(candidate) }
        }
        return roots
    }
}
