import PostlintCore

/// `links` (info): the post links to at least one other page of the site and one page elsewhere.
public struct LinksRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "links", category: .seo,
        summary: "The post has at least one internal and one outbound link",
        rationale: """
            Internal links help readers go on reading and let search engines find and rank the \
            site's other pages; an outbound link to a good source supports what the post claims. \
            Yoast SEO checks for both. A link is internal when it is relative, root-relative, or \
            points at site-url; same-page anchors, mail and phone links count as neither. An info \
            notice at the start of the body. Off by default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .info, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.markdown],
        triggeringExamples: [
            RuleExample("---\ntitle: Alone\n---\n⟦⟧No links at all.\n"),
            RuleExample("⟦⟧See [the brewing guide](../brewing/) and [the top](#top).\n"),
            RuleExample(
                "⟦⟧See [the brewing guide](https://tea.example/brewing/).\n",
                options: ["site-url": .string("https://tea.example")]),
        ],
        nonTriggeringExamples: [
            RuleExample("See [the brewing guide](/brewing/) and [a study](https://example.org/study).\n"),
            RuleExample(
                "See [the guide](https://tea.example/brewing/) and [a study](https://example.org/study).\n",
                options: ["site-url": .string("https://tea.example/")]),
            RuleExample("No links needed here.\n", options: ["min-internal": .int(0), "min-outbound": .int(0)]),
        ])

    let siteHost: String?
    let minInternal: Int
    let minOutbound: Int

    /// `links`'s options.
    public struct Options: TypedRuleOptions {
        public var siteURL = ""
        public var minInternal = 1
        public var minOutbound = 1

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .string("site-url", \.siteURL, "the site's own address (links to it are internal), e.g. https://example.com"),
            .integer("min-internal", \.minInternal, "the fewest internal links", minimum: 0),
            .integer("min-outbound", \.minOutbound, "the fewest outbound links", minimum: 0),
        ]
    }

    public init(options: Options) {
        let site = options.siteURL
        siteHost = site.isEmpty ? nil : Self.host(of: site)
        minInternal = max(0, options.minInternal)
        minOutbound = max(0, options.minOutbound)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        var internalCount = 0
        var outboundCount = 0
        for link in body.links {
            switch classify(link.destination) {
            case .internal: internalCount += 1
            case .outbound: outboundCount += 1
            case .neither: break
            }
        }
        var missing: [String] = []
        if internalCount < minInternal {
            missing.append(minInternal == 1 ? "no internal link" : "\(internalCount) of \(minInternal) internal links")
        }
        if outboundCount < minOutbound {
            missing.append(minOutbound == 1 ? "no outbound link" : "\(outboundCount) of \(minOutbound) outbound links")
        }
        guard !missing.isEmpty else { return [] }
        let start = document.bodyRange.lowerBound
        return [
            diagnostic(
                "post has \(missing.joined(separator: " and ")); link related posts and your sources",
                at: start..<start)
        ]
    }

    enum Kind { case `internal`, outbound, neither }

    func classify(_ destination: String) -> Kind {
        let lower = destination.lowercased()
        if lower.isEmpty || lower.hasPrefix("#") { return .neither }
        if let host = Self.host(of: lower) {
            if let siteHost, host == siteHost { return .internal }
            return .outbound
        }
        // Any other scheme (mailto:, tel:, javascript:) is neither.
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/") { return .neither }
        return .internal
    }

    /// The host of an `http(s)://` or `//` URL, lower-cased without `www.`, or nil.
    static func host(of url: String) -> String? {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else if lower.hasPrefix("//") {
            rest = lower.dropFirst(2)
        } else {
            return nil
        }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : String(host)
    }
}
