/// One line of a `.gitignore` (or `.ignore`, or `.git/info/exclude`), read as git reads it
/// (`man gitignore`): `#` starts a comment, `!` negates, a trailing `/` matches folders only, a
/// `/` at the start or in the middle anchors the pattern to the ignore file's folder (otherwise it
/// matches a name at any depth below it), `*` and `?` stay within a segment, `[…]` is a set,
/// `**` as a whole segment spans segments (elsewhere it is one `*`), `\` escapes the next
/// character, and trailing spaces are dropped unless escaped. A `{` is itself, as in git.
///
/// Compiled once: a plain name (`node_modules`, `.DS_Store`) is compared as bytes, `*.ext` by its
/// suffix, anything else through `Glob`'s automaton (time proportional to pattern × path, so a
/// hostile pattern cannot make the walk hang).
struct IgnorePattern: Sendable {
    /// The longest pattern kept, in bytes; longer lines are not patterns anyone writes, and are
    /// skipped.
    static let maximumLength = 4_096

    /// `!pattern`: a match re-includes what an earlier pattern ignored.
    let isNegated: Bool
    /// `pattern/`: matches folders only.
    let matchesFoldersOnly: Bool
    /// Matched against the path relative to the ignore file's folder, not just the name.
    let isAnchored: Bool
    private let matcher: Matcher

    private enum Matcher: Sendable {
        /// The name or path itself.
        case literal([UInt8])
        /// `*` followed by these bytes (no `/`, no wildcard).
        case suffix([UInt8])
        case glob(Glob)
    }

    /// The pattern on `line` (its bytes without the line break), or nil for a blank line, a
    /// comment, or a line git would never match with.
    init?(line: ArraySlice<UInt8>) {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard let first = bytes.first, first != UInt8(ascii: "#") else { return nil }
        Self.dropTrailingSpaces(&bytes)
        var negated = false
        if bytes.first == UInt8(ascii: "!") {
            negated = true
            bytes.removeFirst()
        }
        var foldersOnly = false
        if bytes.last == UInt8(ascii: "/") {
            foldersOnly = true
            bytes.removeLast()
        }
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else { return nil }
        let anchored = bytes.contains(UInt8(ascii: "/"))
        if bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        guard !bytes.isEmpty, let glob = Self.globText(bytes) else { return nil }
        isNegated = negated
        matchesFoldersOnly = foldersOnly
        isAnchored = anchored
        if let literal = Self.plainBytes(bytes) {
            matcher = .literal(literal)
        } else if bytes.first == UInt8(ascii: "*"), bytes.count > 1,
            bytes[1] != UInt8(ascii: "*"), let rest = Self.plainBytes(bytes[1...])
        {
            matcher = rest.contains(UInt8(ascii: "/")) ? .glob(Glob(wholePath: glob)) : .suffix(rest)
        } else {
            matcher = .glob(Glob(wholePath: glob))
        }
    }

    /// The bytes of a pattern without wildcards, compared whole with a name (or, anchored, a
    /// path): the file looks these up by their bytes instead of trying each.
    var literalBytes: [UInt8]? {
        if case .literal(let bytes) = matcher { return bytes }
        return nil
    }

    /// Whether the pattern matches the entry whose path relative to the ignore file's folder is
    /// `relativePath` (its last segment is its name).
    func matches(relativePath: ArraySlice<UInt8>, isFolder: Bool) -> Bool {
        if matchesFoldersOnly, !isFolder { return false }
        var subject = relativePath
        if !isAnchored, let slash = relativePath.lastIndex(of: UInt8(ascii: "/")) {
            subject = relativePath[(slash + 1)...]
        }
        switch matcher {
        case .literal(let bytes):
            return subject.elementsEqual(bytes)
        case .suffix(let bytes):
            return subject.count >= bytes.count && subject.suffix(bytes.count).elementsEqual(bytes)
        case .glob(let glob):
            return glob.matches(bytes: subject)
        }
    }

    // MARK: Reading a line

    /// Drops trailing spaces that are not escaped with `\`.
    private static func dropTrailingSpaces(_ bytes: inout [UInt8]) {
        while bytes.last == UInt8(ascii: " ") {
            // A space after an odd run of backslashes is escaped: kept.
            var backslashes = 0
            var index = bytes.count - 2
            while index >= 0, bytes[index] == UInt8(ascii: "\\") {
                backslashes += 1
                index -= 1
            }
            if backslashes % 2 == 1 { return }
            bytes.removeLast()
        }
    }

    /// The bytes a pattern without wildcards stands for (escapes removed), or nil if it has any.
    private static func plainBytes(_ pattern: some Collection<UInt8>) -> [UInt8]? {
        var plain: [UInt8] = []
        plain.reserveCapacity(pattern.count)
        var escaped = false
        for byte in pattern {
            if escaped {
                plain.append(byte)
                escaped = false
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["): return nil
            default: plain.append(byte)
            }
        }
        return escaped ? nil : plain
    }

    /// The pattern in `Glob`'s syntax: an escaped or brace character becomes a one-member set,
    /// `**` that is not a whole segment becomes `*`; nil for a pattern ending in a lone `\`,
    /// which git never matches.
    private static func globText(_ pattern: [UInt8]) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(pattern.count + 8)
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < pattern.count else { return nil }
                appendLiteral(pattern[index + 1], to: &text)
                index += 2
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","):
                appendLiteral(byte, to: &text)
            case UInt8(ascii: "*"):
                var end = index
                while end < pattern.count, pattern[end] == UInt8(ascii: "*") { end += 1 }
                let startsSegment = index == 0 || pattern[index - 1] == UInt8(ascii: "/")
                let endsSegment = end == pattern.count || pattern[end] == UInt8(ascii: "/")
                if end - index >= 2, startsSegment, endsSegment {
                    text.append(contentsOf: [UInt8(ascii: "*"), UInt8(ascii: "*")])
                } else {
                    text.append(UInt8(ascii: "*"))
                }
                index = end
                continue
            default:
                text.append(byte)
            }
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A byte matched as itself in `Glob`'s syntax.
    private static func appendLiteral(_ byte: UInt8, to text: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: ","):
            text.append(contentsOf: [UInt8(ascii: "["), byte, UInt8(ascii: "]")])
        default:
            text.append(byte)
        }
    }
}
