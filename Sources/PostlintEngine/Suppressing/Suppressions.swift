import PostlintCore

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

    private var directives: [SuppressionDirective] = []

    var isEmpty: Bool { directives.isEmpty }

    init(document: Document) {
        if let disable = document.frontMatter?.root?["postlint"]?["disable"] {
            let names = (disable.items ?? [disable]).compactMap(\.scalarText)
            if !names.isEmpty {
                directives.append(SuppressionDirective(kind: .disableFile, rules: names, range: disable.range,
                                                       line: document.location(of: disable.range.lowerBound).line))
            }
        }
        for comment in document.body?.comments ?? [] {
            let line = document.location(of: comment.range.lowerBound).line
            if let directive = SuppressionDirective.parse(comment.text, range: comment.range, line: line) {
                directives.append(directive)
            }
        }
    }

    /// The findings not suppressed and, when asked, one `unused-disable` finding per directive that
    /// silenced nothing.
    func apply(to findings: [Finding], in document: Document, reportUnused: Bool) -> [Finding] {
        guard !directives.isEmpty else { return findings }
        var used = [Bool](repeating: false, count: directives.count)
        let kept = findings.filter { finding in
            guard let index = suppressingDirective(for: finding) else { return true }
            used[index] = true
            return false
        }
        guard reportUnused else { return kept }
        var unused: [Finding] = []
        for (index, directive) in directives.enumerated() where !used[index] && directive.kind != .enable {
            let what = directive.rules.isEmpty ? "any rule" : directive.rules.joined(separator: ", ")
            unused.append(Finding(path: document.path, start: document.location(of: directive.range.lowerBound),
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
                    return disable.line <= directive.line && (directive.rules.isEmpty || directive.rules.contains { disable.covers($0) })
                }
            }
        }
        match = regionOpeners.last
        return match
    }
}
