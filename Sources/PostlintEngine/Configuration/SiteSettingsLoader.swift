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
                let name = try file.string(value, what: "site.generator")
                guard let generator = SiteGenerator(rawValue: name) else {
                    throw file.error("unknown generator \"\(name)\"", at: value.range.lowerBound,
                                     hint: "generators: \(SiteGenerator.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.generator = generator
            case "content":
                settings.content = try file.strings(value, what: "site.content").map { PathUtilities.absolute($0, base: directory) }
            case "static":
                settings.staticRoots = try file.strings(value, what: "site.static").map { PathUtilities.absolute($0, base: directory) }
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
                    throw file.error("site.external prefix \"\(prefix)\" must start with /",
                                     at: items[min(index, items.count - 1)].range.lowerBound,
                                     hint: "e.g. external: [\"/windows/\"]")
                }
                settings.external = prefixes
            case "anchor-style":
                let name = try file.string(value, what: "site.anchor-style")
                guard let style = AnchorStyle(rawValue: name) else {
                    throw file.error("unknown anchor style \"\(name)\"", at: value.range.lowerBound,
                                     hint: "anchor styles: \(AnchorStyle.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.anchorStyle = style
            default:
                break
            }
        }
        return settings
    }
}
