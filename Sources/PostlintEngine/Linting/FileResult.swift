import PostlintCore

/// What checking one file produced.
struct FileResult: Sendable {
    var findings: [Finding] = []
    var facts: [(rule: String, fact: SiteFact)] = []
    /// Configured severities of the site rules for this file.
    var siteSeverities: [String: Severity?] = [:]
    var problem: PostlintError?
    var checked = false
    /// The file's suppressions, kept for the site-level findings that arrive later.
    var suppressions: Suppressions?
    /// Remote images, collected only for `--check-remote`, with the severity `broken-image` has here.
    var remoteImages: [RemoteImageReference] = []
    var remoteSeverity: Severity?
    /// The id of the rule that found them (the one declaring `checksRemoteImages`).
    var remoteRuleID = ""

}
