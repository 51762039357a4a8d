import PostlintCore
import PostlintReporters

/// Reports the tests render: every severity, fixes (replacement, insertion, deletion), non-ASCII
/// and reserved characters in paths, hostile message text, a rule the report does not describe,
/// a file without findings.
enum ReportSamples {
    static let version = "1.2.3"

    static let dessertText = "---\ntitle: Crème brûlée\nslug: Crème Brûlée\n---\nA “custard” with 🍮 on top.  \n"
    static let dessertPath = "posts/crème brûlée.md"
    static let reservedPath = "posts/a b#c%d?.md"
    static let reservedText = "---\ntitle: TBD\n---\nTBD\n"
    static let cleanPath = "posts/clean.md"

    /// Positions of `range` in `text`, as the engine computes them.
    static func finding(
        _ path: String, _ text: String, _ range: ByteRange, rule: String, _ severity: Severity,
        _ message: String, fix: Fix? = nil
    ) -> Finding {
        let index = SourceText(text).lineIndex
        return Finding(
            path: path, start: index.location(of: range.lowerBound), end: index.location(of: range.upperBound),
            ruleID: rule, severity: severity, message: message, range: range, fix: fix)
    }

    /// The byte range of the first occurrence of `needle` in `text`.
    static func range(of needle: String, in text: String) -> ByteRange {
        let haystack = Array(text.utf8)
        let target = Array(needle.utf8)
        guard !target.isEmpty, haystack.count >= target.count else { return 0..<0 }
        for start in 0...(haystack.count - target.count) where Array(haystack[start..<start + target.count]) == target {
            return start..<(start + target.count)
        }
        return 0..<0
    }

    static let hostileMessage =
        "says \"hi\", a back\\slash, 50% done: ok,\tthen\nnew line \u{1B}[31mred\u{1B}[0m <b>&amp;</b> \u{202E}evil"

    static var findings: [Finding] {
        let slug = range(of: "Crème Brûlée", in: dessertText)
        let quotes = range(of: "“custard”", in: dessertText)
        let trailing = range(of: "  \n", in: dessertText)
        let spaces = trailing.lowerBound..<(trailing.lowerBound + 2)
        let tbdTitle = range(of: "TBD", in: reservedText)
        let tbdBody = range(of: "\nTBD", in: reservedText)
        let body = (tbdBody.lowerBound + 1)..<tbdBody.upperBound
        let found = [
            finding(
                dessertPath, dessertText, slug, rule: "slug-format", .error,
                "slug \"Crème Brûlée\" is not lower-case ASCII words joined by single hyphens; use \"creme-brulee\"",
                fix: Fix(title: "Use \"creme-brulee\"", edits: [TextEdit(range: slug, replacement: "creme-brulee")])),
            finding(dessertPath, dessertText, quotes, rule: "smart-quotes", .warning, hostileMessage),
            finding(
                dessertPath, dessertText, spaces, rule: "trailing-space", .info, "line ends with 2 spaces",
                fix: Fix(
                    title: "Remove trailing spaces, end with a period",
                    edits: [
                        TextEdit(range: spaces, replacement: ""),
                        TextEdit(range: spaces.lowerBound..<spaces.lowerBound, replacement: "."),
                    ])),
            finding(reservedPath, reservedText, tbdTitle, rule: "house.no-tbd", .error, "\"TBD\" left in the title"),
            finding(reservedPath, reservedText, body, rule: "ghost-rule", .warning, "reported by a rule nobody described"),
        ]
        return found.sorted(by: Finding.reportOrder)
    }

    static let rules: [RuleMetadata] = [
        RuleMetadata(
            id: "slug-format", category: .frontMatter, summary: "The slug is lower-case ASCII words joined by hyphens",
            rationale: "The slug becomes the URL; anything else breaks when typed.", defaultSeverity: .error,
            options: [
                RuleOption("field", .string("slug"), "the field that holds the slug"),
                RuleOption("max-length", .int(75), "the longest slug allowed, in characters"),
            ],
            isFixable: true, reads: [.frontMatter], triggeringExamples: [], nonTriggeringExamples: []),
        RuleMetadata(
            id: "smart-quotes", category: .body, summary: "Quotes are plain ASCII",
            rationale: """
                Curly quotes pasted from word processors render inconsistently in `code` and *feeds*.
                """,
            defaultSeverity: .warning, reads: [.markdown], triggeringExamples: [], nonTriggeringExamples: []),
        RuleMetadata(
            id: "trailing-space", category: .body, summary: "Lines do not end in spaces",
            rationale: "Two trailing spaces are a hard line break in Markdown, usually by accident.",
            defaultSeverity: .info, isEnabledByDefault: false, isFixable: true, reads: [.markdown],
            triggeringExamples: [], nonTriggeringExamples: []),
        RuleMetadata(
            id: "house.no-tbd", category: .custom, summary: "No placeholder text is published",
            rationale: "A post with TBD in it is not finished.", defaultSeverity: .error, reads: [.frontMatter, .markdown],
            triggeringExamples: [], nonTriggeringExamples: [], origin: "rules/house/no-tbd.yml"),
    ]

    static var report: LintReport {
        LintReport(
            findings: findings, fileCount: 3, rules: rules, toolVersion: version,
            files: [dessertPath, reservedPath, cleanPath])
    }

    static var cleanReport: LintReport {
        LintReport(findings: [], fileCount: 1, rules: rules, toolVersion: version, files: [cleanPath])
    }
}
