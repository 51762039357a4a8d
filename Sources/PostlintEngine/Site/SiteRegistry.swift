import Foundation
import PostlintCore

/// The sites of a run: which site each folder's posts belong to (detected once per folder, with
/// the configuration's `site:` laid over it) and one route resolver per site, shared by every
/// worker. Safe to use from many threads.
final class SiteRegistry: Sendable {
    private let detector: SiteDetector
    private let workingDirectory: String
    private let resolvers = Locked<[String: SiteRouteResolver?]>([:])

    init(fileSystem: any FileSystemView, workingDirectory: String) {
        detector = SiteDetector(fileSystem: fileSystem)
        self.workingDirectory = workingDirectory
    }

    /// The routes for posts in `folder` under `configuration`, or nil when they belong to no site.
    func resolver(forFolder folder: String, configuration: Configuration) -> SiteRouteResolver? {
        let detected = detector.site(forFolder: folder)
        let key = (detected?.root ?? "") + "\u{0}" + (configuration.path ?? "") + "\u{0}" + configuration.directory
        return resolvers.withLock { resolvers in
            if let known = resolvers[key] { return known }
            let model =
                configuration.site.flatMap { $0.applied(to: detected, configurationFolder: configuration.directory) }
                ?? detected
            let resolver = model.map { SiteRouteResolver(site: $0, workingDirectory: workingDirectory) }
            resolvers[key] = resolver
            return resolver
        }
    }

    /// Gives a rule set the site of the posts in `folder`: its routes, anchor style and (unless
    /// the configuration names site roots) its static roots.
    func apply(to ruleSet: inout RuleSet, folder: String, configuration: Configuration) {
        guard let resolver = resolver(forFolder: folder, configuration: configuration) else { return }
        ruleSet.context.routes = resolver
        ruleSet.context.anchorStyle = resolver.site.anchorStyle
        if !configuration.siteRootsConfigured { ruleSet.context.siteRoots = resolver.site.staticRoots }
    }
}
