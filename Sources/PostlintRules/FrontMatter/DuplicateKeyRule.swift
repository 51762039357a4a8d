import PostlintCore

/// `duplicate-key`: a front matter key given twice; the later value wins.
public struct DuplicateKeyRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "duplicate-key", category: .frontMatter,
        summary: "No front matter key is given twice",
        rationale: """
            YAML loaders keep the last of two equal keys and drop the first without a word, so an \
            edit to the first `title:` seems to do nothing. Strict loaders refuse the file.
            """,
        defaultSeverity: .warning, reads: [.frontMatter],
        triggeringExamples: [
            RuleExample("---\ntitle: First\nslug: a\n⟦title⟧: Second\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: First\nsubtitle: Second\n---\n"),
        ])

    public init(options: RuleOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let duplicates = document.frontMatter?.duplicateKeys else { return [] }
        return duplicates.map { entry in
            diagnostic("key \"\(entry.key)\" is given more than once; the last value wins", at: entry.keyRange)
        }
    }
}
