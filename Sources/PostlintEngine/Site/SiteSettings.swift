import PostlintCore

/// The `site:` key of `.postlint.yml`: everything the detector finds, set by hand. Paths are
/// absolute (resolved against the configuration's folder when loaded); nil keeps what was detected.
public struct SiteSettings: Sendable, Equatable {
    public var generator: SiteGenerator?
    public var content: [String]?
    public var staticRoots: [String]?
    public var permalinks: [String: String]?
    public var basePath: String?
    public var languages: [String]?
    public var external: [String] = []
    public var anchorStyle: AnchorStyle?

    public init() {}

    static let keys = ["generator", "content", "static", "permalinks", "base-url", "languages", "external", "anchor-style"]

    /// The detected model with these settings laid over it (or a model of these settings alone
    /// when nothing was detected and a generator or content is given).
    func applied(to detected: SiteModel?, configurationFolder: String) -> SiteModel? {
        var model: SiteModel
        if let detected {
            model = detected
            if let generator, generator != detected.generator {
                model.generator = generator
                model.anchorStyle = generator.defaultAnchorStyle
                model.reason = "site.generator in the configuration"
            }
        } else if generator != nil || content != nil {
            let generator = self.generator ?? .plain
            model = SiteModel(
                generator: generator, root: configurationFolder, reason: "site: in the configuration",
                contentRoots: [ContentRoot(folder: configurationFolder)], staticRoots: [])
        } else {
            return nil
        }
        if let content { model.contentRoots = content.map { ContentRoot(folder: $0) } }
        if let staticRoots { model.staticRoots = staticRoots }
        if let permalinks { model.permalinks.merge(permalinks) { $1 } }
        if let basePath { model.basePath = SiteURL.basePath(of: basePath) }
        if let languages { model.languages = languages }
        model.external += external
        if let anchorStyle { model.anchorStyle = anchorStyle }
        return model
    }
}
