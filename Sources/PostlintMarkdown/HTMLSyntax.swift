/// Raw HTML as CommonMark recognises it: open and closing tags, comments, processing
/// instructions, declarations and CDATA sections. Each scan reads forward from a `<` and returns
/// the index after the construct, or nil.
enum HTMLSyntax {
    /// One attribute of an open tag: its name and, when it has one, its value without quotes.
    struct Attribute {
        var name: Range<Int>
        var value: Range<Int>?
    }

    /// An open tag: its name and attributes, and the index after its `>`.
    struct OpenTag {
        var name: Range<Int>
        var attributes: [Attribute]
        var next: Int
    }

    /// `<name attr="value" ...>` or `<name ... />` starting at `index`.
    static func openTag(_ bytes: [UInt8], at index: Int, end: Int) -> OpenTag? {
        var attributes: [Attribute] = []
        guard
            let (name, next) = scanOpenTag(
                bytes, at: index, end: end,
                attribute: { attribute in
                    if attributes.isEmpty { attributes.reserveCapacity(4) }
                    attributes.append(attribute)
                })
        else { return nil }
        return OpenTag(name: name, attributes: attributes, next: next)
    }

    /// `openTag`'s name and end without its attributes, for callers that need only where the tag
    /// ends: nothing is allocated.
    static func openTagEnd(_ bytes: [UInt8], at index: Int, end: Int) -> (name: Range<Int>, next: Int)? {
        scanOpenTag(bytes, at: index, end: end, attribute: { _ in })
    }

    /// Reads an open tag starting at `index`, handing each attribute to `attribute`.
    @inline(__always)
    private static func scanOpenTag(_ bytes: [UInt8], at index: Int, end: Int, attribute found: (Attribute) -> Void)
        -> (name: Range<Int>, next: Int)?
    {
        guard index + 1 < end, bytes[index] == ASCII.lessThan, ASCII.isLetter(bytes[index + 1]) else { return nil }
        var cursor = index + 2
        while cursor < end, ASCII.isAlphanumeric(bytes[cursor]) || bytes[cursor] == ASCII.hyphen { cursor += 1 }
        let name = (index + 1)..<cursor
        while true {
            let beforeSpace = cursor
            while cursor < end, ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < end else { return nil }
            let byte = bytes[cursor]
            if byte == ASCII.greaterThan { return (name, cursor + 1) }
            if byte == ASCII.slash {
                guard cursor + 1 < end, bytes[cursor + 1] == ASCII.greaterThan else { return nil }
                return (name, cursor + 2)
            }
            // An attribute needs whitespace before it.
            guard cursor > beforeSpace, isAttributeNameStart(byte) else { return nil }
            let nameStart = cursor
            cursor += 1
            while cursor < end, isAttributeNameByte(bytes[cursor]) { cursor += 1 }
            var attribute = Attribute(name: nameStart..<cursor, value: nil)
            var lookahead = cursor
            while lookahead < end, ASCII.isWhitespace(bytes[lookahead]) { lookahead += 1 }
            if lookahead < end, bytes[lookahead] == ASCII.equals {
                lookahead += 1
                while lookahead < end, ASCII.isWhitespace(bytes[lookahead]) { lookahead += 1 }
                guard lookahead < end else { return nil }
                let quote = bytes[lookahead]
                if quote == ASCII.quote || quote == ASCII.apostrophe {
                    var close = lookahead + 1
                    while close < end, bytes[close] != quote { close += 1 }
                    guard close < end else { return nil }
                    attribute.value = (lookahead + 1)..<close
                    cursor = close + 1
                } else {
                    var close = lookahead
                    while close < end, isUnquotedValueByte(bytes[close]) { close += 1 }
                    guard close > lookahead else { return nil }
                    attribute.value = lookahead..<close
                    cursor = close
                }
            }
            found(attribute)
        }
    }

    /// `</name >` starting at `index`.
    static func closingTag(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        guard index + 2 < end, bytes[index] == ASCII.lessThan, bytes[index + 1] == ASCII.slash,
            ASCII.isLetter(bytes[index + 2])
        else { return nil }
        var cursor = index + 3
        while cursor < end, ASCII.isAlphanumeric(bytes[cursor]) || bytes[cursor] == ASCII.hyphen { cursor += 1 }
        while cursor < end, ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
        guard cursor < end, bytes[cursor] == ASCII.greaterThan else { return nil }
        return cursor + 1
    }

    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)
    static let instructionClose = Array("?>".utf8)
    static let cdataOpen = Array("<![CDATA[".utf8)
    static let cdataClose = Array("]]>".utf8)

    /// Whether a comment starts at `index` (`<!--`).
    static func isCommentStart(_ bytes: [UInt8], at index: Int, end: Int) -> Bool {
        matches(bytes, at: index, end: end, commentOpen)
    }

    /// The end of a comment starting at `index`: `<!-->`, `<!--->` or the first `-->` after `<!--`.
    static func commentEnd(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        guard isCommentStart(bytes, at: index, end: end) else { return nil }
        if index + 4 < end, bytes[index + 4] == ASCII.greaterThan { return index + 5 }
        if index + 5 < end, bytes[index + 4] == ASCII.hyphen, bytes[index + 5] == ASCII.greaterThan { return index + 6 }
        return find(commentClose, in: bytes, from: index + 4, end: end).map { $0 + 3 }
    }

    static func matches(_ bytes: [UInt8], at index: Int, end: Int, _ word: [UInt8]) -> Bool {
        guard index >= 0, index + word.count <= end else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }

    /// The index of the first occurrence of `needle` (a short marker) at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, end: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var cursor = from
        while cursor + needle.count <= end {
            if bytes[cursor] == first, matches(bytes, at: cursor, end: end, needle) { return cursor }
            cursor += 1
        }
        return nil
    }

    @inline(__always) static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || byte == ASCII.underscore || byte == ASCII.colon
    }

    @inline(__always) static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == ASCII.underscore || byte == ASCII.colon || byte == ASCII.dot
            || byte == ASCII.hyphen
    }

    @inline(__always) static func isUnquotedValueByte(_ byte: UInt8) -> Bool {
        !ASCII.isWhitespace(byte) && byte != ASCII.quote && byte != ASCII.apostrophe && byte != ASCII.equals
            && byte != ASCII.lessThan && byte != ASCII.greaterThan && byte != ASCII.backtick
    }

    /// Whether the tag name at `range` is `name` (ASCII lower case), ignoring case.
    static func nameIs(_ bytes: [UInt8], _ range: Range<Int>, _ name: [UInt8]) -> Bool {
        range.count == name.count
            && ASCII.hasPrefix(
                bytes, at: range.lowerBound, end: range.upperBound,
                caseInsensitive: name)
    }
}
