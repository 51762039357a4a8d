import PostlintCore

/// `image-alt-text`: every image has alt text.
public struct ImageAltTextRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "image-alt-text", category: .body,
        summary: "Images have alt text",
        rationale: """
            Alt text is what a screen reader says instead of the image and what search engines \
            index for it; without it the image is invisible to both. An HTML image with an \
            explicit empty `alt=""` is marked as decorative on purpose and is accepted unless \
            `allow-decorative-html` is off.
            """,
        defaultSeverity: .warning,
        options: Options.declared,
        reads: [.markdown], capabilities: .isSearchCheck,
        triggeringExamples: [
            RuleExample("Our team at work:\n\n⟦![](team.jpg)⟧\n"),
            RuleExample("⟦![  ][photo]⟧\n\n[photo]: photo.jpg\n"),
            RuleExample("<p>Logo: ⟦<img src=\"logo.png\">⟧</p>\n"),
            RuleExample(
                "A divider ⟦<img src=\"rule.png\" alt=\"\">⟧\n",
                options: ["allow-decorative-html": .bool(false)]),
        ],
        nonTriggeringExamples: [
            RuleExample("![The team around a table](team.jpg)\n"),
            RuleExample("A divider <img src=\"rule.png\" alt=\"\">\n"),
            RuleExample("```\n![](not-an-image-in-code.png)\n```\n"),
        ])

    let allowDecorativeHTML: Bool

    /// `image-alt-text`'s options.
    public struct Options: TypedRuleOptions {
        public var allowDecorativeHTML = true

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .boolean(
                "allow-decorative-html", \.allowDecorativeHTML,
                "accept `<img alt=\"\">`, the HTML way to mark an image as decorative")
        ]
    }

    public init(options: Options) {
        allowDecorativeHTML = options.allowDecorativeHTML
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        var diagnostics: [Diagnostic] = []
        var reported: Set<Int> = []
        for image in body.images where reported.isEmpty || !reported.contains(image.range.lowerBound) {
            let message: String
            switch image.alt {
            case nil:
                message = "image has no alt attribute"
            case let alt? where Self.isBlank(alt):
                if image.kind == .html, allowDecorativeHTML, alt.isEmpty { continue }
                message = "image has empty alt text"
            default:
                continue
            }
            reported.insert(image.range.lowerBound)
            diagnostics.append(diagnostic(message, at: image.range))
        }
        return diagnostics
    }

    /// `text.allSatisfy(\.isWhitespace)`, read from the bytes while they are ASCII: an ASCII
    /// byte other than a space or a C0 line or tab character starts a character that is not
    /// white space (only the line feed of CR LF belongs to the character before it). Text that
    /// is not ASCII is judged character by character.
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.allSatisfy(\.isWhitespace) }
            if byte != 0x20, byte &- 0x09 > 0x0D - 0x09 { return false }
        }
        return true
    }
}
