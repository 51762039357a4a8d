import PostlintCore
import PostlintEncoding

/// `invisible-character`: zero-width and other invisible characters out of place, and (as errors)
/// bidirectional override and isolate characters.
public struct InvisibleCharacterRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "invisible-character", category: .encoding,
        summary: "The text holds invisible characters out of place, or bidirectional overrides",
        rationale: """
            Zero-width spaces, word joiners, soft hyphens and stray byte order marks come in \
            with pasted text. They break search, links, slugs and word counts without anyone seeing \
            them. Joiners are left alone where they belong: inside emoji sequences and between \
            letters of scripts that need them (Persian, Arabic, Indic). Bidirectional override \
            and isolate characters can make text display in another order than it is read (the \
            "Trojan Source" trick): they are reported as errors.
            """,
        defaultSeverity: .warning,
        reads: .source,
        triggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nzero⟦\u{200B}⟧width and soft⟦\u{00AD}⟧hyphen.\n"),
            RuleExample("---\ntitle: Notes\n---\n\naccess = ⟦\u{202E}⟧ \"user\" ⟦\u{2066}⟧\n"),
            RuleExample("---\ntitle: \"Word⟦\u{2060}⟧joiner\"\n---\n\nA stray mark⟦\u{FEFF}⟧here.\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nFamily 👨‍👩‍👧‍👦, coder 👩🏽‍💻, flag 🏳️‍🌈, می‌خواهم, क्‍ष.\n")
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let source = document.source
        guard !source.isASCII else { return [] }
        return source.utf8.withUnsafeBufferPointer { diagnostics(in: $0) }
    }

    /// One pass over the text's bytes (valid UTF-8): ASCII runs are skipped eight bytes a step, and
    /// only a scalar whose lead byte can start an invisible or bidirectional character (U+00AD,
    /// U+115F to U+3164, U+FEFF, U+FFA0) is decoded, with its neighbours.
    private func diagnostics(in bytes: UnsafeBufferPointer<UInt8>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A run of the same character is one diagnostic.
        var open: (scalar: Unicode.Scalar, kind: InvisibleCharacters.Kind, start: Int, end: Int, count: Int)?
        var offset = ByteScanning.endOfASCII(in: bytes, from: 0)
        while offset < bytes.count {
            let lead = bytes[offset]
            let width = UTF8Scalars.width(ofLead: lead)
            if lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF,
                let scalar = UTF8Scalars.scalar(at: offset, in: bytes), scalar.value >= 0xAD,
                let kind = InvisibleCharacters.kind(
                    of: scalar, previous: UTF8Scalars.scalar(before: offset, in: bytes),
                    next: UTF8Scalars.scalar(at: offset + width, in: bytes),
                    isFirstInFile: offset == 0)
            {
                if let run = open, run.scalar == scalar, run.end == offset {
                    open = (scalar, kind, run.start, offset + width, run.count + 1)
                } else {
                    if let run = open { diagnostics.append(report(run.scalar, run.kind, run.start..<run.end, run.count)) }
                    open = (scalar, kind, offset, offset + width, 1)
                }
            }
            offset = ByteScanning.endOfASCII(in: bytes, from: offset + width)
        }
        if let run = open { diagnostics.append(report(run.scalar, run.kind, run.start..<run.end, run.count)) }
        return diagnostics
    }

    private func report(
        _ scalar: Unicode.Scalar, _ kind: InvisibleCharacters.Kind, _ range: ByteRange,
        _ count: Int
    ) -> Diagnostic {
        let name = scalar.properties.name.map { " (\($0))" } ?? ""
        let what = "\(count == 1 ? "" : "\(count) × ")\(VisibleText.codePoint(scalar))\(name)"
        switch kind {
        case .bidirectionalControl:
            return Diagnostic(
                ruleID: metadata.id, severity: .error,
                message: "bidirectional control \(what) can make text display in another order than it is read",
                range: range)
        case .invisible:
            return diagnostic("invisible character \(what)", at: range)
        }
    }
}
