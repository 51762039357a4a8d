/// A named set of rule settings a configuration can build on with `extends: [NAME]`.
///
/// A preset is data: the `rules:` section of a configuration, in the same YAML form as
/// `.postlint.yml`, checked by the same loader, plus the presets it builds on.
public struct Preset: Sendable {
    public var name: String
    /// One line: what the preset is for.
    public var summary: String
    /// Presets applied first (their settings are overridden by this one's).
    public var extends: [String]
    /// The preset's settings as configuration YAML (a `rules:` mapping).
    public var configuration: String

    public init(name: String, summary: String, extends: [String] = [], configuration: String) {
        self.name = name
        self.summary = summary
        self.extends = extends
        self.configuration = configuration
    }
}
