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
            decoded, letter case compared exactly except on a DocFX site, whose build finds files \
            whatever their letter case). A `#fragment` into a Markdown file must name \
            an anchor the site's generator gives it: a heading's id in the site's anchor style \
            (github: GitHub's and Docusaurus' github-slugger; goldmark, github-ascii, \
            blackfriday: Hugo's `autoHeadingIDType`s, which slug the heading's Markdown source; \
            kramdown-gfm: Jekyll's default; kramdown; zola; pandoc; pandoc-gfm), repeats \
            numbered as that generator numbers them, an explicit `{#id}` where it honours one, \
            a footnote's ids (`fn:name` in kramdown, `fn:1` in Hugo, `fn1` in Pandoc, \
            `user-content-fn-name` on GitHub), kramdown's `{: #id}`, or an HTML `id` or `name`; \
            the headings of pages an include shortcode renders in place (Hugo's \
            `{{% include "path" %}}`, found as the site finds them) count as the post's own, \
            and where such a page cannot be found the post's anchors are not checked. On a \
            DocFX site a heading that is only a link to `#tab/id` starts a tab, not a link. \
            The site model sets the style from the detected generator; without one it is github \
            (which also accepts an explicit `{#id}`). Where a heading's id cannot be known in the \
            style (Zola spells scripts other than Latin, Greek and Cyrillic, such as CJK, in \
            ASCII words from tables postlint does not carry), a fragment not found is \
            not reported. Each linked post's anchors are worked out once a run. Links to folders \
            are accepted, except that in a detected site a relative link (`../other-post/`) is \
            resolved against the post's own URL, as the browser does: missing there under a \
            known part of the site, it is broken (`unchecked-link` lists it when the part is not \
            known). On a Jekyll site without jekyll-relative-links (`postlint site` says whether \
            it is on), a link to a post's `.md` source is broken: Jekyll serves the page, not \
            the source. Remote links are not checked.
            """,
        defaultSeverity: .error,
        options: Options.declared,
        reads: [.markdown],
        capabilities: [.reportsMissingLocalFiles, .isSearchCheck],
        triggeringExamples: [
            RuleExample("Read ⟦[the setup notes](setup.md)⟧ first.\n"),
            RuleExample("Download ⟦[the slides][slides]⟧.\n\n[slides]: files/talk%20slides.pdf\n"),
            RuleExample("# Install\n\nSee ⟦[usage](#usage)⟧ below.\n"),
            RuleExample("<p>⟦<a href=\"../archive/2019.md\">⟧Archive</a></p>\n"),
            RuleExample("## 2. Install\n\nGitHub keeps the digit: ⟦[install](#install)⟧, not `#2-install`.\n"),
            RuleExample("## Notes\n\n## Notes\n\nRepeats count from 1: ⟦[second](#notes-2)⟧.\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("See [the project site](https://example.com/docs) or <https://example.com>.\n"),
            RuleExample("## Getting Started\n\nJump to [the start](#getting-started) or [top](#top).\n"),
            RuleExample("<a name = \"faq\"></a>\n\nSee [the questions](#faq).\n"),
            RuleExample("Mail [us](mailto:team@example.com).\n"),
            RuleExample("```\n[not a link](missing.md)\n```\n"),
            RuleExample("## Usage\n\n[Usage](#usage)\n", options: ["check-anchors": .bool(true)]),
            RuleExample("## Notes\n\n## Notes\n\n[First](#notes) and [second](#notes-1).\n"),
            RuleExample("## Set up the `server` {#setup}\n\n[Setup](#setup)\n"),
            RuleExample("Said so.[^source]\n\n[^source]: The source.\n\n[Source](#user-content-fn-source)\n"),
            RuleExample("<a name=\"legacy\"></a>\n\n[Old link](#legacy)\n"),
        ])

    let checkAnchors: Bool

    /// `broken-link`'s options.
    public struct Options: TypedRuleOptions {
        public var checkAnchors = true

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .boolean("check-anchors", \.checkAnchors, "check `#fragment` against the target's heading anchors")
        ]
    }

    public init(options: Options) {
        checkAnchors = options.checkAnchors
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        var files = LocalFileCheck(documentPath: document.path, context: context)
        var ownAnchors: DocumentAnchors?
        var otherAnchors: [String: DocumentAnchors?] = [:]
        var diagnostics: [Diagnostic] = []
        // Each link read in place, field by field: a copy of a whole link retains all its strings.
        let links = body.links
        for index in links.indices where links[index].kind != .autolink {
            let destination = links[index].destination
            let range = links[index].range
            switch LocalReference.target(of: destination) {
            case .empty, .inline, .notLocal:
                continue
            case .sameDocument(let fragment):
                guard checkAnchors, !fragment.isEmpty, fragment != "top" else { continue }
                if fragment.hasPrefix("tab/"), context.routes?.tabbedContentHeadings == true,
                    body.headings.contains(where: { $0.range.contains(range.lowerBound) })
                {
                    continue  // DocFX's tabbed content: `# [Linux](#tab/linux)` starts a tab
                }
                if ownAnchors == nil {
                    ownAnchors = Self.withIncludedPages(
                        DocumentAnchors(
                            bytes: document.source.utf8, body: body,
                            bodyRange: document.bodyRange, style: context.anchorStyle),
                        of: document.path, context: context)
                }
                if let anchors = ownAnchors, anchors.lacks(fragment, definitionTerms: context.routes?.definitionTermIDs ?? false)
                {
                    diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in this post", at: range))
                }
            case .local(let path, let fragment):
                switch files.check(path) {
                case .found(let found, let kind):
                    if kind == .directory, let routes = context.routes, !path.hasPrefix("/") {
                        // `other-post/` is relative to the post's URL, not its file: a folder
                        // beside the post says nothing of what is served there.
                        checkRoute(
                            path, fragment: fragment, destination: destination, routes: routes, document: document,
                            context: context, otherAnchors: &otherAnchors, range: range, into: &diagnostics)
                        continue
                    }
                    if kind == .file, let routes = context.routes, Self.isMarkdown(found.string),
                        let page = routes.unservedSource(found.string, linkedFrom: document.path)
                    {
                        diagnostics.append(
                            diagnostic(
                                "link to the source \"\(destination)\" stays as written on this site (no plugin rewrites it), and the source is not served: link to its page \(page)",
                                at: range))
                        continue
                    }
                    guard checkAnchors, kind == .file, let fragment, !fragment.isEmpty else { continue }
                    let resolved = found.string
                    guard Self.isMarkdown(resolved) else { continue }
                    if otherAnchors[resolved] == nil {
                        otherAnchors[resolved] = .some(Self.anchors(ofFile: resolved, context: context))
                    }
                    if let anchors = otherAnchors[resolved] ?? nil,
                        anchors.lacks(fragment, definitionTerms: context.routes?.definitionTermIDs ?? false)
                    {
                        diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in \(path)", at: range))
                    }
                case .missing(let resolved):
                    if let routes = context.routes {
                        checkRoute(
                            path, fragment: fragment, destination: destination, routes: routes, document: document,
                            context: context, otherAnchors: &otherAnchors, range: range, into: &diagnostics)
                    } else {
                        diagnostics.append(
                            diagnostic(
                                "linked file \"\(destination)\" not found (looked for \(resolved.string))",
                                at: range))
                    }
                case .letterCase(_, let written, let actual):
                    diagnostics.append(
                        diagnostic(
                            "link \"\(destination)\" differs in letter case from the file on disk: \"\(written)\" is \"\(actual)\"",
                            at: range))
                case .outsideRoots:
                    if let routes = context.routes {
                        checkRoute(
                            path, fragment: fragment, destination: destination, routes: routes, document: document,
                            context: context, otherAnchors: &otherAnchors, range: range, into: &diagnostics)
                    } else {
                        diagnostics.append(diagnostic("link \"\(destination)\" points outside the site", at: range))
                    }
                case .unresolvable:
                    // A root-relative path with no site known and no site roots: not checked.
                    guard let routes = context.routes else { continue }
                    checkRoute(
                        path, fragment: fragment, destination: destination, routes: routes, document: document,
                        context: context, otherAnchors: &otherAnchors, range: range, into: &diagnostics)
                }
            }
        }
        return diagnostics
    }

    /// A path that is no file, judged as a route of the post's site: a page made from a post
    /// (its `#fragment` checked in that post), something else served, missing under a known part
    /// of the site (an error), or unknown (not checked: `unchecked-link` lists it).
    private func checkRoute(
        _ path: String, fragment: String?, destination: String, routes: any RouteResolving,
        document: Document, context: RuleContext, otherAnchors: inout [String: DocumentAnchors?],
        range: ByteRange, into diagnostics: inout [Diagnostic]
    ) {
        switch routes.resolve(path, from: document.path) {
        case .post(let post):
            guard checkAnchors, let fragment, !fragment.isEmpty, Self.isMarkdown(post) else { return }
            if otherAnchors[post] == nil { otherAnchors[post] = .some(Self.anchors(ofFile: post, context: context)) }
            if let anchors = otherAnchors[post] ?? nil,
                anchors.lacks(fragment, definitionTerms: context.routes?.definitionTermIDs ?? false)
            {
                diagnostics.append(diagnostic("no heading with anchor \"#\(fragment)\" in the post served at \(path)", at: range))
            }
        case .served, .unknown, .external:
            return
        case .missing(let route):
            diagnostics.append(
                diagnostic(
                    "linked page \"\(destination)\" not found: no post, file or listing of the site is served at \(route)",
                    at: range))
        }
    }

    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".md", ".markdown", ".mdown", ".mkd"].contains { lower.hasSuffix($0) }
    }

    /// The anchors of another Markdown file in the site's style, when the file system can read it
    /// (remembered for the run by the file system the engine gives), with those of the pages its
    /// include shortcodes render (`withIncludedPages`).
    static func anchors(ofFile path: String, context: RuleContext) -> DocumentAnchors? {
        guard let reader = context.fileSystem as? any FileContentsView,
            let anchors = reader.anchors(ofFile: path, style: context.anchorStyle)
        else { return nil }
        return withIncludedPages(anchors, of: path, context: context)
    }

    /// `anchors` with those of the pages its include shortcodes render in place (Hugo's
    /// `{{% include "path" %}}`), found as the site finds them, up to four includes deep. An
    /// included page that cannot be found or read, or any include where no site is known, leaves
    /// the anchors incomplete: a fragment they lack is then unknown, not broken.
    static func withIncludedPages(
        _ anchors: DocumentAnchors, of path: String, context: RuleContext, depth: Int = 0
    ) -> DocumentAnchors {
        guard !anchors.includedPages.isEmpty else { return anchors }
        guard depth < 4, let routes = context.routes, let reader = context.fileSystem as? any FileContentsView else {
            return anchors.including([], complete: false)
        }
        var included: [DocumentAnchors] = []
        var complete = true
        for argument in anchors.includedPages {
            let found = routes.includedPageCandidates(argument, from: path).lazy
                .compactMap { candidate in
                    reader.anchors(ofFile: candidate, style: context.anchorStyle).map { ($0, candidate) }
                }
                .first
            if let (page, candidate) = found {
                included.append(withIncludedPages(page, of: candidate, context: context, depth: depth + 1))
            } else {
                complete = false
            }
        }
        return anchors.including(included, complete: complete)
    }
}
