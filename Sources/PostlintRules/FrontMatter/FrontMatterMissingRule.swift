import PostlintCore

/// `front-matter-missing`: a post with no front matter.
public struct FrontMatterMissingRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "front-matter-missing", category: .frontMatter,
        summary: "A post starts with front matter",
        rationale: """
            Titles, slugs, excerpts and keywords live in the front matter. A post without it is \
            published with generated values, or not at all, and no front matter rule can check it. \
            Front matter is YAML between `---` lines or TOML between `+++` lines at the very start \
            of the file.
            """,
        defaultSeverity: .error, reads: [],
        triggeringExamples: [
            RuleExample("⟦⟧# A post without front matter\n\nBody text.\n"),
            RuleExample("⟦⟧\n---\ntitle: front matter must start on the first line\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Has front matter\n---\nBody.\n"),
            RuleExample("+++\ntitle = \"TOML front matter\"\n+++\nBody.\n"),
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.frontMatter == nil else { return [] }
        let start = document.source.hasByteOrderMark ? 3 : 0
        return [diagnostic("post has no front matter; start the file with a --- line", at: start..<start)]
    }
}
