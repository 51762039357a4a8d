/// A small site that shows a site rule at work: several files, documentation and test at once.
///
/// Each file is a post (a path ending in `.md`, whose text may hold `⟦` and `⟧` around each range
/// where the rule must report, as in `RuleExample`) or another file the rule may look for, such as
/// an image (its text is ignored). A triggering example without markers must trigger at least once.
public struct SiteRuleExample: Sendable {
    public struct File: Sendable {
        /// Relative to the site's root, with `/` between folders.
        public var path: String
        public var text: String

        public var isPost: Bool { path.hasSuffix(".md") }
    }

    public var files: [File]
    /// Option values for this example only.
    public var options: [String: OptionValue]
    /// Where the example was declared, so a failing example names its source.
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ files: (path: String, text: String)..., options: [String: OptionValue] = [:],
        file: String = #fileID, line: Int = #line
    ) {
        self.files = files.map { File(path: $0.path, text: $0.text) }
        self.options = options
        self.sourceFile = file
        self.sourceLine = line
    }

    /// The posts, in the order given.
    public var posts: [File] { files.filter(\.isPost) }
}
