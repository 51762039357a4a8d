import PostlintCore

/// The static site generators whose URL rules postlint knows.
public enum SiteGenerator: String, Sendable, CaseIterable, Codable {
    case hugo, jekyll, zola, docusaurus, mkdocs, astro, eleventy, docfx
    /// No generator: a folder of files, linked as files.
    case plain

    /// Whether a post's front matter can change its URL (`slug`, `url`, `permalink`, `path`):
    /// where it cannot, the route table names posts by their paths alone and reads none of them.
    var routesReadFrontMatter: Bool {
        switch self {
        case .hugo, .jekyll, .zola, .docusaurus, .eleventy: return true
        case .mkdocs, .astro, .docfx, .plain: return false
        }
    }

    /// How the generator makes heading ids by default.
    var defaultAnchorStyle: AnchorStyle {
        switch self {
        // Hugo's default (goldmark's `github` ids) slugs the heading's Markdown source, not
        // GitHub's rendered text; Jekyll reads posts with kramdown's GFM parser by default.
        case .hugo: return .goldmark
        case .astro, .eleventy, .mkdocs, .docfx, .plain: return .github
        case .jekyll: return .kramdownGFM
        case .zola: return .zola
        case .docusaurus: return .docusaurus
        }
    }
}
