import PostlintCore

/// `orphan-post` (site-level, info): a post that no other post links to.
public struct OrphanPostRule: BuiltInSiteRule {
    public static let metadata = RuleMetadata(
        id: "orphan-post", category: .site,
        summary: "Every post is linked from at least one other post",
        rationale: """
            Readers and crawlers find pages by following links. A post that no other post links \
            to (an orphan) is reachable only through lists and the sitemap, and search engines \
            treat it as less important. A link counts when its destination, resolved against the \
            linking post's folder, is the post's file, or when its last segment is the post's \
            slug or file name (so `/blog/brewing-green-tea/` and `../brewing-green-tea.md` both \
            count); links to site-url count like relative ones. Sites of one post are not checked. \
            Off by default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .info, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter, .markdown],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(
                ("blog/index.md", "---\ntitle: Tea notes\n---\n\nStart with [sencha](sencha.md).\n"),
                ("blog/sencha.md", "---\ntitle: Sencha\n---\n\nBack to [the notes](index.md).\n"),
                ("blog/matcha.md", "---\ntitle: ⟦Matcha⟧\n---\n\nNothing links here.\n"))
        ],
        nonTriggeringSiteExamples: [
            SiteRuleExample(
                ("blog/index.md", "---\ntitle: Tea notes\n---\n\nSee [matcha](/blog/matcha/).\n"),
                ("blog/matcha.md", "---\ntitle: Matcha\n---\n\nBack to [the notes](index.md).\n"))
        ])

    let siteURL: String

    /// `orphan-post`'s options.
    public struct Options: TypedRuleOptions {
        public var siteURL = ""

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .string("site-url", \.siteURL, "the site's own address, e.g. https://example.com")
        ]
    }

    public init(options: Options) {
        var url = options.siteURL.lowercased()
        while url.hasSuffix("/") { url.removeLast() }
        siteURL = url
    }

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        let position: (SourceLocation, SourceLocation)
        if let node = document.field(context.fieldNames.name(of: "title")), node.scalarText != nil {
            position = (document.location(of: node.range.lowerBound), document.location(of: node.range.upperBound))
        } else {
            position = (SourceLocation(line: 1, column: 1), SourceLocation(line: 1, column: 1))
        }
        var facts = [SiteFact(path: document.path, key: "post", value: document.path, start: position.0, end: position.1)]
        if let slug = document.field(context.fieldNames.name(of: "slug"))?.scalarText, !slug.isEmpty {
            facts.append(SiteFact(path: document.path, key: "slug", value: slug, start: position.0, end: position.1))
        }
        let folder = SitePaths.folder(of: document.path)
        var seen: Set<String> = []
        for link in document.body?.links ?? [] {
            var destination = link.destination
            if !siteURL.isEmpty, destination.lowercased().hasPrefix(siteURL) {
                destination = String(destination.dropFirst(siteURL.count))
                if destination.isEmpty { destination = "/" }
            }
            guard let path = SitePaths.localPath(of: destination) else { continue }
            let resolved = path.hasPrefix("/") ? path : SitePaths.join(folder, path)
            guard seen.insert(resolved).inserted else { continue }
            facts.append(SiteFact(path: document.path, key: "link", value: resolved, start: position.0, end: position.1))
        }
        return facts
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        // Each post by its path (the "post" fact's value), as the position of that fact: the
        // facts are decoded again only for the posts reported.
        var posts: [String: Int] = [:]
        var byName: [String: Set<String>] = [:]
        for position in facts.indices where facts.key(at: position) == "post" {
            let post = facts.value(at: position)
            posts[post] = position
            byName[SitePaths.pageName(of: post), default: []].insert(post)
        }
        guard posts.count > 1 else { return [] }
        for position in facts.indices where facts.key(at: position) == "slug" {
            byName[facts.value(at: position), default: []].insert(facts.path(at: position))
        }
        var linked: Set<String> = []
        for position in facts.indices where facts.key(at: position) == "link" {
            let destination = facts.value(at: position)
            let source = facts.path(at: position)
            var targets = byName[SitePaths.pageName(of: destination)] ?? []
            if posts[destination] != nil { targets.insert(destination) }
            for target in targets where target != source { linked.insert(target) }
        }
        return posts.values.filter { !linked.contains(facts.path(at: $0)) }.map { position in
            let post = facts[position]
            return Finding(
                path: post.path, start: post.start, end: post.end, ruleID: Self.metadata.id,
                severity: Self.metadata.defaultSeverity,
                message: "no other post links to this post; link it from related posts so readers and crawlers find it")
        }
    }
}
