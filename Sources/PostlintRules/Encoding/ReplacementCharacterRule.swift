import PostlintCore

/// `replacement-character`: U+FFFD in the text, where an earlier conversion already lost characters.
public struct ReplacementCharacterRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "replacement-character", category: .encoding,
        summary: "The text holds U+FFFD, the mark of characters lost in an earlier conversion",
        rationale: """
            A decoder writes U+FFFD (�) for bytes it could not read. The original characters are \
            gone and cannot be recovered from the file: they must be typed again from the source.
            """,
        defaultSeverity: .warning,
        reads: .source,
        triggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nCaf⟦\u{FFFD}⟧ and cr⟦\u{FFFD}\u{FFFD}⟧me.\n")
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nCafé and crème.\n")
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let source = document.source
        guard !source.isASCII else { return [] }
        var diagnostics: [Diagnostic] = []
        let bytes = source.bytes
        let count = bytes.count
        var index = 0
        while index + 2 < count {
            guard bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD else {
                index += 1
                continue
            }
            let start = index
            var characters = 0
            while index + 2 < count, bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD {
                index += 3
                characters += 1
            }
            let what = characters == 1 ? "replacement character U+FFFD" : "\(characters) replacement characters U+FFFD"
            diagnostics.append(
                diagnostic(
                    "\(what): text was lost in an earlier conversion; retype it from the source",
                    at: start..<index))
        }
        return diagnostics
    }
}
