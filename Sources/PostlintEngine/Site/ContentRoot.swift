/// A folder of posts and the URL prefix its posts are served under (a language's `/fr`, a
/// Docusaurus `/docs`), with the language it holds, if any.
public struct ContentRoot: Sendable, Equatable {
    /// Absolute.
    public var folder: String
    /// `""` or a prefix such as `/fr` (no trailing slash).
    public var urlPrefix: String
    /// The language of its posts, for generators that prefix routes by language.
    public var language: String?

    public init(folder: String, urlPrefix: String = "", language: String? = nil) {
        self.folder = folder
        self.urlPrefix = urlPrefix
        self.language = language
    }
}
