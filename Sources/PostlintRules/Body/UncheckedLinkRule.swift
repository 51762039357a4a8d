import PostlintCore

/// `unchecked-link`: lists the root-relative links and images that could not be judged, because
/// they fall under no route, static folder or declared prefix of a known site (or no site is
/// known and no site roots are configured), and in a known site the relative ones that resolve,
/// against the post's URL, to such a path. They are not errors; the text summary counts them as
/// "not checked".
public struct UncheckedLinkRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "unchecked-link", category: .body,
        summary: "Route links and images that no known route, static folder or site root covers",
        rationale: """
            A root-relative link (`/windows/apps/`, `/blog/2020/post/`) is a route the site's \
            generator serves, not a file. postlint resolves it against the routes of the detected \
            site (`postlint site` shows them) and its static folders; one that falls under none of \
            them, or any such link when no site is detected and no `site-roots` are configured, \
            may be served by another system, and so may a relative route link (`../../other/`) \
            that resolves against the post's URL to such a path, so it is not reported as broken. This rule lists \
            them, at info level, so that you can see what was not checked; declare prefixes \
            served elsewhere under `site: {external: [...]}`.
            """,
        defaultSeverity: .info,
        options: [],
        reads: [.markdown], capabilities: .reportsUnchecked,
        triggeringExamples: [
            RuleExample("See ⟦[the platform docs](/windows/apps/get-started/)⟧.\n"),
            RuleExample("⟦![Logo](/images/logo.png)⟧\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("See [the setup notes](setup.md) and [the site](https://example.com/).\n"),
            RuleExample("Jump to [usage](#usage).\n\n## Usage\n"),
        ])

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        // With site roots and no site, broken-link and broken-image judge every root-relative path.
        if context.routes == nil, !context.siteRoots.isEmpty { return [] }
        var files: LocalFileCheck?
        var diagnostics: [Diagnostic] = []
        func judge(_ destination: String, range: ByteRange, what: String) {
            let rootRelative = destination.utf8.first == UInt8(ascii: "/")
            // A relative path is a route only in a known site; without one it is a file.
            guard rootRelative || context.routes != nil, !destination.hasPrefix("//"),
                case .local(let path, _) = LocalReference.target(of: destination)
            else { return }
            if let routes = context.routes {
                if files == nil { files = LocalFileCheck(documentPath: document.path, context: context) }
                switch files?.check(path) {
                case .found(_, let kind)? where rootRelative || kind != .directory: return
                case .letterCase?: return
                default: break
                }
                guard routes.resolve(path, from: document.path) == .unknown else { return }
            }
            diagnostics.append(diagnostic(notChecked(what, destination), at: range))
        }
        // Each link read in place, field by field: a copy of a whole link retains all its strings.
        let links = body.links
        for index in links.indices where links[index].kind != .autolink {
            judge(links[index].destination, range: links[index].range, what: "link")
        }
        for image in body.images { judge(image.destination, range: image.range, what: "image") }
        return diagnostics.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

private func notChecked(_ what: String, _ destination: String) -> String {
    "\(what) \"\(destination)\" not checked: no known route, static folder or site root covers it"
}
