import PostlintCore

/// Link reference definitions at the start of a paragraph (`[label]: destination "title"`), as
/// the block pass takes them out when a paragraph closes.
enum ReferenceDefinitionParser {
    /// A definition with its matching key.
    struct Parsed {
        var key: String
        var definition: MarkdownReferenceDefinition
    }

    /// Adds the definitions at the start of `text` to `definitions`, and the key each one is
    /// matched by to `keys` (at the same index); returns how many bytes of the text they take (up
    /// to the start of the first line that is not a definition).
    static func parse(
        _ text: BlockText, into definitions: inout [MarkdownReferenceDefinition],
        keys: inout [String]
    ) -> Int {
        let bytes = text.bytes
        let end = text.end
        var position = text.start
        while position < end, bytes[position] == ASCII.openBracket {
            guard let parsed = definition(in: text, at: position) else { break }
            definitions.append(parsed.definition.definition)
            keys.append(parsed.definition.key)
            position = parsed.next
        }
        return position - text.start
    }

    private static func definition(in text: BlockText, at start: Int) -> (definition: Parsed, next: Int)? {
        let bytes = text.bytes
        let end = text.end
        guard let label = LinkSyntax.label(bytes, at: start, end: end),
            label.next < end, bytes[label.next] == ASCII.colon
        else { return nil }
        let destinationStart = LinkSyntax.skipSpaceAndOneLineEnd(bytes, from: label.next + 1, end: end)
        guard let destination = LinkSyntax.destination(bytes, at: destinationStart, end: end) else { return nil }
        // A title must be separated from the destination by whitespace, and only spaces may
        // follow it on its line; otherwise the definition ends with the destination's line.
        var title: Range<Int>?
        var next: Int?
        let titleStart = LinkSyntax.skipSpaceAndOneLineEnd(bytes, from: destination.next, end: end)
        if titleStart > destination.next, let parsedTitle = LinkSyntax.title(bytes, at: titleStart, end: end),
            let lineEnd = restOfLineIsBlank(bytes, from: parsedTitle.next, end: end)
        {
            title = parsedTitle.raw
            next = lineEnd
        }
        if next == nil {
            guard let lineEnd = restOfLineIsBlank(bytes, from: destination.next, end: end) else { return nil }
            next = lineEnd
        }
        guard let next else { return nil }
        let key = LinkSyntax.normalizedLabel(bytes, label.raw)
        let rangeEnd = next > start && next <= end && next > 0 && bytes[next - 1] == ASCII.newline ? next - 1 : next
        let definition = MarkdownReferenceDefinition(
            label: String(decoding: bytes[label.raw], as: UTF8.self),
            destination: LinkSyntax.unescape(bytes, destination.raw),
            destinationRange: text.fileRange(destination.raw),
            title: title.map { LinkSyntax.unescape(bytes, $0) },
            range: text.fileRange(start..<rangeEnd))
        return (Parsed(key: key, definition: definition), next)
    }

    /// The index after the line ending when only spaces and tabs remain on the line.
    private static func restOfLineIsBlank(_ bytes: [UInt8], from index: Int, end: Int) -> Int? {
        var cursor = index
        while cursor < end, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        if cursor == end { return end }
        return bytes[cursor] == ASCII.newline ? cursor + 1 : nil
    }
}
