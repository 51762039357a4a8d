import PostlintCore

/// The settings a post's site facts depend on besides its bytes and path, as one digest: the site
/// rules that run and their options, the site's field names and roots, and the YAML rules the front
/// matter is read by. Facts made under another fingerprint are never used.
enum SiteFactsFingerprint {
    /// The digest for the site rules of `ruleSet`, whose options `configuration` gives with the
    /// overrides at `overrideIndices`; nil when a site rule's facts depend on more than the post
    /// (files around it, or what other posts of the run saw first): then nothing is cached.
    static func of(_ ruleSet: RuleSet, configuration: Configuration, overrideIndices: [Int]) -> ContentDigest? {
        var text = "yaml \(ruleSet.yamlVersion)\n"
        for (field, name) in ruleSet.context.fieldNames.names.sorted(by: { $0.key < $1.key }) {
            text += "field \(field)=\(name)\n"
        }
        for root in ruleSet.context.siteRoots { text += "root \(root)\n" }
        for entry in ruleSet.siteRules {
            let metadata = entry.rule.metadata
            guard !metadata.capabilities.contains(.factsReadOtherFiles) else { return nil }
            text += "rule \(entry.id)\n"
            let options = configuration.setting(for: entry.id, overrides: overrideIndices).options
            for (name, value) in RuleOptions(defaultsOf: metadata, overrides: options).values.sorted(by: { $0.key < $1.key }) {
                text += "  \(name)=\(value)\n"
            }
        }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { ContentDigest(of: UnsafeRawBufferPointer($0)) }
    }
}
