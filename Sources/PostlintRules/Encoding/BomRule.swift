import PostlintCore

/// `bom`: a UTF-8 byte order mark at the start of the file.
public struct BomRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "bom", category: .encoding,
        summary: "The file starts with a UTF-8 byte order mark",
        rationale: """
            UTF-8 needs no byte order mark. Some editors on Windows write one; static site \
            generators and YAML parsers then fail to see the front matter fence, and the mark can \
            end up as an invisible character in the page. The fix removes it.
            """,
        defaultSeverity: .warning,
        isFixable: true,
        reads: .source,
        triggeringExamples: [
            RuleExample("⟦\u{FEFF}⟧---\ntitle: Notes\n---\n\nBody.\n")
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nBody with a word\u{2060}joiner is another rule's business.\n")
        ],
        corrections: [
            RuleCorrection("\u{FEFF}---\ntitle: Notes\n---\n\nBody.\n", "---\ntitle: Notes\n---\n\nBody.\n")
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.source.hasByteOrderMark else { return [] }
        let fix = Fix(title: "Remove the byte order mark", edits: [TextEdit(range: 0..<3, replacement: "")])
        return [diagnostic("the file starts with a UTF-8 byte order mark (0xEF 0xBB 0xBF)", at: 0..<3, fix: fix)]
    }
}
