/// The depth and size limits of every parser that reads untrusted bytes, declared in one place.
///
/// Each parser reads its limits from here; `docs/guarantees.md` states them. A limit is far above
/// what a real post, configuration or editor message uses, and low enough that the recursion it
/// bounds fits a worker thread's stack and the memory it bounds stays a small multiple of the
/// input. Meeting a limit is never a crash: front matter gets a `front-matter-syntax` finding at
/// the byte where the limit was met, a configuration or rule pack a positioned error, a Markdown
/// body is read on with the deeper structure taken as text, and a language server message a
/// JSON-RPC parse error.
public enum ParserLimits {
    /// TOML: how deeply tables may nest, counting each part of a table header (`[a.b.c]` is 3),
    /// each part of a dotted key (`a.b.c = 1` is 3, added to its table's), and each array or
    /// inline table around a value. The parser (over arrays and inline tables) and the finished
    /// tree's assembly recurse once a level, so a key of 40,000 parts would overflow the stack.
    public static let tomlNesting = 128

    /// TOML: the most key parts and values (table entries and array items) read from one front
    /// matter block; one more is a syntax error at its position.
    public static let tomlValues = 100_000

    /// YAML (front matter, configuration, rule packs): the deepest nesting of block collections,
    /// sequence entries and flow brackets, refused before libyaml (which composes recursively)
    /// sees the text.
    public static let yamlNesting = 200

    /// YAML: values that alias expansion may add beyond what the text's length could hold
    /// without aliases ("billion laughs" stops here).
    public static let yamlExpandedValues = 100_000

    /// Markdown: block quotes and list items nested in one another; a deeper marker is read as
    /// text of the innermost container.
    public static let markdownContainerNesting = 100

    /// Markdown: parentheses nested in a link destination (`[a](b(c(d)))`); a deeper one ends the
    /// attempt, and the brackets are text.
    public static let markdownDestinationParentheses = 32

    /// Markdown: `[` and `![` open at once in one paragraph or heading. Past it the older half
    /// are taken as text, as brackets that never close are, so memory stays a small multiple of
    /// the block however many it opens; a link or image inside them still forms.
    public static let markdownOpenBrackets = 1_000

    /// Language server: arrays and objects nested in one JSON message.
    public static let jsonNesting = 128
}
