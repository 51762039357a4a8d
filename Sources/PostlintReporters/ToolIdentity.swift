/// What reports say about the tool itself. The version is not here: the command line passes it in
/// `LintReport.toolVersion`.
public enum ToolIdentity {
    /// The tool's name as reports print it.
    public static let name = "postlint"
}
