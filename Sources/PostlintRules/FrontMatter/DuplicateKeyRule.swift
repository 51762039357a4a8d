import PostlintCore

/// `duplicate-key`: a front matter key given twice in one mapping, at any depth; the later value
/// wins, and each earlier occurrence (the value that is dropped) is reported.
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
            RuleExample("---\n⟦title⟧: First\nslug: a\ntitle: Second\n---\n"),
            RuleExample("---\nauthor:\n  ⟦name⟧: Ann\n  name: Bo\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: First\nsubtitle: Second\n---\n")
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let duplicates = document.frontMatter?.duplicateKeys else { return [] }
        return duplicates.map { entry in
            diagnostic(
                "key \"\(entry.key)\" is given again later; this value is dropped, the last one wins",
                at: entry.keyRange)
        }
    }
}
