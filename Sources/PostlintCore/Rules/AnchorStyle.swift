/// How a site generator turns a heading into its `id`, and so which `#fragment`s a link may use.
/// The site model picks one from the detected generator; `github` is the default when no site is
/// known (it is also what GitHub and most Markdown previews show).
public enum AnchorStyle: String, Sendable, CaseIterable, Codable {
    /// GitHub and goldmark (Hugo's default `autoHeadingIDType: github`).
    case github
    /// Hugo's `autoHeadingIDType: github-ascii`.
    case githubASCII = "github-ascii"
    /// Hugo's `autoHeadingIDType: blackfriday`.
    case blackfriday
    /// kramdown's auto ids (Jekyll), with footnote ids `fn:1` / `fnref:1`.
    case kramdown
    /// Zola's slugify.
    case zola
    /// Docusaurus (github-slugger).
    case docusaurus
    /// Pandoc's `auto_identifiers`.
    case pandoc
}
