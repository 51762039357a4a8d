/// The family a rule belongs to.
public enum RuleCategory: String, Sendable, CaseIterable, Codable {
    case frontMatter = "front-matter"
    case body
    case encoding
    case seo
    case site
    case custom
}
