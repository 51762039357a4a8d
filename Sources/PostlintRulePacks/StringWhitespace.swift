/// White space as `Character.isWhitespace` sees it, answered from the bytes when they are ASCII.
///
/// `Character.isWhitespace` looks up the Unicode properties of the character's first scalar, a few
/// hundred instructions a call, and the rule kinds ask it about every front matter value, which
/// nearly always starts and ends with an ASCII letter. The ASCII scalars with Unicode's White_Space
/// property are tab, line feed, vertical tab, form feed, carriage return and space.
enum ASCIIWhitespace {
    @inline(__always)
    static func contains(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}

extension String {
    /// The string without leading and trailing white space (characters whose `isWhitespace` holds).
    func trimmingWhitespace() -> String {
        // Neither end is white space when both end bytes are ASCII other than white space. A
        // character's white space is its first scalar's; the first byte is the first character's
        // first scalar, and an ASCII scalar that is not a line feed ends a character that either is
        // that scalar alone or began with a prepended mark (Unicode's Prepend), never white space.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !ASCIIWhitespace.contains(first), !ASCIIWhitespace.contains(last)
        {
            return self
        }
        return trimmingWhitespaceCharacterByCharacter()
    }

    /// `trimmingWhitespace()` by characters, for text the ASCII shortcut cannot answer.
    func trimmingWhitespaceCharacterByCharacter() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// Whether every character is white space (so true for the empty string), as
    /// `allSatisfy(\.isWhitespace)` answers; a first byte that is ASCII other than white space
    /// settles it at once.
    var isAllWhitespace: Bool {
        if let first = utf8.first, first < 0x80, !ASCIIWhitespace.contains(first) { return false }
        return allSatisfy(\.isWhitespace)
    }
}
