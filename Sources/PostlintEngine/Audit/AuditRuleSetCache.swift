import Foundation
import PostlintCore

/// Rule sets for the audit, by configuration and matching overrides: the configuration with
/// every audit check switched on unless the configuration itself switches it off.
final class AuditRuleSetCache: Sendable {
    private let cache = Locked<[String: RuleSet]>([:])

    func ruleSet(
        configuration: Configuration, overrideIndices: [Int], fileSystem: any FileSystemView,
        auditing isCheck: (RuleMetadata) -> Bool
    ) throws(PostlintError) -> RuleSet {
        let key = (configuration.path ?? "") + "|" + overrideIndices.map(String.init).joined(separator: ",")
        return try cache.withLock { (cache) throws(PostlintError) -> RuleSet in
            if let cached = cache[key] { return cached }
            var audited = configuration
            for metadata in configuration.catalog.allMetadata where isCheck(metadata) {
                var setting = audited.rules[metadata.id] ?? RuleSetting()
                if setting.enabled == nil { setting.enabled = true }
                audited.rules[metadata.id] = setting
            }
            let ruleSet = try RuleSet(configuration: audited, overrideIndices: overrideIndices, fileSystem: fileSystem)
            cache[key] = ruleSet
            return ruleSet
        }
    }
}
