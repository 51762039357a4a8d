import PostlintCore

/// Reads an HTML block for comments, `<img>` and `<a href>` tags. Blocks of raw text
/// (`<script>`, `<style>`, `<textarea>`) hold no elements; `<pre>` blocks do.
enum HTMLBlockReader {
    private static let rawTextNames: [[UInt8]] = ["script", "style", "textarea"].map { Array($0.utf8) }

    static func read(_ text: BlockText, type: Int) -> InlineParser.Result {
        var result = InlineParser.Result()
        let bytes = text.bytes
        let end = text.end
        var readsElements = true
        if type == 1, let open = bytes[text.start..<end].firstIndex(of: ASCII.lessThan) {
            readsElements = !rawTextNames.contains { ASCII.hasPrefix(bytes, at: open + 1, end: end, caseInsensitive: $0) }
        }
        var cursor = text.start
        while cursor < end {
            guard bytes[cursor] == ASCII.lessThan else {
                cursor += 1
                continue
            }
            if HTMLSyntax.isCommentStart(bytes, at: cursor, end: end) {
                // An unclosed comment runs to the end of the block.
                let close = HTMLSyntax.commentEnd(bytes, at: cursor, end: end) ?? end
                let range = text.fileRange(cursor..<close)
                let innerEnd = close == end && !HTMLSyntax.matches(bytes, at: close - 3, end: end, HTMLSyntax.commentClose)
                    ? close : max(cursor + 4, close - 3)
                result.comments.append(MarkdownComment(
                    range: range, text: String(decoding: bytes[min(cursor + 4, innerEnd)..<innerEnd], as: UTF8.self)))
                result.excluded.append(range)
                cursor = close
                continue
            }
            if readsElements, HTMLElementReader.mayHold(bytes, at: cursor, end: end),
               let tag = HTMLSyntax.openTag(bytes, at: cursor, end: end) {
                HTMLElementReader.read(tag, at: cursor, in: text, images: &result.images, links: &result.links)
                cursor = tag.next
                continue
            }
            cursor += 1
        }
        return result
    }
}
