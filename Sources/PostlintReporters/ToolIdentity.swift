/// What reports say about the tool itself. The version is not here: the command line passes it in
/// `LintReport.toolVersion`.
public enum ToolIdentity {
    /// The tool's name as reports print it.
    public static let name = "postlint"
    /// Where the project's files are published, for rule documentation links.
    static let repositoryURI = "https://github.com/postlint/postlint"

    /// The documentation page of a built-in rule, for the release that produced the report: the
    /// rule's section of the generated rule reference at that release's tag (derived, never
    /// hand-typed).
    public static func documentationURI(ruleID: String, version: String) -> String {
        let anchor = String(ruleID.unicodeScalars.filter { $0 != "." })
        return "\(repositoryURI)/blob/v\(URIEncoding.percentEncoded(version))/docs/rules.md#\(URIEncoding.percentEncoded(anchor))"
    }
}
