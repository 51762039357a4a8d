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
        var text = document.source.text
        return text.withUTF8 { source in
            let whole = max(0, min(range.lowerBound, source.count))..<max(0, min(range.upperBound, source.count))
            // One allocation of the range's size: kept pieces are copied in, joined by a space.
            return String(unsafeUninitializedCapacity: whole.count + excluded.count) { output in
                var written = 0
                func copy(_ piece: Range<Int>) {
                    guard !piece.isEmpty else { return }
                    if written > 0 {
                        output[written] = 0x20
                        written += 1
                    }
                    let slice = UnsafeBufferPointer(rebasing: source[piece])
                    _ = UnsafeMutableBufferPointer(rebasing: output[written..<(written + piece.count)]).initialize(from: slice)
                    written += piece.count
                }
                var cursor = whole.lowerBound
                for zone in excluded where zone.upperBound > whole.lowerBound && zone.lowerBound < whole.upperBound {
                    if zone.lowerBound > cursor { copy(cursor..<zone.lowerBound) }
                    cursor = max(cursor, zone.upperBound)
                }
                if cursor < whole.upperBound { copy(cursor..<whole.upperBound) }
                return written
            }
        }
    }
}
