import PostlintCore

/// `front-matter-syntax`: front matter that does not parse.
public struct FrontMatterSyntaxRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "front-matter-syntax", category: .frontMatter,
        summary: "Front matter parses as YAML or TOML",
        rationale: """
            A site generator that cannot parse the front matter fails the build or, worse, publishes \
            the post without its metadata. The message gives the parser's reason at its line and \
            column in the file. A YAML tag postlint does not know (`!custom`) is a warning: the \
            value is read as text, where a strict loader refuses the file.
            """,
        defaultSeverity: .error, reads: [.frontMatter],
        triggeringExamples: [
            RuleExample("---\ntitle: Tea time⟦: a guide⟧\n---\n"),
            RuleExample("⟦---⟧\ntitle: the closing fence is missing\n"),
            RuleExample("---\ntitle: ⟦!custom Tea time⟧\n---\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: \"Quoted: with a colon\"\n---\n"),
            RuleExample("No front matter is another rule's business.\n"),
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let frontMatter = document.frontMatter else { return [] }
        // What loaders accept but postlint reads only in part (an unknown tag): a warning.
        var found = frontMatter.notices.map { notice in
            var finding = diagnostic(notice.reason, at: restOfLine(from: notice.offset, in: document))
            finding.severity = .warning
            return finding
        }
        if let error = frontMatter.syntaxError {
            found.append(
                diagnostic(
                    "front matter does not parse: \(error.reason)",
                    at: restOfLine(from: error.offset, in: document)))
        }
        return found
    }

    private func restOfLine(from offset: Int, in document: Document) -> ByteRange {
        let index = document.source.lineIndex
        let line = index.lineIndex(containing: offset)
        return offset..<max(offset, index.contentRange(ofLine: line).upperBound)
    }
}
