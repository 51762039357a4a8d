import PostlintCore

/// The static site generators whose URL rules postlint knows.
public enum SiteGenerator: String, Sendable, CaseIterable, Codable {
    case hugo, jekyll, zola, docusaurus, mkdocs, astro, eleventy
    /// No generator: a folder of files, linked as files.
    case plain

    /// How the generator makes heading ids by default.
    var defaultAnchorStyle: AnchorStyle {
        switch self {
        case .hugo, .astro, .eleventy, .mkdocs, .plain: return .github
        case .jekyll: return .kramdown
        case .zola: return .zola
        case .docusaurus: return .docusaurus
        }
    }
}
