import PostlintCore

/// `broken-image`: every local image, in the body or in a front matter image field, exists with
/// exactly the letter case written.
public struct BrokenImageRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "broken-image", category: .body,
        summary: "Local images exist, spelled with the same letter case as on disk",
        rationale: """
            A missing image is the most visible defect on a published post. Relative paths \
            resolve against the post's folder and root-relative ones (`/images/a.png`) against \
            the site roots; `%20` and other escapes are decoded, `?query` and `#fragment` \
            ignored. A file that exists only with other letter case works on a laptop and breaks \
            on a case-sensitive server, so it is an error too, found on any file system (except \
            on a DocFX site, whose build finds files whatever their letter case). Paths \
            that climb out of every site root from a post inside one are errors. Remote images, `data:` URIs and \
            template expressions (`{{ ... }}`, `{% ... %}`) are not checked. Front matter fields \
            that hold images are checked the same way.
            """,
        defaultSeverity: .error,
        options: Options.declared,
        reads: [.frontMatter, .markdown],
        capabilities: [.checksRemoteImages, .reportsMissingLocalFiles, .isSearchCheck],
        triggeringExamples: [
            RuleExample("The flow:\n\n⟦![Request flow](img/flow.png)⟧\n"),
            RuleExample("⟦![Quarterly chart][chart]⟧\n\n[chart]: charts/q1%20final.png\n"),
            RuleExample("<figure>\n  ⟦<img src=\"hero.jpg\" alt=\"Hero\">⟧\n</figure>\n"),
            RuleExample("---\ntitle: Notes\ncover: ⟦images/cover.jpg⟧\n---\nText.\n"),
            RuleExample("---\nbanner: ⟦\"wide.png\"⟧\n---\n", options: ["fields": .strings(["banner"])]),
        ],
        nonTriggeringExamples: [
            RuleExample("![Logo](https://example.com/logo.png)\n"),
            RuleExample("![Dot](data:image/png;base64,iVBORw0KGgo=)\n"),
            RuleExample("![Site logo]({{site.logo}})\n"),
            RuleExample("```markdown\n![Not rendered](missing.png)\n```\n\nAnd `![inline](code.png)`.\n"),
            RuleExample("<!-- ![hidden](old.png) -->\n"),
            RuleExample("---\ncover: https://example.com/cover.jpg\n---\n"),
        ])

    let fields: [String]

    /// `broken-image`'s options.
    public struct Options: TypedRuleOptions {
        public var fields = ["image", "cover", "thumbnail", "og_image"]

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .strings("fields", \.fields, "front matter fields that hold an image path (or a list of them)")
        ]
    }

    public init(options: Options) {
        fields = options.fields
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        var files = LocalFileCheck(documentPath: document.path, context: context)
        let documentPath = document.path
        var diagnostics: [Diagnostic] = []
        for field in fields {
            guard let node = document.field(field) else { continue }
            let values = node.items ?? [node]
            for value in values {
                guard let text = value.scalarText, case .scalar(let scalar) = value.value, scalar.kind == .string
                else { continue }
                if let message = problem(
                    with: text, files: &files, allowEmpty: true, documentPath: documentPath, context: context)
                {
                    diagnostics.append(diagnostic(message, at: value.range))
                }
            }
        }
        for image in document.body?.images ?? [] {
            if let message = problem(
                with: image.destination, files: &files, allowEmpty: false, documentPath: documentPath, context: context)
            {
                diagnostics.append(diagnostic(message, at: image.range))
            }
        }
        return diagnostics.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func problem(
        with destination: String, files: inout LocalFileCheck, allowEmpty: Bool, documentPath: String,
        context: RuleContext
    ) -> String? {
        switch LocalReference.target(of: destination) {
        case .empty:
            return allowEmpty ? nil : "image has no destination"
        case .inline, .notLocal, .sameDocument:
            return nil
        case .local(let path, _):
            switch files.check(path) {
            case .found(_, let kind):
                return kind == .directory ? "image \"\(destination)\" is a folder, not a file" : nil
            case .missing(let resolved):
                guard let routes = context.routes else {
                    return "image \"\(destination)\" not found (looked for \(resolved.string))"
                }
                return routeProblem(path, destination: destination, routes: routes, documentPath: documentPath)
            case .letterCase(_, let written, let actual):
                return "image \"\(destination)\" differs in letter case from the file on disk: \"\(written)\" is \"\(actual)\""
            case .outsideRoots:
                guard let routes = context.routes else { return "image \"\(destination)\" points outside the site" }
                return routeProblem(path, destination: destination, routes: routes, documentPath: documentPath)
            case .unresolvable:
                guard let routes = context.routes else { return nil }
                return routeProblem(path, destination: destination, routes: routes, documentPath: documentPath)
            }
        }
    }

    /// An image that is no file where written, judged against the site's routes (a bundle's
    /// resource, a static file): missing under a known part of the site is an error; unknown is
    /// not checked.
    private func routeProblem(_ path: String, destination: String, routes: any RouteResolving, documentPath: String)
        -> String?
    {
        switch routes.resolve(path, from: documentPath) {
        case .post, .served, .unknown, .external: return nil
        case .missing(let route): return "image \"\(destination)\" not found: nothing of the site is served at \(route)"
        }
    }
}

extension BrokenImageRule: ImageFieldsProviding {
    /// The front matter fields this rule reads images from; `--check-remote` checks the same ones.
    public var imageFields: [String] { fields }
}
