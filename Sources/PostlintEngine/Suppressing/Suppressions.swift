import PostlintCore
import PostlintParsing

/// The suppressions of one document, applied to its findings by line:
/// `<!-- postlint-disable a b -->` … `<!-- postlint-enable -->` (a region; no rules named: all),
/// `<!-- postlint-disable-line a -->`, `<!-- postlint-disable-next-line a -->`,
/// `<!-- postlint-disable-file a -->`, and `postlint: {disable: [a]}` in the front matter (the whole
/// post: the way to silence front matter rules for one post).
struct Suppressions: Sendable {
    /// The metadata of the finding reported for a directive that silenced nothing.
    static let unusedMetadata = RuleMetadata(
        id: "unused-disable", category: .custom,
        summary: "A suppression comment silences something",
        rationale: """
            A postlint-disable comment that silences nothing is left over from text that was fixed \
            or moved; it would silently hide the next real problem. Reported only with \
            --report-unused-disables.
            """,
        defaultSeverity: .warning, reads: [.markdown],
        triggeringExamples: [], nonTriggeringExamples: [])

    /// The metadata of the finding reported for a comment that looks like a directive but is none.
    static let unknownDirectiveMetadata = RuleMetadata(
        id: "unknown-directive", category: .custom,
        summary: "A comment that starts with postlint- is a directive postlint knows",
        rationale: """
            A misspelt suppression comment (postlint-disable-lnie) silences nothing, so the finding \
            it was meant to silence stays while the comment suggests it is handled. Such a comment is \
            reported with the directive it most likely meant. Always on.
            """,
        defaultSeverity: .warning, reads: [.markdown],
        triggeringExamples: [
            RuleExample("---\ntitle: A\n---\n⟦<!-- postlint-disable-lnie broken-image -->⟧\n![Plan](missing.png)\n")
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: A\n---\n<!-- postlint-disable-line broken-image -->\n"),
            RuleExample("---\ntitle: A\n---\n<!-- a comment about postlint-disable-lnie -->\n"),
        ])

    /// The rules the suppression comments report, which are not configured like the others.
    static let metadata = [unusedMetadata, unknownDirectiveMetadata]

    private var directives: [SuppressionDirective] = []
    /// Comments that start like a directive but are none: the name and where the comment is.
    private var unknown: [(name: String, range: ByteRange)] = []

    var isEmpty: Bool { directives.isEmpty && unknown.isEmpty }

    init(document: Document) {
        if let disable = document.frontMatter?.root?["postlint"]?["disable"] {
            let names = (disable.items ?? [disable]).compactMap(\.scalarText)
            if !names.isEmpty {
                directives.append(
                    SuppressionDirective(
                        kind: .disableFile, rules: names, range: disable.range,
                        line: document.location(of: disable.range.lowerBound).line))
            }
        }
        for comment in document.body?.comments ?? [] where SuppressionDirective.mayBeDirective(comment.text) {
            let line = document.location(of: comment.range.lowerBound).line
            if let directive = SuppressionDirective.parse(comment.text, range: comment.range, line: line) {
                directives.append(directive)
            } else if let name = SuppressionDirective.unknownDirectiveName(in: comment.text) {
                unknown.append((name, comment.range))
            }
        }
    }

    /// The findings not suppressed and, when asked, one `unused-disable` finding per directive that
    /// silenced nothing.
    func apply(to findings: [Finding], in document: Document, reportUnused: Bool) -> [Finding] {
        guard !isEmpty else { return findings }
        var used = [Bool](repeating: false, count: directives.count)
        var kept = findings.filter { finding in
            guard let index = suppressingDirective(for: finding) else { return true }
            used[index] = true
            return false
        }
        for (name, range) in unknown {
            var message = "unknown directive \"\(name)\""
            if let close = YAMLFile.closest(to: name, in: SuppressionDirective.names) {
                message += "; did you mean \"\(close)\"?"
            }
            kept.append(
                Finding(
                    path: document.path, start: document.location(of: range.lowerBound),
                    end: document.location(of: range.upperBound),
                    ruleID: Self.unknownDirectiveMetadata.id,
                    severity: Self.unknownDirectiveMetadata.defaultSeverity, message: message, range: range))
        }
        guard reportUnused else { return kept }
        var unused: [Finding] = []
        for (index, directive) in directives.enumerated() where !used[index] && directive.kind != .enable {
            let what = directive.rules.isEmpty ? "any rule" : directive.rules.joined(separator: ", ")
            unused.append(
                Finding(
                    path: document.path, start: document.location(of: directive.range.lowerBound),
                    end: document.location(of: directive.range.upperBound),
                    ruleID: Self.unusedMetadata.id, severity: Self.unusedMetadata.defaultSeverity,
                    message: "\(directive.kind.rawValue) for \(what) silences nothing",
                    range: directive.range))
        }
        return kept + unused
    }

    /// Whether a directive silences `finding` (for site-level findings, judged after the file).
    func silences(_ finding: Finding) -> Bool {
        suppressingDirective(for: finding) != nil
    }

    /// The index of the directive that silences `finding`, if any.
    private func suppressingDirective(for finding: Finding) -> Int? {
        let line = finding.start.line
        var regionOpeners: [Int] = []
        var match: Int?
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .disableFile:
                if directive.covers(finding.ruleID) { return index }
            case .disableLine:
                if directive.line == line, directive.covers(finding.ruleID) { return index }
            case .disableNextLine:
                if directive.line + 1 == line, directive.covers(finding.ruleID) { return index }
            case .disable:
                if directive.line <= line, directive.covers(finding.ruleID) { regionOpeners.append(index) }
            case .enable:
                guard directive.line <= line else { continue }
                // An enable closes the regions it names (or all) that opened before it.
                regionOpeners.removeAll { opener in
                    let disable = directives[opener]
                    return disable.line <= directive.line
                        && (directive.rules.isEmpty || directive.rules.contains { disable.covers($0) })
                }
            }
        }
        match = regionOpeners.last
        return match
    }
}
