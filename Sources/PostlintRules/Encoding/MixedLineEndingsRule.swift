import PostlintCore

/// `mixed-line-endings`: a file that ends lines in more than one way (LF, CRLF, lone CR). The fix
/// normalises every line ending to the file's majority.
public struct MixedLineEndingsRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "mixed-line-endings", category: .encoding,
        summary: "Lines end in more than one way (LF, CRLF, CR) in one file",
        rationale: """
            Mixed line endings come from editing one file on different systems or pasting between \
            them. They make diffs noisy, confuse tools that split on one kind, and can put stray \
            carriage returns into generated pages. The fix makes every line end the way most of \
            the file's lines already do (LF on a tie).
            """,
        defaultSeverity: .warning,
        isFixable: true,
        reads: .source,
        triggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nOne⟦\r\n⟧two\nthree\n"),
            RuleExample("---\ntitle: Notes\n---\n\nOne⟦\r⟧two\nthree\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nOne\ntwo\n")
        ],
        corrections: [
            RuleCorrection("---\ntitle: Notes\n---\n\nOne\r\ntwo\rthree\n", "---\ntitle: Notes\n---\n\nOne\ntwo\nthree\n"),
            RuleCorrection("---\r\ntitle: Notes\r\n---\r\n\r\nOne\ntwo\r\n", "---\r\ntitle: Notes\r\n---\r\n\r\nOne\r\ntwo\r\n"),
        ])

    enum Ending: Int, CaseIterable {
        case lf, crlf, cr

        var text: String {
            switch self {
            case .lf: return "\n"
            case .crlf: return "\r\n"
            case .cr: return "\r"
            }
        }

        var name: String {
            switch self {
            case .lf: return "LF"
            case .crlf: return "CRLF"
            case .cr: return "CR"
            }
        }
    }

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let bytes = document.source.bytes
        // Without a carriage return every ending is LF: nothing can be mixed.
        guard document.source.lineIndex.containsCarriageReturn else { return [] }
        // Each line after the first starts after an ending, which the line index has found
        // (LF, CRLF and a lone CR, as here): the endings are told from the bytes before it.
        let lineStarts = document.source.lineIndex.lineStarts.dropFirst()
        func ending(before start: Int) -> (range: ByteRange, ending: Ending) {
            guard bytes[start - 1] == 0x0A else { return (start - 1..<start, .cr) }
            return start >= 2 && bytes[start - 2] == 0x0D ? (start - 2..<start, .crlf) : (start - 1..<start, .lf)
        }
        var counts = [0, 0, 0]
        for start in lineStarts { counts[ending(before: start).ending.rawValue] += 1 }
        guard counts.filter({ $0 > 0 }).count > 1 else { return [] }
        // The majority; ties go to the earlier case (LF before CRLF before CR).
        var majority = Ending.lf
        for ending in Ending.allCases where counts[ending.rawValue] > counts[majority.rawValue] {
            majority = ending
        }
        let minority = lineStarts.map(ending(before:)).filter { $0.ending != majority }
        guard let first = minority.first else { return [] }
        let summary = Ending.allCases.filter { counts[$0.rawValue] > 0 }
            .map { "\(counts[$0.rawValue]) \($0.name)" }.joined(separator: ", ")
        let fix = Fix(
            title: "End every line with \(majority.name)",
            edits: minority.map { TextEdit(range: $0.range, replacement: majority.text) })
        return [
            diagnostic(
                "line endings are mixed (\(summary)); \(minority.count) differ from the file's majority \(majority.name)",
                at: first.range, fix: fix)
        ]
    }
}
