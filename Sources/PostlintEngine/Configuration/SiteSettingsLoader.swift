import PostlintCore
import PostlintParsing

/// Reads the `site:` key of a configuration: every value checked, errors at their position.
enum SiteSettingsLoader {
    static func settings(_ node: FrontMatterNode, file: YAMLFile, directory: String) throws(PostlintError) -> SiteSettings {
        var settings = SiteSettings()
        let entries = try file.mapping(node, what: "site")
        try file.rejectUnknownKeys(entries, allowed: SiteSettings.keys, what: "site")
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "generator":
                settings.generator = try named(
                    SiteGenerator.self, value, file: file, key: "site.generator",
                    kind: "generator", kinds: "generators")
            case "content":
                settings.content = try file.strings(value, what: "site.content").map {
                    PathUtilities.absolute($0, base: directory)
                }
            case "static":
                settings.staticRoots = try file.strings(value, what: "site.static").map {
                    PathUtilities.absolute($0, base: directory)
                }
            case "permalinks":
                var permalinks: [String: String] = [:]
                for pattern in try file.mapping(value, what: "site.permalinks") {
                    permalinks[pattern.key] = try file.string(pattern.value, what: "site.permalinks.\(pattern.key)")
                }
                settings.permalinks = permalinks
            case "base-url":
                settings.basePath = try file.string(value, what: "site.base-url")
            case "languages":
                settings.languages = try file.strings(value, what: "site.languages")
            case "external":
                let prefixes = try file.strings(value, what: "site.external")
                let items = value.items ?? [value]
                for (index, prefix) in prefixes.enumerated() where !prefix.hasPrefix("/") {
                    throw file.error(
                        "site.external prefix \"\(prefix)\" must start with /",
                        at: items[min(index, items.count - 1)].range.lowerBound,
                        hint: "e.g. external: [\"/windows/\"]")
                }
                settings.external = prefixes
            case "anchor-style":
                settings.anchorStyle = try named(
                    AnchorStyle.self, value, file: file, key: "site.anchor-style",
                    kind: "anchor style", kinds: "anchor styles")
            default:
                break
            }
        }
        return settings
    }

    /// One of a fixed set of names (`hugo`, `kramdown-gfm`, …): an unknown one is an error at
    /// its position that lists the known ones.
    private static func named<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ node: FrontMatterNode, file: YAMLFile, key: String, kind: String, kinds: String
    ) throws(PostlintError) -> Value where Value.RawValue == String {
        let name = try file.string(node, what: key)
        guard let value = Value(rawValue: name) else {
            throw file.error(
                "unknown \(kind) \"\(name)\"", at: node.range.lowerBound,
                hint: "\(kinds): \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
