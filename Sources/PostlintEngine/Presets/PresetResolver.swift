import PostlintCore
import PostlintParsing

/// Turns `extends: [NAME, ...]` into rule settings: each preset's own `extends` first, then the
/// preset, in the order named (later ones win), and the configuration's own `rules:` over them all.
public enum PresetResolver {
    /// How deep presets may build on one another (a cycle is an error long before this).
    static let maximumDepth = 8

    /// The shipped preset named `name`.
    public static func preset(named name: String) -> Preset? {
        BuiltInPresets.all.first { $0.name == name }
    }

    /// The names of the shipped presets, for hints and help.
    public static var names: [String] { BuiltInPresets.all.map(\.name) }

    /// The settings of the presets `names`, merged in order.
    public static func settings(extending names: [String]) throws(PostlintError) -> [String: RuleSetting] {
        var settings: [String: RuleSetting] = [:]
        var visiting: [String] = []
        for name in names { try apply(name, to: &settings, visiting: &visiting) }
        return settings
    }

    /// `rules` (a configuration's own settings) laid over the presets `names`: what a configuration
    /// with `extends: names` and `rules: rules` means. A rule set in both gets the preset's severity
    /// and options with the configuration's on top.
    public static func merged(_ rules: [String: RuleSetting], extending names: [String]) throws(PostlintError)
        -> [String: RuleSetting]
    {
        var settings = try settings(extending: names)
        for (id, setting) in rules { settings[id] = (settings[id] ?? RuleSetting()).merged(with: setting) }
        return settings
    }

    private static func apply(_ name: String, to settings: inout [String: RuleSetting], visiting: inout [String])
        throws(PostlintError)
    {
        guard let preset = preset(named: name) else {
            let hint =
                YAMLFile.closest(to: name, in: names).map { "did you mean \"\($0)\"?" }
                ?? "presets: \(names.joined(separator: ", "))"
            throw PostlintError(message: "unknown preset \"\(name)\"", hint: hint)
        }
        guard !visiting.contains(name), visiting.count < maximumDepth else {
            throw PostlintError(message: "preset \"\(name)\" extends itself through \(visiting.joined(separator: " → "))")
        }
        visiting.append(name)
        defer { visiting.removeLast() }
        for parent in preset.extends { try apply(parent, to: &settings, visiting: &visiting) }
        let configuration = try ConfigurationLoader.parse(
            path: "preset \(name)", bytes: Array(preset.configuration.utf8),
            directory: "/")
        for (id, setting) in configuration.rules { settings[id] = (settings[id] ?? RuleSetting()).merged(with: setting) }
    }
}
