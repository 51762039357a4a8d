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
                    if let routes = context.routes {
                        checkRoute(path, fragment: fragment, destination: destination, routes: routes, document: document,
                                   context: context, otherAnchors: &otherAnchors, range: link.range, into: &diagnostics)
                    } else {
                        diagnostics.append(diagnostic("linked file \"\(destination)\" not found (looked for \(resolved.string))",
                                                      at: link.range))
                    }
                case .letterCase(_, let written, let actual):
                    diagnostics.append(diagnostic(
                        "link \"\(destination)\" differs in letter case from the file on disk: \"\(written)\" is \"\(actual)\"",
                        at: link.range))
                case .outsideRoots:
                    if let routes = context.routes {
                        checkRoute(path, fragment: fragment, destination: destination, routes: routes, document: document,
                                   context: context, otherAnchors: &otherAnchors, range: link.range, into: &diagnostics)
                    } else {
                        diagnostics.append(diagnostic("link \"\(destination)\" points outside the site", at: link.range))
                    }
                case .unresolvable:
                    // A root-relative path with no site known and no site roots: not checked.
                    guard let routes = context.routes else { continue }
                    checkRoute(path, fragment: fragment, destination: destination, routes: routes, document: document,
                               context: context, otherAnchors: &otherAnchors, range: link.range, into: &diagnostics)
                }
            }
        }
        return diagnostics
    }

    /// A path that is no file, judged as a route of the post's site: a page made from a post
    /// (its `#fragment` checked in that post), something else served, missing under a known part
    /// of the site (an error), or unknown (not checked: `unchecked-link` lists it).
    private func checkRoute(_ path: String, fragment: String?, destination: String, routes: any RouteResolving,
                            document: Document, context: RuleContext, otherAnchors: inout [String: Set<String>?],
                            range: ByteRange, into diagnostics: inout [Diagnostic]) {
        switch routes.resolve(path, from: document.path) {
        case .post(let post):
            guard checkAnchors, let fragment, !fragment.isEmpty, Self.isMarkdown(post) else { return }
            if otherAnchors[post] == nil { otherAnchors[post] = Self.anchors(ofFile: post, context: context) }
            if let anchors = otherAnchors[post] ?? nil, !anchors.contains(fragment) {
                diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in the post served at \(path)", at: range))
            }
        case .served, .unknown, .external:
            return
        case .missing(let route):
            diagnostics.append(diagnostic("linked page \"\(destination)\" not found: no post, file or listing of the site is served at \(route)",
                                          at: range))
        }
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
