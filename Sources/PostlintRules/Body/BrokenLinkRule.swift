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
        var ownAnchors: Set<String>?
        var otherAnchors: [String: Set<String>?] = [:]
        var diagnostics: [Diagnostic] = []
        for link in body.links where link.kind != .autolink {
            let destination = link.destination
            switch LocalReference.target(of: destination) {
            case .empty, .inline, .notLocal:
                continue
            case .sameDocument(let fragment):
                guard checkAnchors, !fragment.isEmpty, fragment != "top" else { continue }
                if ownAnchors == nil { ownAnchors = Self.anchors(of: document.source.bytes, body: body) }
                if let anchors = ownAnchors, !anchors.contains(fragment) {
                    diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in this post", at: link.range))
                }
            case .local(let path, let fragment):
                switch files.check(path) {
                case .found(let found, let kind):
                    guard checkAnchors, kind == .file, let fragment, !fragment.isEmpty else { continue }
                    let resolved = found.string
                    guard Self.isMarkdown(resolved) else { continue }
                    if otherAnchors[resolved] == nil {
                        otherAnchors[resolved] = Self.anchors(ofFile: resolved, context: context)
                    }
                    if let anchors = otherAnchors[resolved] ?? nil, !anchors.contains(fragment) {
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

    /// Heading anchors of a document, plus `id` and `name` attributes written in its HTML.
    static func anchors(of bytes: [UInt8], body: MarkdownBody) -> Set<String> {
        HeadingAnchors.anchors(of: body.headings).union(HTMLAnchorIDs.ids(in: bytes))
    }

    /// The anchors of another Markdown file, when the file system can read it.
    static func anchors(ofFile path: String, context: RuleContext) -> Set<String>? {
        guard let reader = context.fileSystem as? any FileContentsView, let bytes = reader.contents(of: path) else {
            return nil
        }
        let source = SourceText(bytes: bytes)
        let body = MarkdownScanner.scan(source, range: HTMLAnchorIDs.bodyStart(of: bytes)..<bytes.count)
        return anchors(of: bytes, body: body)
    }
}
