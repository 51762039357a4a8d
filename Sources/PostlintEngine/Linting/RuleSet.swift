import PostlintCore

/// The rules that run on a file, built from its configuration and the overrides that match it.
/// Built once per distinct combination and shared by every file that has it.
public struct RuleSet: Sendable {
    public struct Entry: Sendable {
        public var rule: any Rule
        /// The severity the configuration forces on this rule's diagnostics, if any.
        public var severity: Severity?
    }

    public struct SiteEntry: Sendable {
        public var rule: any SiteRule
        public var severity: Severity?
        /// The rule's id, kept here: every file's facts are filed under it, and the rule's
        /// `metadata` is a whole struct to copy for each.
        public var id: String
    }

    public var rules: [Entry]
    public var siteRules: [SiteEntry]
    /// The configured severity of each enabled site rule, built once and shared (copy on write)
    /// by every file's result rather than rebuilt per file.
    public var siteSeverities: [String: Severity?]
    /// The document parts the enabled rules read.
    public var parts: DocumentParts
    public var context: RuleContext
    /// The YAML rules front matter is read by: the configuration's, else the site's
    /// (`Linter.yamlVersion(forFileAt:configuration:)` sets it per folder).
    public var yamlVersion: YAMLVersion = .v1_1

    public init(configuration: Configuration, overrideIndices: [Int], fileSystem: any FileSystemView)
        throws(PostlintError)
    {
        var rules: [Entry] = []
        var parts: DocumentParts = []
        for factory in configuration.catalog.documentRules {
            let metadata = factory.metadata
            let setting = configuration.setting(for: metadata.id, overrides: overrideIndices)
            guard setting.enabled ?? metadata.isEnabledByDefault else { continue }
            let options = RuleOptions(defaultsOf: metadata, overrides: setting.options)
            do throws(any Error) {
                let rule = try factory.make(options)
                rules.append(Entry(rule: rule, severity: setting.severity))
                parts.formUnion(rule.metadata.reads)
            } catch {
                let message = (error as? PostlintError)?.message ?? "\(error)"
                throw PostlintError(path: configuration.path, message: message)
            }
        }
        var siteRules: [SiteEntry] = []
        for factory in configuration.catalog.siteRules {
            let metadata = factory.metadata
            let setting = configuration.setting(for: metadata.id, overrides: overrideIndices)
            guard setting.enabled ?? metadata.isEnabledByDefault else { continue }
            siteRules.append(
                SiteEntry(
                    rule: factory.make(RuleOptions(defaultsOf: metadata, overrides: setting.options)),
                    severity: setting.severity, id: metadata.id))
            parts.formUnion(metadata.reads)
        }
        self.rules = rules
        self.siteRules = siteRules
        var siteSeverities: [String: Severity?] = [:]
        for entry in siteRules { siteSeverities[entry.id] = entry.severity }
        self.siteSeverities = siteSeverities
        self.parts = parts
        self.context = RuleContext(
            fieldNames: configuration.fieldNames, fileSystem: fileSystem,
            siteRoots: configuration.siteRoots)
    }

    /// Runs every rule on `document`; diagnostics in the configured severities.
    public func check(_ document: Document) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in rules {
            var found = entry.rule.check(document, context: context)
            if let severity = entry.severity {
                for index in found.indices { found[index].severity = severity }
            }
            diagnostics += found
        }
        return diagnostics
    }
}
