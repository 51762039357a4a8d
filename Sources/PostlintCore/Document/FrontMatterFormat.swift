/// The syntax of a front matter block.
public enum FrontMatterFormat: String, Sendable {
    /// YAML between `---` lines.
    case yaml
    /// TOML between `+++` lines (Hugo style).
    case toml
}
