import PostlintCore

/// Parses the shape nearly all front matter has, straight from the bytes: block mappings of plain
/// keys (`title`, `ms.date`, `-api-id`) to one-line scalars, one-line flow sequences of scalars,
/// block sequences of one-line scalars and, a few levels deep, mappings of the same (Hugo's
/// `params:`), with comments and blank lines between them, its lines ended by LF or CR LF.
///
/// Composing through libyaml costs about 200,000 instructions for a typical post's front matter (a
/// mark per token, a string per event); this reads the same text in a few thousand. It accepts only
/// text whose meaning is certain and returns nil for everything else (anchors, tags, block scalars,
/// escapes, scalars over several lines, flow mappings, mappings in sequences, repeated keys, tabs,
/// a carriage return not followed by a line feed, control characters and the characters YAML reads
/// as line breaks), which `PositionedYAML` then parses with libyaml. Its tree, ranges and scalar
/// kinds are those the libyaml path gives: differential tests hold the two to the same result on
/// generated front matter.
struct FlatYAMLParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The file offset of `bytes[0]`.
    private let fileOffset: Int
    private var lineStart = 0
    /// The rules that type plain scalars.
    private let version: YAMLVersion

    private init(bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int, version: YAMLVersion) {
        self.bytes = bytes
        self.fileOffset = fileOffset
        self.version = version
    }

    /// The root mapping of `bytes` (front matter content at `fileOffset` in its file), or nil when
    /// the text is not of the flat shape and needs the full parser.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int,
        version: YAMLVersion = .v1_1
    ) -> FrontMatterNode? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var parser = FlatYAMLParser(bytes: bytes, fileOffset: fileOffset, version: version)
        return parser.parseRootMapping()
    }

    /// How many keys are compared one by one before a set looks for repeats.
    private static let keysComparedDirectly = 16

    /// The most mappings nested in one another that this parser reads (the root is the first);
    /// deeper text goes to libyaml, whose limit is far above this.
    static let mappingDepthLimit = 4

    // MARK: - Characters

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let period = UInt8(ascii: ".")

    /// Whether the text holds no byte that needs libyaml's judgement: controls other than line
    /// feed and a carriage return before one (tabs included), DEL, C1 controls, NEL, the line
    /// and paragraph separators, a byte order mark and the noncharacters U+FFFE and U+FFFF. The
    /// text is valid UTF-8 (the caller makes sure), so a lead byte is followed by its continuation
    /// bytes.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        // A byte plus one, read as signed, is above 0x20 exactly when the byte is printable ASCII.
        let one = SIMD16<Int8>(repeating: 1)
        let space = SIMD16<Int8>(repeating: 0x20)
        let lineFeed = SIMD16<Int8>(repeating: Int8(newline))
        while index < count {
            // Sixteen bytes of printable ASCII and line feeds (nearly all front matter) at a time;
            // the loop below gives each of them a pass, so skipping them changes nothing.
            if index &+ 16 <= count {
                let chunk = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self)
                let plain = (chunk &+ one) .> space .| (chunk .== lineFeed)
                if all(plain) {
                    index &+= 16
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == carriageReturn {
                    // A line break of CR LF (Windows' line ends), never a CR alone.
                    guard index + 1 < count, bytes[index + 1] == newline else { return false }
                } else if byte < 0x20 && byte != newline || byte == 0x7F {
                    return false
                }
                index += 1
                continue
            }
            guard index + 1 < count else { return false }
            let second = bytes[index + 1]
            switch byte {
            case 0xC2:
                if second < 0xA0 { return false }
            case 0xE2:
                if second == 0x80, index + 2 < count, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            case 0xEF:
                if index + 2 < count {
                    let third = bytes[index + 2]
                    if second == 0xBB && third == 0xBF || second == 0xBF && (third == 0xBE || third == 0xBF) { return false }
                }
            default:
                break
            }
            index += 1
        }
        return true
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || byte == dash || byte == period
    }

    /// Whether a plain key starts at `index`: a letter, digit or `_`, or a `-` before one (YAML
    /// reads `-` as a sequence entry only before a space or a line's end).
    private func keyStarts(at index: Int, lineEnd end: Int) -> Bool {
        let byte = bytes[index]
        if Self.isKeyStart(byte) { return true }
        return byte == Self.dash && index + 1 < end && Self.isKeyStart(bytes[index + 1])
    }

    /// Whether the line's content at `first` is a block sequence entry: `-` before a space or the
    /// line's end.
    private func isSequenceEntry(at first: Int, lineEnd end: Int) -> Bool {
        bytes[first] == Self.dash && (first + 1 == end || bytes[first + 1] == Self.space)
    }

    /// Bytes that may not begin a plain scalar in block context (YAML indicators), or that this
    /// parser leaves to libyaml when they do (`?`, `:`).
    private static func mayStartBlockPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: " "):
            return false
        default:
            return true
        }
    }

    /// Bytes a plain scalar inside a flow sequence may hold here: no indicators at all.
    private static func mayAppearInFlowPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            return false
        default:
            return true
        }
    }

    // MARK: - Lines

    /// Where the content of the line at `start` ends: its line feed, or the carriage return
    /// before it (a CR is let through only as part of a CR LF), or the end of the text.
    private func lineEnd(from start: Int) -> Int {
        guard let newline = ByteScanning.firstIndex(of: Self.newline, in: bytes, from: start) else { return bytes.count }
        return newline > start && bytes[newline - 1] == Self.carriageReturn ? newline - 1 : newline
    }

    /// The start of the line after the one whose content ends at `end`.
    private func nextLine(after end: Int) -> Int {
        guard end < bytes.count else { return end }
        return bytes[end] == Self.carriageReturn ? end + 2 : end + 1
    }

    /// The offset of the first byte that is not a space at or after `start` on its line.
    private func firstNonSpace(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == Self.space { index += 1 }
        return index
    }

    /// Skips blank and comment lines from `lineStart`.
    private mutating func skipBlankLines() {
        while lineStart < bytes.count {
            let end = lineEnd(from: lineStart)
            let first = firstNonSpace(from: lineStart, to: end)
            guard first == end || bytes[first] == Self.hash else { return }
            lineStart = nextLine(after: end)
        }
    }

    // MARK: - Structure

    private mutating func parseRootMapping() -> FrontMatterNode? {
        skipBlankLines()
        guard lineStart < bytes.count, let root = parseMapping(indent: 0, depth: 1) else { return nil }
        // Content left over is indented less than the root, which YAML does not allow.
        return lineStart == bytes.count ? root : nil
    }

    /// The block mapping whose keys start at column `indent` from the next content line, up to
    /// the first content line indented less (or the end); `lineStart` is left at that line. Nil
    /// when its text is not of the flat shape.
    private mutating func parseMapping(indent: Int, depth: Int) -> FrontMatterNode? {
        guard depth <= Self.mappingDepthLimit else { return nil }
        var entries: [FrontMatterEntry] = []
        entries.reserveCapacity(8)
        // Repeated keys go to libyaml. A post's few keys are compared directly; past
        // `keysComparedDirectly` a set takes over, so a hostile front matter of many thousand keys
        // is read in linear time.
        var keys: Set<String>?
        var start: Int?
        var end = 0
        while true {
            skipBlankLines()
            guard lineStart < bytes.count else { break }
            let lineEnd = lineEnd(from: lineStart)
            let first = firstNonSpace(from: lineStart, to: lineEnd)
            let lineIndent = first - lineStart
            if lineIndent < indent { break }
            guard lineIndent == indent,
                let entry = parseEntry(keyStart: first, lineEnd: lineEnd, indent: indent, depth: depth)
            else { return nil }
            if keys == nil, entries.count >= Self.keysComparedDirectly { keys = Set(entries.map(\.key)) }
            if keys != nil {
                guard keys?.insert(entry.key).inserted == true else { return nil }
            } else if entries.contains(where: { $0.key == entry.key }) {
                return nil
            }
            if start == nil { start = entry.keyRange.lowerBound }
            end = max(end, entry.keyRange.upperBound, entry.value.range.upperBound)
            entries.append(entry)
        }
        guard let start else { return nil }
        return FrontMatterNode(value: .mapping(entries), range: start..<max(start, end))
    }

    /// One `key: value` entry of a mapping at column `indent`, its key at `keyStart`; moves
    /// `lineStart` past the lines it used.
    private mutating func parseEntry(keyStart: Int, lineEnd end: Int, indent: Int, depth: Int) -> FrontMatterEntry? {
        guard keyStarts(at: keyStart, lineEnd: end) else { return nil }
        var keyEnd = keyStart + 1
        while keyEnd < end, Self.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
        guard keyEnd < end, bytes[keyEnd] == Self.colon, keyEnd + 1 == end || bytes[keyEnd + 1] == Self.space else {
            return nil
        }
        let key = string(keyStart..<keyEnd)
        let keyRange = (fileOffset + keyStart)..<(fileOffset + keyEnd)
        let valueStart = firstNonSpace(from: keyEnd + 1, to: end)
        lineStart = nextLine(after: end)
        if valueStart < end {
            guard let value = parseInlineValue(from: valueStart, lineEnd: end, allowFlowSequence: true) else { return nil }
            // A following line indented more would continue the value (or nest under it): libyaml's call.
            guard nextContentLineIndent() <= indent else { return nil }
            return FrontMatterEntry(key: key, keyRange: keyRange, value: value)
        }
        skipBlankLines()
        if lineStart < bytes.count {
            let nextEnd = lineEnd(from: lineStart)
            let first = firstNonSpace(from: lineStart, to: nextEnd)
            let nextIndent = first - lineStart
            if isSequenceEntry(at: first, lineEnd: nextEnd) {
                // A sequence as a mapping's value may start at the mapping's own column.
                guard nextIndent >= indent, let sequence = parseBlockSequence(indent: nextIndent, mappingIndent: indent) else {
                    return nil
                }
                return FrontMatterEntry(key: key, keyRange: keyRange, value: sequence)
            }
            if nextIndent > indent {
                guard keyStarts(at: first, lineEnd: nextEnd), let mapping = parseMapping(indent: nextIndent, depth: depth + 1)
                else { return nil }
                return FrontMatterEntry(key: key, keyRange: keyRange, value: mapping)
            }
        }
        // An empty value is a null scalar at the end of the `:` (libyaml's mark for it).
        let offset = fileOffset + keyEnd + 1
        let null = FrontMatterNode(value: .scalar(FrontMatterScalar(text: "", kind: .null)), range: offset..<offset)
        return FrontMatterEntry(key: key, keyRange: keyRange, value: null)
    }

    /// The column of the next line that is not blank or a comment, 0 when there is none.
    private func nextContentLineIndent() -> Int {
        var start = lineStart
        while start < bytes.count {
            let end = lineEnd(from: start)
            let first = firstNonSpace(from: start, to: end)
            if first < end, bytes[first] != Self.hash { return first - start }
            start = nextLine(after: end)
        }
        return 0
    }

    /// The block sequence whose entries start at column `indent` from `lineStart`, the value of a
    /// key at column `mappingIndent`; nil when an entry is not a one-line scalar or what follows
    /// the sequence is not indented as a key of that mapping or of one around it.
    private mutating func parseBlockSequence(indent: Int, mappingIndent: Int) -> FrontMatterNode? {
        var items: [FrontMatterNode] = []
        let sequenceStart = fileOffset + lineStart + indent
        var sequenceEnd = sequenceStart
        while lineStart < bytes.count {
            let end = lineEnd(from: lineStart)
            let first = firstNonSpace(from: lineStart, to: end)
            if first == end || bytes[first] == Self.hash {
                lineStart = nextLine(after: end)
                continue
            }
            let lineIndent = first - lineStart
            let isEntry = isSequenceEntry(at: first, lineEnd: end)
            if lineIndent != indent || !isEntry {
                guard lineIndent <= mappingIndent, !isEntry else { return nil }
                break
            }
            guard first + 1 < end else { return nil }
            let itemStart = firstNonSpace(from: first + 1, to: end)
            guard itemStart < end, let item = parseInlineValue(from: itemStart, lineEnd: end, allowFlowSequence: false) else {
                return nil
            }
            sequenceEnd = max(sequenceEnd, item.range.upperBound)
            items.append(item)
            lineStart = nextLine(after: end)
        }
        return FrontMatterNode(value: .sequence(items), range: sequenceStart..<sequenceEnd)
    }

    // MARK: - Values

    /// A value that sits on one line from `start`: a quoted or plain scalar, or a flow sequence.
    private func parseInlineValue(from start: Int, lineEnd end: Int, allowFlowSequence: Bool) -> FrontMatterNode? {
        let first = bytes[start]
        if first == Self.doubleQuote || first == Self.singleQuote {
            guard let close = closingQuote(of: start, lineEnd: end), restIsBlank(from: close + 1, to: end) else { return nil }
            return quotedNode(start, close)
        }
        if first == Self.openBracket {
            guard allowFlowSequence else { return nil }
            return parseFlowSequence(from: start, lineEnd: end)
        }
        guard Self.mayStartBlockPlain(first) else { return nil }
        if first == Self.dash, start + 1 == end || bytes[start + 1] == Self.space { return nil }
        var index = start
        var lastNonSpace = start
        while index < end {
            let byte = bytes[index]
            if byte == Self.colon, index + 1 == end || bytes[index + 1] == Self.space { return nil }
            if byte == Self.hash, bytes[index - 1] == Self.space { break }
            if byte != Self.space { lastNonSpace = index + 1 }
            index += 1
        }
        return plainNode(start..<lastNonSpace)
    }

    /// The offset of the quote that closes the one at `start` on the same line, or nil when there
    /// is none or the scalar uses an escape (`\` in double quotes, `''` in single quotes).
    private func closingQuote(of start: Int, lineEnd end: Int) -> Int? {
        let quote = bytes[start]
        // The first quote byte after the opening one (memchr), then, in double quotes, whether a
        // backslash comes before it: the same answer as reading byte by byte.
        let line = UnsafeBufferPointer(rebasing: bytes[..<end])
        guard let index = ByteScanning.firstIndex(of: quote, in: line, from: start + 1) else { return nil }
        if quote == Self.doubleQuote {
            let quoted = UnsafeBufferPointer(rebasing: bytes[..<index])
            if ByteScanning.firstIndex(of: Self.backslash, in: quoted, from: start + 1) != nil { return nil }
        } else if index + 1 < end, bytes[index + 1] == Self.singleQuote {
            return nil
        }
        return index
    }

    /// Whether only spaces, or spaces and a comment after at least one space, follow `start`.
    private func restIsBlank(from start: Int, to end: Int) -> Bool {
        let first = firstNonSpace(from: start, to: end)
        return first == end || (bytes[first] == Self.hash && first > start)
    }

    /// `[a, "b", 'c']` on one line; nil for anything else (nesting, trailing commas, comments,
    /// plain items with indicators).
    private func parseFlowSequence(from start: Int, lineEnd end: Int) -> FrontMatterNode? {
        var items: [FrontMatterNode] = []
        var index = firstNonSpace(from: start + 1, to: end)
        if index < end, bytes[index] == Self.closeBracket {
            guard restIsBlank(from: index + 1, to: end) else { return nil }
            return FrontMatterNode(value: .sequence([]), range: (fileOffset + start)..<(fileOffset + index + 1))
        }
        while index < end {
            let first = bytes[index]
            let item: FrontMatterNode
            if first == Self.doubleQuote || first == Self.singleQuote {
                guard let close = closingQuote(of: index, lineEnd: end) else { return nil }
                item = quotedNode(index, close)
                index = close + 1
            } else {
                guard Self.mayAppearInFlowPlain(first), first != Self.dash, first != Self.space else { return nil }
                var itemEnd = index
                var lastNonSpace = index
                while itemEnd < end {
                    let byte = bytes[itemEnd]
                    if byte == Self.comma || byte == Self.closeBracket { break }
                    guard Self.mayAppearInFlowPlain(byte) else { return nil }
                    if byte != Self.space { lastNonSpace = itemEnd + 1 }
                    itemEnd += 1
                }
                item = plainNode(index..<lastNonSpace)
                index = itemEnd
            }
            items.append(item)
            index = firstNonSpace(from: index, to: end)
            guard index < end else { return nil }
            if bytes[index] == Self.closeBracket {
                guard restIsBlank(from: index + 1, to: end) else { return nil }
                return FrontMatterNode(value: .sequence(items), range: (fileOffset + start)..<(fileOffset + index + 1))
            }
            guard bytes[index] == Self.comma else { return nil }
            index = firstNonSpace(from: index + 1, to: end)
            // A trailing comma or an empty item is left to libyaml.
            guard index < end, bytes[index] != Self.comma, bytes[index] != Self.closeBracket else { return nil }
        }
        return nil
    }

    private func quotedNode(_ open: Int, _ close: Int) -> FrontMatterNode {
        FrontMatterNode(
            value: .scalar(FrontMatterScalar(text: string((open + 1)..<close), kind: .string)),
            range: (fileOffset + open)..<(fileOffset + close + 1))
    }

    private func plainNode(_ range: Range<Int>) -> FrontMatterNode {
        let text = string(range)
        let kind = PlainScalarKind.classify(bytes: UnsafeBufferPointer(rebasing: bytes[range]), version: version)
        return FrontMatterNode(
            value: .scalar(FrontMatterScalar(text: text, kind: kind)),
            range: (fileOffset + range.lowerBound)..<(fileOffset + range.upperBound))
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
