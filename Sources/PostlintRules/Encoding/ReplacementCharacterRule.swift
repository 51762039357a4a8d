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
        source.bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            // U+FFFD is EF BF BD: `memchr` finds each EF, many bytes a step.
            var index = 0
            while let lead = ByteScanning.firstIndex(of: 0xEF, in: bytes, from: index) {
                index = lead + 1
                guard lead + 2 < count, bytes[lead + 1] == 0xBF, bytes[lead + 2] == 0xBD else { continue }
                var end = lead
                var characters = 0
                while end + 2 < count, bytes[end] == 0xEF, bytes[end + 1] == 0xBF, bytes[end + 2] == 0xBD {
                    end += 3
                    characters += 1
                }
                index = end
                let what =
                    characters == 1 ? "replacement character U+FFFD" : "\(characters) replacement characters U+FFFD"
                diagnostics.append(
                    diagnostic(
                        "\(what): text was lost in an earlier conversion; retype it from the source",
                        at: lead..<end))
            }
        }
        return diagnostics
    }
}
