import Dispatch
import PostlintCore
import PostlintParsing
import PostlintRulePacks
import PostlintRules

/// Every rule that can run: built-in rules, the default pack embedded in the binary, and the rule
/// packs a configuration adds. Declarative rules are first-class entries under their own ids.
public struct RuleCatalog: Sendable {
    public private(set) var documentRules: [RuleFactory]
    public private(set) var siteRules: [SiteRuleFactory]

    public init(documentRules: [RuleFactory], siteRules: [SiteRuleFactory]) {
        self.documentRules = documentRules
        self.siteRules = siteRules
    }

    private static let baseResult: Result<RuleCatalog, PostlintError> = {
        do throws(PostlintError) {
            let catalog = try RuleCatalog(documentRules: BuiltInRules.documentRules, siteRules: BuiltInRules.siteRules)
                .adding(try RulePackLoader.defaultPack())
            return .success(catalog)
        } catch {
            return .failure(error)
        }
    }()

    /// Built-in rules and the default pack, loaded once per process.
    public static func base() throws(PostlintError) -> RuleCatalog {
        try baseResult.get()
    }

    /// Starts loading `base()` on another thread, so that parsing the embedded packs (most of a
    /// run's start-up instructions) overlaps the rest of the start: reading the command line and
    /// the first folders. A thread that needs the catalog first waits for that load.
    public static func loadInBackground() {
        DispatchQueue.global().async { _ = baseResult }
        DispatchQueue.global().async { _ = WorkerCount.available }
    }

    /// This catalog with more declarative rules; an id already taken is an error naming both files.
    public func adding(_ factories: [RuleFactory]) throws(PostlintError) -> RuleCatalog {
        var copy = self
        var known: [String: String] = [:]
        for metadata in allMetadata { known[metadata.id] = metadata.origin }
        for factory in factories {
            if let origin = known[factory.metadata.id] {
                throw PostlintError(
                    path: factory.metadata.origin,
                    message: "rule id \"\(factory.metadata.id)\" is already defined by \(origin)",
                    hint: "set a different id: in the rule file")
            }
            known[factory.metadata.id] = factory.metadata.origin
            copy.documentRules.append(factory)
        }
        return copy
    }

    /// The metadata of every rule, document rules first, in registration order.
    public var allMetadata: [RuleMetadata] {
        documentRules.map(\.metadata) + siteRules.map(\.metadata)
    }

    public func metadata(of id: String) -> RuleMetadata? {
        documentRules.first { $0.metadata.id == id }?.metadata ?? siteRules.first { $0.metadata.id == id }?.metadata
    }

    public var ids: [String] { allMetadata.map(\.id) }

    /// Every rule `postlint rules` lists and `postlint explain` knows: the catalog's and the two
    /// the suppression comments report (`unused-disable`, `unknown-directive`), which a
    /// configuration does not set.
    public var documentedMetadata: [RuleMetadata] { allMetadata + Suppressions.metadata }

    /// A rule's metadata, among `documentedMetadata`.
    public func documentedMetadata(of id: String) -> RuleMetadata? {
        metadata(of: id) ?? Suppressions.metadata.first { $0.id == id }
    }

    /// The documented id nearest to a mistyped one, when it is close enough to be a typo.
    public func closestDocumentedID(to id: String) -> String? {
        YAMLFile.closest(to: id, in: documentedMetadata.map(\.id))
    }

    /// The known id nearest to a mistyped one, when it is close enough to be a typo.
    public func closestID(to id: String) -> String? {
        YAMLFile.closest(to: id, in: ids)
    }
}
