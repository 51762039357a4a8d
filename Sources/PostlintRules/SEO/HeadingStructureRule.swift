import PostlintCore

/// `heading-structure`: at most one H1 (none when the theme renders the title as H1), and no
/// skipped levels.
public struct HeadingStructureRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "heading-structure", category: .seo,
        summary: "Headings form an outline: one H1 at most, no skipped levels",
        rationale: """
            Screen readers, search engines and tables of contents read headings as an outline. A \
            page with two H1 headings has two main topics, and a jump from H2 to H4 leaves a gap \
            in the outline (Lighthouse and accessibility checkers report both). Most themes render \
            the front matter title as the page's H1; with title-is-h1, any H1 in the body is \
            reported. The page title counts as the H1 above the first heading, so a post that \
            starts at H3 skips a level.
            """,
        defaultSeverity: .warning,
        options: Options.declared,
        reads: [.markdown],
        triggeringExamples: [
            RuleExample("# Tea\n\nText.\n\n⟦# More tea⟧\n"),
            RuleExample("# Tea\n\n## Water\n\n⟦#### Temperature⟧\n"),
            RuleExample("⟦### Starting too deep⟧\n"),
            RuleExample("---\ntitle: Tea\n---\n⟦# Tea⟧\n\n## Water\n", options: ["title-is-h1": .bool(true)]),
        ],
        nonTriggeringExamples: [
            RuleExample("# Tea\n\n## Water\n\n### Temperature\n\n## Leaves\n\n### Sencha\n\n#### Grades\n"),
            RuleExample("## Water\n\n### Temperature\n", options: ["title-is-h1": .bool(true)]),
            RuleExample("```\n# not a heading\n# nor this\n```\n"),
        ])

    let titleIsH1: Bool

    /// `heading-structure`'s options.
    public struct Options: TypedRuleOptions {
        public var titleIsH1 = false

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .boolean("title-is-h1", \.titleIsH1, "the theme renders the title as the H1, so the body should have none")
        ]
    }

    public init(options: Options) {
        titleIsH1 = options.titleIsH1
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        var diagnostics: [Diagnostic] = []
        var previous = 1
        var seenH1 = false
        for heading in body.headings {
            if heading.level == 1 {
                if titleIsH1 {
                    diagnostics.append(diagnostic("the title is already the page's H1; use H2 for sections", at: heading.range))
                } else if seenH1 {
                    diagnostics.append(
                        diagnostic(
                            "second H1 heading; a page has one main heading, use H2 for sections",
                            at: heading.range))
                }
                seenH1 = true
            } else if heading.level > previous + 1 {
                diagnostics.append(diagnostic("heading level skips from H\(previous) to H\(heading.level)", at: heading.range))
            }
            previous = heading.level
        }
        return diagnostics
    }
}
