import PostlintCore

/// A part of a post that text can be searched in: a front matter field, or a part of the body.
enum TextScope {
    /// Scope names that read the scanned body.
    static let bodyScopes: Set<String> = ["body", "first-paragraph", "headings"]

    /// The text of scope `name` in `document`, code and comments left out of body scopes.
    static func text(of name: String, in document: Document, context: RuleContext) -> String {
        switch name {
        case "body":
            return prose(in: document.bodyRange, of: document)
        case "first-paragraph":
            guard let first = document.body?.paragraphs.first else { return "" }
            return prose(in: first, of: document)
        case "headings":
            return document.body?.headings.map(\.text).joined(separator: "\n") ?? ""
        default:
            guard let node = document.frontMatter?.root?[context.fieldNames.name(of: name)] else { return "" }
            switch node.value {
            case .scalar(let scalar): return scalar.text
            case .sequence(let items): return items.compactMap(\.scalarText).joined(separator: "\n")
            case .mapping: return ""
            }
        }
    }

    /// The text of `range` without the excluded ranges (code, comments) that fall inside it.
    static func prose(in range: ByteRange, of document: Document) -> String {
        let excluded = document.body?.excludedRanges ?? []
        var pieces: [String] = []
        var cursor = range.lowerBound
        for zone in excluded where zone.upperBound > range.lowerBound && zone.lowerBound < range.upperBound {
            if zone.lowerBound > cursor { pieces.append(document.source.string(in: cursor..<zone.lowerBound)) }
            cursor = max(cursor, zone.upperBound)
        }
        if cursor < range.upperBound { pieces.append(document.source.string(in: cursor..<range.upperBound)) }
        return pieces.joined(separator: " ")
    }
}
