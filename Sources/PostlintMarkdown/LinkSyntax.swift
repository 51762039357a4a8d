import PostlintCore

/// The pieces of link syntax shared by inline links and reference definitions: destinations,
/// titles and labels. Each scan moves forward only and stops at the first byte that settles it.
enum LinkSyntax {
    /// Deepest parenthesis nesting accepted in a destination without `<>`.
    static let maxParenDepth = ParserLimits.markdownDestinationParentheses
    /// Longest link label, in bytes between the brackets.
    static let maxLabelLength = 999

    /// A destination starting at `index`: `<...>` (no line ending, no unescaped `<`) or a run
    /// without spaces or controls and with balanced parentheses (a template tag in it, spaces and
    /// all, counts as part of the run: see `templateTagEnd`). Returns the written text's range
    /// (inside the brackets for `<...>`) and the index after the destination.
    static func destination(_ bytes: [UInt8], at index: Int, end: Int) -> (raw: Range<Int>, next: Int)? {
        guard index < end else { return nil }
        if bytes[index] == ASCII.lessThan {
            var cursor = index + 1
            while cursor < end {
                let byte = bytes[cursor]
                if byte == ASCII.backslash, cursor + 1 < end, ASCII.isPunctuation(bytes[cursor + 1]) {
                    cursor += 2
                    continue
                }
                if byte == ASCII.greaterThan { return ((index + 1)..<cursor, cursor + 1) }
                if byte == ASCII.lessThan || ASCII.isLineEnd(byte) { return nil }
                cursor += 1
            }
            return nil
        }
        var cursor = index
        var depth = 0
        var unclosedTags = UnclosedTemplateTags()
        let stops = destinationStops
        while cursor < end {
            // A run of bytes the checks below would only step over (most of a URL), at a look-up each.
            cursor = bytes.withUnsafeBufferPointer { buffer in
                stops.withUnsafeBufferPointer { stops in
                    var cursor = cursor
                    let end = min(end, buffer.count)
                    while cursor < end, !stops[Int(buffer[cursor])] { cursor += 1 }
                    return cursor
                }
            }
            guard cursor < end else { break }
            let byte = bytes[cursor]
            if byte == ASCII.backslash, cursor + 1 < end, ASCII.isPunctuation(bytes[cursor + 1]) {
                cursor += 2
                continue
            }
            if byte == openBrace, let close = templateTagEnd(bytes, at: cursor, end: end, unclosed: &unclosedTags) {
                cursor = close
                continue
            }
            if byte == ASCII.openParen {
                depth += 1
                if depth > maxParenDepth { return nil }
            } else if byte == ASCII.closeParen {
                if depth == 0 { break }
                depth -= 1
            } else if (byte <= ASCII.space && byte != 0 && byte != SourceText.substituteByte) || byte == 0x7F {
                // NUL and invalid bytes stand for U+FFFD, which a destination may hold.
                break
            }
            cursor += 1
        }
        guard depth == 0, cursor > index else { return nil }
        return (index..<cursor, cursor)
    }

    /// The bytes an unbracketed destination's scan must look at: those that may start an escape
    /// (`\`), a template tag (`{`) or a parenthesis, and those that end it (white space and
    /// controls other than NUL and `SourceText.substituteByte`, which stand for U+FFFD, and DEL).
    static let destinationStops: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0x01...0x20 where byte != Int(SourceText.substituteByte) { table[byte] = true }
        for byte in [ASCII.backslash, openBrace, ASCII.openParen, ASCII.closeParen, 0x7F] { table[Int(byte)] = true }
        return table
    }()

    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let percent: UInt8 = 0x25

    /// Where no closing `}}` (`brace`) or `%}` (`percent`) was found from: a tag opened before
    /// there is not closed either, so a line of `{{{{…` is searched once, not once per brace.
    struct UnclosedTemplateTags {
        var brace = Int.max
        var percent = Int.max
    }

    /// The index after a template tag of Liquid, Jekyll or Hugo (`{{ … }}` or `{% … %}`, closed on
    /// its line) starting at `index`, or nil when none starts there. The generator replaces the
    /// tag before its Markdown renderer reads the line, so the spaces inside it do not end a
    /// destination; the destination then holds the tag as written (a template expression, which
    /// no rule looks up as a file).
    static func templateTagEnd(_ bytes: [UInt8], at index: Int, end: Int, unclosed: inout UnclosedTemplateTags) -> Int? {
        guard index + 1 < end, bytes[index] == openBrace else { return nil }
        let isExpression = bytes[index + 1] == openBrace
        guard isExpression || bytes[index + 1] == percent else { return nil }
        if index >= (isExpression ? unclosed.brace : unclosed.percent) { return nil }
        let closer = isExpression ? closeBrace : percent
        var cursor = index + 2
        while cursor + 1 < end, !ASCII.isLineEnd(bytes[cursor]) {
            if bytes[cursor] == closer, bytes[cursor + 1] == closeBrace { return cursor + 2 }
            cursor += 1
        }
        if isExpression { unclosed.brace = index } else { unclosed.percent = index }
        return nil
    }

    /// A title starting at `index` in `"..."`, `'...'` or `(...)`: the range inside the delimiters
    /// and the index after the closing one.
    static func title(_ bytes: [UInt8], at index: Int, end: Int) -> (raw: Range<Int>, next: Int)? {
        guard index < end else { return nil }
        let open = bytes[index]
        let close: UInt8
        switch open {
        case ASCII.quote, ASCII.apostrophe: close = open
        case ASCII.openParen: close = ASCII.closeParen
        default: return nil
        }
        var cursor = index + 1
        while cursor < end {
            let byte = bytes[cursor]
            if byte == ASCII.backslash, cursor + 1 < end, ASCII.isPunctuation(bytes[cursor + 1]) {
                cursor += 2
                continue
            }
            if byte == close { return ((index + 1)..<cursor, cursor + 1) }
            if open == ASCII.openParen, byte == ASCII.openParen { return nil }
            cursor += 1
        }
        return nil
    }

    /// A link label starting at `index` (a `[`): up to 999 bytes, no unescaped brackets, not only
    /// whitespace (unless `allowBlank`). Returns the range inside the brackets and the index after `]`.
    static func label(_ bytes: [UInt8], at index: Int, end: Int, allowBlank: Bool = false)
        -> (raw: Range<Int>, next: Int)?
    {
        guard index < end, bytes[index] == ASCII.openBracket else { return nil }
        var cursor = index + 1
        var hasContent = false
        while cursor < end, cursor - index - 1 <= maxLabelLength {
            let byte = bytes[cursor]
            if byte == ASCII.backslash, cursor + 1 < end, ASCII.isPunctuation(bytes[cursor + 1]) {
                cursor += 2
                hasContent = true
                continue
            }
            if byte == ASCII.openBracket { return nil }
            if byte == ASCII.closeBracket {
                guard hasContent || allowBlank, cursor - index - 1 <= maxLabelLength else { return nil }
                return ((index + 1)..<cursor, cursor + 1)
            }
            if !ASCII.isWhitespace(byte) { hasContent = true }
            cursor += 1
        }
        return nil
    }

    /// Written text with backslash escapes and character references resolved.
    static func unescape(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        // Most destinations and titles have nothing to resolve.
        let asWritten = bytes.withUnsafeBufferPointer { buffer -> String? in
            let text = UnsafeBufferPointer(rebasing: buffer[range])
            for byte in text where byte == ASCII.backslash || byte == ASCII.ampersand { return nil }
            return String(decoding: text, as: UTF8.self)
        }
        if let asWritten { return asWritten }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let byte = bytes[cursor]
            if byte == ASCII.backslash, cursor + 1 < range.upperBound, ASCII.isPunctuation(bytes[cursor + 1]) {
                output.append(bytes[cursor + 1])
                cursor += 2
            } else if byte == ASCII.ampersand,
                let (text, next) = EntityDecoder.decode(bytes, at: cursor, end: range.upperBound)
            {
                output.append(contentsOf: text.utf8)
                cursor = next
            } else {
                output.append(byte)
                cursor += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The key two labels match by: trimmed, inner whitespace runs collapsed to one space, and
    /// case-folded (lower-cased then upper-cased, so that `ẞ` and `SS` agree).
    static func normalizedLabel(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let asciiKey = bytes.withUnsafeBufferPointer { buffer -> String? in
            let label = UnsafeBufferPointer(rebasing: buffer[range])
            guard ByteScanning.isASCII(label) else { return nil }
            // ASCII: lower-casing then upper-casing is upper-casing the letters. The key is
            // written into the string's own storage (a short key needs none).
            return String(unsafeUninitializedCapacity: label.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in label {
                    if ASCII.isWhitespace(byte) {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        output[count] = ASCII.space
                        count += 1
                    }
                    pendingSpace = false
                    output[count] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        if let asciiKey { return asciiKey }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var pendingSpace = false
        for byte in bytes[range] {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(ASCII.space) }
                pendingSpace = false
                output.append(byte)
            }
        }
        if output.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower-casing then upper-casing is upper-casing the letters.
            for index in output.indices where output[index] >= 0x61 && output[index] <= 0x7A { output[index] -= 0x20 }
            return String(decoding: output, as: UTF8.self)
        }
        return String(decoding: output, as: UTF8.self).lowercased().uppercased()
    }

    /// Skips spaces and tabs, then at most one line ending, then spaces and tabs.
    static func skipSpaceAndOneLineEnd(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        var cursor = index
        while cursor < end, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        if cursor < end, bytes[cursor] == ASCII.newline {
            cursor += 1
            while cursor < end, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        }
        return cursor
    }
}
