import PostlintCore

/// `front-matter-syntax`: front matter that does not parse.
public struct FrontMatterSyntaxRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "front-matter-syntax", category: .frontMatter,
        summary: "Front matter parses as YAML or TOML",
        rationale: """
            A site generator that cannot parse the front matter fails the build or, worse, publishes \
            the post without its metadata. The message gives the parser's reason at its line and \
            column in the file.
            """,
        defaultSeverity: .error, reads: [.frontMatter],
        triggeringExamples: [
            RuleExample("---\ntitle: Tea time⟦: a guide⟧\n---\n"),
            RuleExample("⟦---⟧\ntitle: the closing fence is missing\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: \"Quoted: with a colon\"\n---\n"),
            RuleExample("No front matter is another rule's business.\n"),
        ])

    public init(options: RuleOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let error = document.frontMatter?.syntaxError else { return [] }
        let index = document.source.lineIndex
        let line = index.lineIndex(containing: error.offset)
        let end = max(error.offset, index.contentRange(ofLine: line).upperBound)
        return [diagnostic("front matter does not parse: \(error.reason)", at: error.offset..<end)]
    }
}
