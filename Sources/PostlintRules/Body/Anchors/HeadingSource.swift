import PostlintCore

/// A heading as written: the Markdown source of its text (what goldmark and kramdown slug) and a
/// trailing attribute block such as `{#custom-id .class}`.
enum HeadingSource {
    /// The source of `heading`'s text in `bytes`: an ATX heading's line without its `#`s, closing
    /// sequence and surrounding blanks; a setext heading's last text line, trimmed.
    static func text(of heading: MarkdownHeading, in bytes: [UInt8]) -> String {
        let range = max(0, min(heading.range.lowerBound, bytes.count))..<max(0, min(heading.range.upperBound, bytes.count))
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound, bytes[end] != ASCIIByte.newline { end += 1 }
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == ASCIIByte.carriageReturn { contentEnd -= 1 }
            lines.append(start..<contentEnd)
            start = end + 1
        }
        guard let first = lines.first else { return "" }
        var cursor = first.lowerBound
        while cursor < first.upperBound, bytes[cursor] == ASCIIByte.space { cursor += 1 }
        if cursor < first.upperBound, bytes[cursor] == ASCIIByte.hash {
            while cursor < first.upperBound, bytes[cursor] == ASCIIByte.hash { cursor += 1 }
            var end = first.upperBound
            trimBlanks(bytes, &cursor, &end)
            // A closing sequence: `#`s at the end, after a blank (or making up the whole text).
            var closing = end
            while closing > cursor, bytes[closing - 1] == ASCIIByte.hash { closing -= 1 }
            if closing < end, closing == cursor || isBlank(bytes[closing - 1]) {
                end = closing
                trimBlanks(bytes, &cursor, &end)
            }
            return String(decoding: bytes[cursor..<end], as: UTF8.self)
        }
        // Setext: the underline is the last line; the text is the line above it.
        let textLine = lines.count > 1 ? lines[lines.count - 2] : first
        var lower = textLine.lowerBound
        var upper = textLine.upperBound
        trimBlanks(bytes, &lower, &upper)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == ASCIIByte.space || byte == ASCIIByte.tab
    }

    private static func trimBlanks(_ bytes: [UInt8], _ lower: inout Int, _ upper: inout Int) {
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
    }
}

/// A trailing attribute block on a heading's text: `Title {#id}` or `Title {#id .class key=value}`.
struct HeadingAttributes: Equatable {
    /// The text before the block, without the blanks between.
    var text: Substring
    /// The `#id` token's value, if the block has one.
    var id: String?

    /// The block at the end of `text`, in the generous form goldmark, Pandoc, pulldown-cmark (Zola)
    /// and Docusaurus accept: tokens `#id`, `.class` or `key=value` between braces. Nil when the
    /// text does not end with such a block.
    static func general(_ text: String) -> HeadingAttributes? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let tokens = inside.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else { return nil }
        var id: String?
        for token in tokens {
            if token.hasPrefix("#"), token.count > 1 {
                id = String(token.dropFirst())
            } else if token.hasPrefix("."), token.count > 1 {
                continue
            } else if let equals = token.firstIndex(of: "="), equals != token.startIndex {
                continue
            } else {
                return nil
            }
        }
        return HeadingAttributes(text: trimmedEnd(text[..<open]), id: id)
    }

    /// kramdown's header id: exactly ` {#name}` at the end, `name` an XML name (a letter, `_` or
    /// `:` first, then also digits, `-` and `.`), after a blank.
    static func kramdown(_ text: String) -> HeadingAttributes? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{"), open > text.startIndex else { return nil }
        let before = text[text.index(before: open)]
        guard before == " " || before == "\t" else { return nil }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard inside.hasPrefix("#") else { return nil }
        let name = inside.dropFirst()
        guard let first = name.unicodeScalars.first, isXMLNameStart(first),
            name.unicodeScalars.allSatisfy({ isXMLNameStart($0) || isXMLNameOther($0) })
        else { return nil }
        return HeadingAttributes(text: trimmedEnd(text[..<open]), id: String(name))
    }

    private static func isXMLNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
            0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
            0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    private static func isXMLNameOther(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    private static func trimmedEnd(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

/// The ASCII bytes the anchor code names.
enum ASCIIByte {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let hash: UInt8 = 0x23
}
