import PostlintCore

/// The canonical front matter fields the SEO rules read, through the site's field names.
enum SEOFields {
    /// The string value and its range of the canonical field `name` (`title`, `slug`, `excerpt`).
    static func string(_ name: String, of document: Document, context: RuleContext) -> (text: String, range: ByteRange)? {
        guard let node = document.field(context.fieldNames.name(of: name)), let text = node.scalarText,
            !text.isEmpty
        else { return nil }
        return (text, node.range)
    }

    /// Where the keyphrase rules look for the focus keyphrase unless configured otherwise.
    static let defaultKeyphraseField = "focus_keyphrase"
}

extension OptionField {
    /// `keyphrase-field`, the option that names the focus keyphrase field, shared by the keyphrase rules.
    static func keyphraseField(_ property: any WritableKeyPath<Options, String> & Sendable) -> Self {
        .string(
            "keyphrase-field", property,
            "the front matter field that names the focus keyphrase; without it, the first keyword is used")
    }
}
