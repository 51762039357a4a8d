/// The presets postlint ships: `recommended` (the defaults), `seo` (every search check on, with
/// search-snippet lengths) and `strict` (seo, with problems raised to errors and warnings).
public enum BuiltInPresets {
    public static let recommended = Preset(
        name: "recommended",
        summary: "the defaults: every rule at its own default, the noisier SEO checks off",
        configuration: """
            # Every rule at its declared default. Listed so that `extends: [recommended]` reads
            # naturally in a configuration; it changes nothing.
            rules: {}

            """)

    public static let seo = Preset(
        name: "seo",
        summary: "every SEO check on, excerpts sized for search snippets (120 to 156 characters)",
        extends: ["recommended"],
        configuration: """
            rules:
              # The meta description sweet spot: long enough to inform, short enough not to be cut.
              excerpt-length:
                min: 120
                max: 156
              title-length: warning
              slug-length: info
              slug-stop-words: info
              keyphrase-in-title: warning
              keyphrase-in-slug: warning
              keyphrase-in-excerpt: warning
              keyphrase-in-introduction: warning
              keyphrase-in-subheadings: warning
              keyphrase-density: warning
              content-length: warning
              heading-structure: warning
              link-text: warning
              links: info
              readability: info
              duplicate-title: warning
              duplicate-excerpt: warning
              duplicate-keyphrase: warning
              orphan-post: info
              orphan-image: info

            """)

    public static let strict = Preset(
        name: "strict",
        summary: "seo, with search problems as errors, notices as warnings and longer posts",
        extends: ["seo"],
        configuration: """
            rules:
              excerpt-length: error
              title-length: error
              slug-length: warning
              slug-stop-words: warning
              keyphrase-in-title: error
              keyphrase-in-slug: warning
              keyphrase-in-excerpt: error
              keyphrase-in-introduction: warning
              keyphrase-in-subheadings: warning
              keyphrase-density: warning
              content-length:
                severity: warning
                min-words: 600
              heading-structure: error
              link-text: error
              links: warning
              readability: warning
              duplicate-title: error
              duplicate-excerpt: error
              duplicate-keyphrase: error
              orphan-post: warning
              orphan-image: warning

            """)

    /// Every shipped preset, by name.
    public static let all: [Preset] = [recommended, seo, strict]
}
