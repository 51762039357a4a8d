import PostlintCore

/// One `<!-- postlint-… -->` comment, or the front matter's `postlint: {disable: [...]}`.
struct SuppressionDirective: Sendable {
    enum Kind: String, Sendable {
        case disable = "postlint-disable"
        case enable = "postlint-enable"
        case disableLine = "postlint-disable-line"
        case disableNextLine = "postlint-disable-next-line"
        case disableFile = "postlint-disable-file"
    }

    var kind: Kind
    /// The rules named; empty means every rule.
    var rules: [String]
    /// Where the directive is written.
    var range: ByteRange
    /// The 1-based line of the directive.
    var line: Int

    /// Whether a comment's text starts, after white space, with `postlint-`: only such a comment
    /// can be a directive or a misspelt one. Looks at no more than its first bytes, so the many
    /// comments of other kinds (long ones among them) cost next to nothing.
    static func mayBeDirective(_ text: String) -> Bool {
        var bytes = text.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }[...]
        for expected in "postlint-".utf8 {
            guard let byte = bytes.popFirst(), byte == expected else { return false }
        }
        return true
    }

    /// Parses a comment's inner text; nil when it is not a postlint directive.
    static func parse(_ text: String, range: ByteRange, line: Int) -> SuppressionDirective? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," })
        guard let first = words.first, let kind = Kind(rawValue: String(first)) else { return nil }
        return SuppressionDirective(kind: kind, rules: words.dropFirst().map(String.init), range: range, line: line)
    }

    /// The first word of a comment that starts like a directive (`postlint-`) but is none:
    /// `postlint-disable-lnie`. Nil for any other comment.
    static func unknownDirectiveName(in text: String) -> String? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard trimmed.hasPrefix("postlint-") else { return nil }
        let name = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "," }
        guard Kind(rawValue: String(name)) == nil else { return nil }
        return String(name)
    }

    /// Every directive's name, for did-you-mean hints.
    static let names = [Kind.disable, .enable, .disableLine, .disableNextLine, .disableFile].map(\.rawValue)

    func covers(_ ruleID: String) -> Bool {
        rules.isEmpty || rules.contains(ruleID)
    }
}
