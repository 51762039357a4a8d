import PostlintCore

/// A loaded `.postlint.yml` (or the defaults when there is none), every value checked.
public struct Configuration: Sendable {
    /// An `overrides:` entry: settings for the files its globs match.
    public struct Override: Sendable {
        public var files: [Glob]
        public var rules: [String: RuleSetting]
    }

    /// The configuration file, or nil for the built-in defaults.
    public var path: String?
    /// The folder globs and relative paths are resolved against (absolute).
    public var directory: String
    public var include: [Glob]
    public var exclude: [Glob]
    public var fieldNames: FieldNames
    /// Extra rule pack folders (absolute).
    public var packs: [String]
    /// Folders that root-relative image and link paths resolve against (absolute).
    public var siteRoots: [String]
    /// Whether `site-roots` was given (else a detected site's static roots replace `siteRoots`).
    public var siteRootsConfigured = false
    /// The `site:` key: settings laid over the detected site, or nil.
    public var site: SiteSettings?
    public var rules: [String: RuleSetting]
    public var overrides: [Override]
    /// Every rule known under this configuration: built-in, default pack and the configured packs.
    public var catalog: RuleCatalog
    /// The YAML rules for front matter set by `yaml: {version: ...}`; nil to detect them from the
    /// site's generator (`SiteYAMLVersionDetector`).
    public var yamlVersion: YAMLVersion?

    public init(
        path: String?, directory: String, include: [Glob] = [], exclude: [Glob] = [],
        fieldNames: FieldNames = FieldNames(), packs: [String] = [], siteRoots: [String] = [],
        rules: [String: RuleSetting] = [:], overrides: [Override] = [], catalog: RuleCatalog
    ) {
        self.path = path
        self.directory = directory
        self.include = include
        self.exclude = exclude
        self.fieldNames = fieldNames
        self.packs = packs
        self.siteRoots = siteRoots
        self.rules = rules
        self.overrides = overrides
        self.catalog = catalog
    }

    /// Whether a file found by walking a folder is linted: it matches `include` (when given) and
    /// no `exclude` glob. Files named on the command line are always linted.
    public func selects(relativePath: String) -> Bool {
        if !include.isEmpty, !include.contains(where: { $0.matches(relativePath) }) { return false }
        return !exclude.contains { $0.matches(relativePath) }
    }

    /// The indices of the overrides that apply to a file.
    public func overrideIndices(for relativePath: String) -> [Int] {
        overrides.indices.filter { overrides[$0].files.contains { $0.matches(relativePath) } }
    }

    /// The merged settings for one rule on a file matched by `overrideIndices`.
    public func setting(for ruleID: String, overrides indices: [Int]) -> RuleSetting {
        var setting = rules[ruleID] ?? RuleSetting()
        for index in indices {
            if let override = overrides[index].rules[ruleID] { setting = setting.merged(with: override) }
        }
        return setting
    }

    /// `path` relative to the configuration's folder (`/`-separated), or nil when outside it.
    public func relativePath(of absolutePath: String) -> String? {
        PathUtilities.relative(absolutePath, to: directory)
    }
}
