import PostlintCore
import PostlintMarkdown

/// `broken-link`: relative links to local files point at files that exist, and a `#fragment`
/// into a Markdown file names one of its headings.
public struct BrokenLinkRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "broken-link", category: .body,
        summary: "Relative links point at local files that exist, and at headings that exist",
        rationale: """
            A link to another post, a PDF or a download that was renamed or never committed \
            breaks silently. Paths resolve like images (post folder, site roots, escapes \
            decoded, letter case compared exactly). A `#fragment` into a Markdown file must match \
            one of its headings' anchors (GitHub-style: lower case, punctuation dropped, spaces \
            as hyphens, `-1` for repeats, or an explicit `{#id}`). Links to folders are accepted. \
            Remote links are not checked.
            """,
        defaultSeverity: .error,
        options: [
            RuleOption("check-anchors", .bool(true), "check `#fragment` against the target's heading anchors"),
        ],
        reads: [.markdown],
        capabilities: [.reportsMissingLocalFiles],
        triggeringExamples: [
            RuleExample("Read ⟦[the setup notes](setup.md)⟧ first.\n"),
            RuleExample("Download ⟦[the slides][slides]⟧.\n\n[slides]: files/talk%20slides.pdf\n"),
            RuleExample("# Install\n\nSee ⟦[usage](#usage)⟧ below.\n"),
            RuleExample("<p>⟦<a href=\"../archive/2019.md\">⟧Archive</a></p>\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("See [the project site](https://example.com/docs) or <https://example.com>.\n"),
            RuleExample("## Getting Started\n\nJump to [the start](#getting-started) or [top](#top).\n"),
            RuleExample("Mail [us](mailto:team@example.com).\n"),
            RuleExample("```\n[not a link](missing.md)\n```\n"),
            RuleExample("## Usage\n\n[Usage](#usage)\n", options: ["check-anchors": .bool(true)]),
        ])

    let checkAnchors: Bool

    public init(options: RuleOptions) {
        checkAnchors = options.bool("check-anchors", default: true)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        var files = LocalFileCheck(documentPath: document.path, context: context)
        var ownAnchors: DocumentAnchors?
        var otherAnchors: [String: DocumentAnchors?] = [:]
        var diagnostics: [Diagnostic] = []
        for link in body.links where link.kind != .autolink {
            let destination = link.destination
            switch LocalReference.target(of: destination) {
            case .empty, .inline, .notLocal:
                continue
            case .sameDocument(let fragment):
                guard checkAnchors, !fragment.isEmpty, fragment != "top" else { continue }
                if ownAnchors == nil {
                    ownAnchors = DocumentAnchors(bytes: document.source.utf8, body: body,
                                                 bodyRange: document.bodyRange, style: context.anchorStyle)
                }
                if let anchors = ownAnchors, anchors.lacks(fragment) {
                    diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in this post", at: link.range))
                }
            case .local(let path, let fragment):
                switch files.check(path) {
                case .found(let found, let kind):
                    guard checkAnchors, kind == .file, let fragment, !fragment.isEmpty else { continue }
                    let resolved = found.string
                    guard Self.isMarkdown(resolved) else { continue }
                    if otherAnchors[resolved] == nil {
                        otherAnchors[resolved] = .some(Self.anchors(ofFile: resolved, context: context))
                    }
                    if let anchors = otherAnchors[resolved] ?? nil, anchors.lacks(fragment) {
                        diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in \(path)", at: link.range))
                    }
                case .missing(let resolved):
                    diagnostics.append(diagnostic("linked file \"\(destination)\" not found (looked for \(resolved.string))",
                                                  at: link.range))
                case .letterCase(_, let written, let actual):
                    diagnostics.append(diagnostic(
                        "link \"\(destination)\" differs in letter case from the file on disk: \"\(written)\" is \"\(actual)\"",
                        at: link.range))
                case .outsideRoots:
                    diagnostics.append(diagnostic("link \"\(destination)\" points outside the site", at: link.range))
                case .unresolvable:
                    continue
                }
            }
        }
        return diagnostics
    }

    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".md", ".markdown", ".mdown", ".mkd"].contains { lower.hasSuffix($0) }
    }

    /// The anchors of another Markdown file in the site's style, when the file system can read it
    /// (remembered for the run by the file system the engine gives).
    static func anchors(ofFile path: String, context: RuleContext) -> DocumentAnchors? {
        guard let reader = context.fileSystem as? any FileContentsView else { return nil }
        return reader.anchors(ofFile: path, style: context.anchorStyle)
    }
}
