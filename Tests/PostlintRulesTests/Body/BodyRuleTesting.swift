import PostlintCore
import PostlintParsing

/// Runs a rule on a post and reports its diagnostics as `line:column message`.
struct BodyRuleRun {
    let document: Document
    let diagnostics: [Diagnostic]

    init(
        _ rule: any Rule, path: String = "content/post.md", text: String, fileSystem: any FileSystemView,
        siteRoots: [String] = [], anchorStyle: AnchorStyle = .github
    ) {
        document = DocumentLoader.load(path: path, text: text)
        diagnostics = rule.check(
            document,
            context: RuleContext(
                fileSystem: fileSystem, siteRoots: siteRoots,
                anchorStyle: anchorStyle))
    }

    /// `line:column` of each diagnostic's start.
    var positions: [String] {
        diagnostics.map { document.location(of: $0.range.lowerBound).description }
    }

    var messages: [String] { diagnostics.map(\.message) }

    /// The text each diagnostic covers.
    var covered: [String] { diagnostics.map { document.source.string(in: $0.range) } }
}
