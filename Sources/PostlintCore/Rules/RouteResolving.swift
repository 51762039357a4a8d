/// What a link's path is on the site that serves the post, as its generator makes URLs.
public enum RouteResolution: Sendable, Equatable {
    /// A page made from the post at `path` (its `#fragment`s are that post's anchors).
    case post(path: String)
    /// Something the site serves that is not a post: a section or taxonomy listing, a static
    /// file, a page bundle's resource.
    case served
    /// Under a part of the site that is known (a route, a static folder), yet nothing is served
    /// at `route`: a broken link.
    case missing(route: String)
    /// Under no known route, static folder or declared prefix: not checked.
    case unknown
    /// Under a prefix the configuration declares as served elsewhere (`site: {external: [...]}`).
    case external
}

/// A site's routes, for rules that judge links and images: the engine gives one to the posts of
/// a detected (or configured) site through `RuleContext.routes`, so rules stay independent of how
/// sites are detected and route tables built.
public protocol RouteResolving: Sendable {
    /// Resolves `path` (escapes decoded, without query or fragment), written in the post at
    /// `documentPath` (the document's path as the rules see it): root-relative (`/blog/a/`) or
    /// relative to the post's own URL (`../other-post/`).
    func resolve(_ path: String, from documentPath: String) -> RouteResolution

    /// For a relative link from the post at `documentPath` to a post's source file (`other.md`,
    /// at `file`; both as the rules see paths): the page to link to instead, when the site leaves
    /// such a link as written and does not serve the source (Jekyll without jekyll-relative-links);
    /// nil where the link reaches the post (the generator or a plugin rewrites it, or the file is
    /// served as it is).
    func unservedSource(_ file: String, linkedFrom documentPath: String) -> String?

    /// Whether the site's generator finds a linked file whatever the letter case of its names
    /// (DocFX); false where a name must match the file on disk exactly.
    var fileLinksIgnoreLetterCase: Bool { get }

    /// Whether the terms of definition lists get ids as headings do (Hugo's
    /// `autoDefinitionTermID`), so a `#fragment` may name one.
    var definitionTermIDs: Bool { get }

    /// The files an include shortcode's path argument (Hugo's `{{% include "path" %}}`) written
    /// in the post at `documentPath` may name, absolute, in the order the generator tries them;
    /// empty where the site has no such shortcodes.
    func includedPageCandidates(_ argument: String, from documentPath: String) -> [String]

    /// Whether a heading that is only a link to `#tab/id` is a tab of tabbed content (DocFX),
    /// not a link to an anchor.
    var tabbedContentHeadings: Bool { get }
}

extension RouteResolving {
    public var fileLinksIgnoreLetterCase: Bool { false }
    public var definitionTermIDs: Bool { false }
    public var tabbedContentHeadings: Bool { false }

    public func includedPageCandidates(_ argument: String, from documentPath: String) -> [String] { [] }

    public func unservedSource(_ file: String, linkedFrom documentPath: String) -> String? { nil }
}
