import PostlintCore

/// Reads an HTML block for comments, `<img>` and `<a href>` tags. Blocks of raw text
/// (`<script>`, `<style>`, `<textarea>`) hold no elements; `<pre>` blocks do.
enum HTMLBlockReader {
    private static let rawTextNames: [[UInt8]] = ["script", "style", "textarea"].map { Array($0.utf8) }

    /// Reads `text`, an HTML block of start condition `type`, adding what it holds to `body` and
    /// its comments' ranges to `excluded`.
    static func read(_ text: BlockText, type: Int, into body: inout MarkdownBody, excluded: inout [ByteRange]) {
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
                let innerEnd =
                    close == end && !HTMLSyntax.matches(bytes, at: close - 3, end: end, HTMLSyntax.commentClose)
                    ? close : max(cursor + 4, close - 3)
                body.comments.append(
                    MarkdownComment(
                        range: range, text: String(decoding: bytes[min(cursor + 4, innerEnd)..<innerEnd], as: UTF8.self)))
                excluded.append(range)
                cursor = close
                continue
            }
            if readsElements, HTMLElementReader.mayHold(bytes, at: cursor, end: end),
                let tag = HTMLSyntax.openTag(bytes, at: cursor, end: end)
            {
                HTMLElementReader.read(tag, at: cursor, in: text, images: &body.images, links: &body.links)
                cursor = tag.next
                continue
            }
            cursor += 1
        }
    }
}
