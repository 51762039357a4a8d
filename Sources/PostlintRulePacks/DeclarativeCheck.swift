import PostlintCore

/// The behaviour of one declarative rule kind, built once from its typed options.
///
/// `Options` declares the kind's keys once (name, type, default, bounds or allowed words,
/// summary): the rule file's validation, the rule's options in its metadata (so `postlint
/// explain`, docs/rules.md, the configuration's checks and its JSON Schema) all come from it.
protocol DeclarativeCheck: Sendable {
    associatedtype Options: TypedRuleOptions
    /// The keys a rule file must give (their defaults in `Options` mean nothing on their own).
    static var requiredKeys: [String] { get }
    /// Builds the check; a value its declaration cannot rule out (a bad pattern, min above max) throws.
    init(_ options: Options) throws(KindError)
    /// The default message template, with `{placeholders}`.
    var defaultMessage: String { get }
    /// Each finding: the values for the message's placeholders and where.
    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)]
}

extension DeclarativeCheck {
    /// The check built from configured values over the declared defaults.
    static func make(_ values: RuleOptions) throws(KindError) -> any DeclarativeCheck {
        try Self(Options(values))
    }

    /// The kind's keys as rule options, at their declared defaults.
    static var declaredOptions: [RuleOption] { Options.declared }

    /// The node of `field` (a canonical name mapped through the site's field names).
    func node(_ field: String, in document: Document, context: RuleContext) -> FrontMatterNode? {
        guard let root = document.frontMatter?.root else { return nil }
        return root[context.fieldNames.name(of: field)]
    }

    /// Where to point when a field is missing: the opening fence of the front matter.
    func missingFieldRange(in document: Document) -> ByteRange {
        document.frontMatter?.block.openingFence ?? 0..<0
    }
}

/// Keys of a finding's values that are not placeholders.
enum DeclarativeFindingKey {
    /// A message used as it is instead of the rule's template, for findings about the check itself
    /// (a pattern stopped by its step budget). No placeholder can name it: placeholders are letters,
    /// `-` and `_`.
    static let verbatimMessage = "\u{0}message"
}
