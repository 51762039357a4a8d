import PostlintCore

/// Images (`<img src>` and each `srcset` candidate) and links (`<a href>`) of one HTML open tag.
enum HTMLElementReader {
    private static let img = Array("img".utf8)
    private static let anchor = Array("a".utf8)
    private static let src = Array("src".utf8)
    private static let srcset = Array("srcset".utf8)
    private static let alt = Array("alt".utf8)
    private static let href = Array("href".utf8)
    private static let title = Array("title".utf8)

    /// Reads `tag` (which starts at `start` in `text`) into `images` and `links`.
    static func read(
        _ tag: HTMLSyntax.OpenTag, at start: Int, in text: BlockText,
        images: inout [MarkdownImage], links: inout [MarkdownLink]
    ) {
        let bytes = text.bytes
        let range = text.fileRange(start..<tag.next)
        if HTMLSyntax.nameIs(bytes, tag.name, img) {
            let altText = value(of: alt, in: tag, bytes).map { EntityDecoder.decodeAll(bytes, $0) }
            let titleText = value(of: title, in: tag, bytes).map { EntityDecoder.decodeAll(bytes, $0) }
            if let source = value(of: src, in: tag, bytes) {
                images.append(
                    MarkdownImage(
                        kind: .html, range: range, destination: EntityDecoder.decodeAll(bytes, source),
                        destinationRange: text.fileRange(source), alt: altText, title: titleText))
            }
            if let set = value(of: srcset, in: tag, bytes) {
                for candidate in candidates(bytes, set) {
                    images.append(
                        MarkdownImage(
                            kind: .html, range: range,
                            destination: EntityDecoder.decodeAll(bytes, candidate),
                            destinationRange: text.fileRange(candidate), alt: altText,
                            title: titleText))
                }
            }
        } else if HTMLSyntax.nameIs(bytes, tag.name, anchor), let target = value(of: href, in: tag, bytes) {
            let titleText = value(of: title, in: tag, bytes).map { EntityDecoder.decodeAll(bytes, $0) }
            links.append(
                MarkdownLink(
                    kind: .html, range: range, destination: EntityDecoder.decodeAll(bytes, target),
                    destinationRange: text.fileRange(target), text: "", title: titleText))
        }
    }

    /// Whether the tag at `start` is an `img` or `a` tag worth reading (a cheap check first).
    static func mayHold(_ bytes: [UInt8], at start: Int, end: Int) -> Bool {
        guard start + 2 < end else { return false }
        let first = ASCII.lowercased(bytes[start + 1])
        return first == 0x69 || (first == 0x61 && !ASCII.isAlphanumeric(bytes[start + 2]))
    }

    /// Where the value of the attribute `name` is written (empty, after the name, when it has
    /// none), if the tag has that attribute.
    private static func value(of name: [UInt8], in tag: HTMLSyntax.OpenTag, _ bytes: [UInt8]) -> Range<Int>? {
        // The first attribute of a name counts, as in browsers.
        guard let attribute = tag.attributes.first(where: { HTMLSyntax.nameIs(bytes, $0.name, name) }) else {
            return nil
        }
        return attribute.value ?? attribute.name.upperBound..<attribute.name.upperBound
    }

    /// The URL of each `srcset` candidate (`a.png 1x, b.png 2x`): a run of non-space characters,
    /// trailing commas dropped; descriptors run to the next comma outside parentheses.
    static func candidates(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cursor = range.lowerBound
        let end = range.upperBound
        while cursor < end {
            while cursor < end, ASCII.isWhitespace(bytes[cursor]) || bytes[cursor] == 0x2C { cursor += 1 }
            guard cursor < end else { break }
            let urlStart = cursor
            while cursor < end, !ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
            var urlEnd = cursor
            var endedByComma = false
            while urlEnd > urlStart, bytes[urlEnd - 1] == 0x2C {
                urlEnd -= 1
                endedByComma = true
            }
            if urlEnd > urlStart { result.append(urlStart..<urlEnd) }
            if endedByComma { continue }
            var depth = 0
            while cursor < end {
                let byte = bytes[cursor]
                if byte == ASCII.openParen { depth += 1 }
                if byte == ASCII.closeParen, depth > 0 { depth -= 1 }
                cursor += 1
                if byte == 0x2C, depth == 0 { break }
            }
        }
        return result
    }
}
