/// How a site generator turns a heading into its `id`, and so which `#fragment`s a link may use.
/// The site model picks one from the detected generator; `github` is the default when no site is
/// known (it is also what GitHub and most Markdown previews show).
///
/// Each style follows its generator's own algorithm: which text is slugged (the rendered text, or
/// the heading's Markdown source as goldmark and kramdown read it), which characters are kept, how
/// repeats are numbered, which explicit `{#id}` forms are honoured and which ids footnotes get.
public enum AnchorStyle: String, Sendable, CaseIterable, Codable {
    /// GitHub and github-slugger: the rendered text lower-cased, letters, marks, decimal and letter
    /// numbers, `_`, `-` kept, spaces as `-`; repeats `-1`, `-2`, skipping ids already taken.
    case github
    /// Hugo's default (goldmark, `autoHeadingIDType: github`): the heading's Markdown source
    /// (link addresses, entities and tags included), letters, decimal digits and `_` kept, marks
    /// dropped; an empty id is `heading`.
    case goldmark
    /// Hugo's `autoHeadingIDType: github-ascii`: as `goldmark`, accents removed, then ASCII only.
    case githubASCII = "github-ascii"
    /// Hugo's `autoHeadingIDType: blackfriday`: runs of other characters become one `-`.
    case blackfriday
    /// kramdown's own parser (`input: kramdown`): the heading's source, everything before the first
    /// ASCII letter dropped, ASCII letters, digits, spaces and `-` kept; `section` when empty;
    /// footnote ids `fn:name` / `fnref:name`.
    case kramdown
    /// Jekyll's default: kramdown with its GFM parser (`input: GFM`): the converted text, word
    /// characters, `-` and spaces kept; footnote ids as `kramdown`.
    case kramdownGFM = "kramdown-gfm"
    /// Zola's slugify (`slugify.anchors = "on"`): transliterated to ASCII, runs of other
    /// characters as one `-`.
    case zola
    /// Docusaurus: github-slugger, and an explicit `{#id}`.
    case docusaurus
    /// Pandoc's `auto_identifiers` (its `markdown`): letters, numbers, `_`, `-`, `.` kept, words
    /// joined by `-`, everything before the first letter dropped, `section` when empty.
    case pandoc
    /// Pandoc's `gfm_auto_identifiers` (its `gfm` and `commonmark_x`).
    case pandocGFM = "pandoc-gfm"
}
