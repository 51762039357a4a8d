/// What a rule does for the engine beyond its own findings. Rules declare these in their metadata
/// so the engine never needs to know rules by id.
public struct RuleCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Its findings are the only ones kept for a file that cannot be read as text at all (UTF-16
    /// read as UTF-8 is garbage to every other rule).
    public static let reportsUnreadableText = RuleCapabilities(rawValue: 1 << 0)
    /// `--check-remote` checks the remote images this rule finds, with its image fields and
    /// severity, and reports the unreachable ones under its id.
    public static let checksRemoteImages = RuleCapabilities(rawValue: 1 << 1)
    /// Its findings about a missing local file end in `not found (looked for PATH)`; `--staged`
    /// says when PATH exists only in the working tree.
    public static let reportsMissingLocalFiles = RuleCapabilities(rawValue: 1 << 2)
    /// Its site facts depend on more than the post itself (files beside it, or which post of a
    /// run saw a folder first): they are never kept across runs (`SiteFactsCache`).
    public static let factsReadOtherFiles = RuleCapabilities(rawValue: 1 << 3)
    /// `postlint audit` counts it among its search checks (the rules of the `seo` and `site`
    /// categories are, whatever they declare): what a reader or a crawler meets as breakage, or
    /// a field a search snippet is made from.
    public static let isSearchCheck = RuleCapabilities(rawValue: 1 << 4)
    /// A site rule whose findings concern the site, not the post they are reported on: the audit
    /// lists them apart and leaves them out of the post scores.
    public static let concernsTheSite = RuleCapabilities(rawValue: 1 << 5)
    /// Its findings are what could not be judged (a link no known route covers), not problems:
    /// the text summary counts them apart from the infos.
    public static let reportsUnchecked = RuleCapabilities(rawValue: 1 << 6)
}
