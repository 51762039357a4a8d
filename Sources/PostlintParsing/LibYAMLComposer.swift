import CYaml
import PostlintCore

/// Builds postlint's positioned tree from libyaml's events, the way the YAML loaders compose and
/// construct a document: a repeated key keeps its last value (each earlier occurrence is reported,
/// at any depth), merge keys (`<<`) are merged, aliases are expanded, the standard tags are applied
/// and plain scalars get their types from a `YAMLVersion`'s rules.
///
/// It reads events in a loop with a stack of open collections (no recursion), and counts values
/// against a budget, so aliases that expand a small text hugely stop early.
struct LibYAMLComposer {
    struct Failure: Error {
        var reason: String
        /// A file offset.
        var offset: Int
        /// What the parser was reading, and the file offset where that started.
        var context: (text: String, offset: Int)?
    }

    struct Output {
        var root: FrontMatterNode?
        var duplicateKeys: [FrontMatterEntry] = []
        var notices: [FrontMatterSyntaxError] = []
    }

    /// An open sequence or mapping.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: Int
        var anchor: String?
        var tag: String?
        var items: [FrontMatterNode] = []
        var entries: [FrontMatterEntry] = []
        /// The key read, waiting for its value.
        var pendingKey: FrontMatterNode?
        var pendingKeyIsMerge = false
        /// Each key's index in `entries`, once there are more than `keysComparedDirectly`.
        var keyIndex: [KeyIdentity: Int]?
        /// The values of merge keys, in order.
        var merges: [FrontMatterNode] = []
        var nodeCount = 1
    }

    /// A key as it is compared: its exact bytes (`café` written precomposed and decomposed are two
    /// keys, as they are to every YAML loader; Swift's `String` equality would make them one).
    private struct KeyIdentity: Hashable {
        var text: String

        init(_ text: String) { self.text = text }

        static func == (lhs: KeyIdentity, rhs: KeyIdentity) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

        func hash(into hasher: inout Hasher) {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }

    /// How many keys a mapping compares one by one before it indexes them in a dictionary.
    private static let keysComparedDirectly = 16

    private static let standardPrefix = "tag:yaml.org,2002:"

    private let input: UnsafeBufferPointer<UInt8>
    private let version: YAMLVersion
    /// The most values the document may expand to, for the message.
    private let expansionLimit: Int
    /// The file offset of the input's first byte.
    private let fileOffset: Int
    private var budget: Int
    private var offsets: CharacterOffsets
    private var stack: [Frame] = []
    private var anchors: [String: (node: FrontMatterNode, count: Int)] = [:]
    private var output = Output()

    /// Composes `bytes` (valid UTF-8 at `fileOffset` in its file).
    static func compose(
        _ bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int, version: YAMLVersion,
        maxNodes: Int
    ) -> Result<Output, Failure> {
        var composer = LibYAMLComposer(bytes: bytes, fileOffset: fileOffset, version: version, maxNodes: maxNodes)
        do {
            try composer.run(bytes)
            return .success(composer.output)
        } catch {
            return .failure(error)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int, version: YAMLVersion, maxNodes: Int) {
        self.input = bytes
        self.version = version
        self.fileOffset = fileOffset
        self.expansionLimit = maxNodes
        // Values beyond what the text could hold without aliases.
        self.budget = maxNodes + bytes.count
        // libyaml skips a byte order mark at the start and does not count it in its positions.
        let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.offsets = CharacterOffsets(bytes: UnsafeBufferPointer(rebasing: bytes[(hasMark ? 3 : 0)...]))
        self.markOffset = hasMark ? 3 : 0
    }

    private let markOffset: Int

    private mutating func offset(_ mark: yaml_mark_t) -> Int {
        fileOffset + markOffset + offsets.byteOffset(ofCharacter: Int(mark.index))
    }

    // MARK: - Events

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw Failure(reason: "the YAML parser could not start", offset: fileOffset)
        }
        defer { yaml_parser_delete(&parser) }
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(&parser, base, bytes.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        // The encoding is left to libyaml to find (the text is UTF-8): that is what skips a byte
        // order mark at the start, as the loaders do; named, the mark would be read as indentation.
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) != 0 else { throw parserFailure(&parser) }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Failure(
                        reason: "expected a single document in the stream, but found another document",
                        offset: offset(event.start_mark))
                }
            case YAML_SCALAR_EVENT:
                try scalar(event)
            case YAML_ALIAS_EVENT:
                try alias(event)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                try open(
                    isMapping: false, isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE,
                    anchor: Self.string(data.anchor), tag: Self.string(data.tag), at: event.start_mark)
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                try open(
                    isMapping: true, isFlow: data.style == YAML_FLOW_MAPPING_STYLE,
                    anchor: Self.string(data.anchor), tag: Self.string(data.tag), at: event.start_mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close(end: event.end_mark)
            default:
                break
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private mutating func parserFailure(_ parser: inout yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        if parser.error == YAML_READER_ERROR {
            // Reader errors are positioned by byte in the input.
            return Failure(reason: problem, offset: fileOffset + min(Int(parser.problem_offset), Int.max - fileOffset))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return Failure(reason: "out of memory while parsing YAML", offset: fileOffset)
        }
        var failure = Failure(reason: problem, offset: offset(parser.problem_mark))
        if let context = parser.context.map({ String(cString: $0) }), !context.isEmpty {
            failure.context = (context, offset(parser.context_mark))
        }
        return failure
    }

    // MARK: - Nodes

    private mutating func scalar(_ event: yaml_event_t) throws(Failure) {
        let data = event.data.scalar
        let start = offset(event.start_mark)
        var end = offset(event.end_mark)
        let text =
            data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
            } ?? ""
        if data.style == YAML_LITERAL_SCALAR_STYLE || data.style == YAML_FOLDED_SCALAR_STYLE {
            end = trimmedEnd(start: start, end: end)
        }
        let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE && data.plain_implicit != 0
        let tag = Self.string(data.tag)
        let scalar = try typedScalar(text, plain: isPlain, tag: tag, at: start)
        let node = FrontMatterNode(value: .scalar(scalar), range: start..<max(start, end))
        let isMerge = isPlain && tag == nil && text == "<<"
        try add(node, count: 1, anchor: Self.string(data.anchor), isMergeKey: isMerge)
    }

    /// A block scalar's end before the line breaks and blanks libyaml includes after it.
    private func trimmedEnd(start: Int, end: Int) -> Int {
        var local = min(end - fileOffset, input.count)
        let first = max(0, start - fileOffset)
        while local > first, [0x20, 0x09, 0x0A, 0x0D].contains(input[local - 1]) { local -= 1 }
        return max(start, fileOffset + local)
    }

    private mutating func typedScalar(_ text: String, plain: Bool, tag: String?, at offset: Int)
        throws(Failure) -> FrontMatterScalar
    {
        // No tag, or the non-specific `!`: libyaml says whether the scalar's type is to be
        // resolved from its text (a plain scalar with text; `! 12` is a number to the libyaml
        // loaders, a lone `!` is an empty string).
        guard let tag, tag != "!" else {
            return FrontMatterScalar(text: text, kind: plain ? PlainScalarKind.classify(text, version: version) : .string)
        }
        guard tag.hasPrefix(Self.standardPrefix) else {
            output.notices.append(
                FrontMatterSyntaxError(
                    reason: "the tag \(Self.display(tag)) is not a standard YAML tag; its value is read as text",
                    offset: offset))
            return FrontMatterScalar(text: text, kind: .string)
        }
        let name = tag.dropFirst(Self.standardPrefix.count)
        func invalid(_ what: String) -> Failure {
            Failure(reason: "\(text.debugDescription) is not \(what), as its tag !!\(name) says", offset: offset)
        }
        let resolved = PlainScalarKind.classify(text, version: version)
        switch name {
        case "str":
            return FrontMatterScalar(text: text, kind: .string)
        case "int":
            guard resolved == .integer || Self.isIntegerText(text) else { throw invalid("an integer") }
            return FrontMatterScalar(text: text, kind: .integer)
        case "float":
            guard resolved == .float || Self.isFloatText(text) else { throw invalid("a number") }
            return FrontMatterScalar(text: text, kind: .float)
        case "bool":
            let valid = version == .v1_1 ? PlainScalarKind.booleanWordIgnoringCase(text) : resolved == .boolean
            guard valid else { throw invalid("true or false") }
            return FrontMatterScalar(text: text, kind: .boolean)
        case "null":
            return FrontMatterScalar(text: "", kind: .null)
        case "timestamp":
            guard PlainScalarKind.isTimestamp(text) else { throw invalid("a date") }
            return FrontMatterScalar(text: text, kind: .date)
        case "seq", "map":
            throw Failure(
                reason: "a text is tagged !!\(name), which is for a \(name == "seq" ? "list" : "map")",
                offset: offset)
        default:
            output.notices.append(
                FrontMatterSyntaxError(
                    reason: "the tag !!\(name) is not one postlint reads; its value is read as text", offset: offset))
            return FrontMatterScalar(text: text, kind: .string)
        }
    }

    /// Whether an explicit `!!float` reads `text` as the loaders do: underscores dropped, then a
    /// decimal number with an optional exponent (`7`, `1e3`, `2.5`), or `inf`/`nan` words.
    private static func isFloatText(_ text: String) -> Bool {
        let cleaned = trimmed(text).lowercased().filter { $0 != "_" }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ "0123456789+-.einfaty".contains($0) }) else { return false }
        return Double(cleaned) != nil
    }

    /// Whether an explicit `!!int` reads `text` as the loaders do: underscores dropped, an
    /// optional sign, then `0b` binary, `0x` hex, `0`-led octal, base-60 groups (`1:30`) or decimal.
    private static func isIntegerText(_ text: String) -> Bool {
        var digits = Substring(trimmed(text).filter { $0 != "_" })
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        func all(_ digits: Substring, in allowed: String) -> Bool {
            !digits.isEmpty && digits.allSatisfy { allowed.contains($0) }
        }
        if digits == "0" { return true }
        if digits.hasPrefix("0b") { return all(digits.dropFirst(2), in: "01") }
        if digits.hasPrefix("0x") { return all(digits.dropFirst(2), in: "0123456789abcdefABCDEF") }
        if digits.hasPrefix("0") { return all(digits.dropFirst(), in: "01234567") }
        if digits.contains(":") {
            return digits.split(separator: ":", omittingEmptySubsequences: false).allSatisfy { all($0, in: "0123456789") }
        }
        return all(digits, in: "0123456789")
    }

    /// `text` without the spaces, tabs and line breaks around it.
    private static func trimmed(_ text: String) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return text[first...last]
    }

    /// A tag as written: `!!name` for the standard ones, `!name` or `!<uri>` otherwise.
    private static func display(_ tag: String) -> String {
        if tag.hasPrefix(standardPrefix) { return "!!" + tag.dropFirst(standardPrefix.count) }
        return tag.hasPrefix("!") ? tag : "!<\(tag)>"
    }

    private mutating func alias(_ event: yaml_event_t) throws(Failure) {
        let start = offset(event.start_mark)
        let end = offset(event.end_mark)
        let name = Self.string(event.data.alias.anchor) ?? ""
        guard let anchored = anchors[name] else {
            throw Failure(reason: "found undefined alias \(name.debugDescription)", offset: start)
        }
        var node = anchored.node
        node.range = start..<max(start, end)
        try add(node, count: anchored.count, anchor: nil, isMergeKey: false)
    }

    private mutating func open(
        isMapping: Bool, isFlow: Bool, anchor: String?, tag: String?,
        at mark: yaml_mark_t
    ) throws(Failure) {
        let start = offset(mark)
        try spend(1, at: start)
        stack.append(Frame(isMapping: isMapping, isFlow: isFlow, start: start, anchor: anchor, tag: tag))
    }

    private mutating func close(end mark: yaml_mark_t) throws(Failure) {
        guard var frame = stack.popLast() else { return }
        var end = frame.start
        let node: FrontMatterNode
        if frame.isMapping {
            let entries = try mergedEntries(&frame)
            for entry in frame.entries { end = max(end, entry.keyRange.upperBound, entry.value.range.upperBound) }
            if frame.isFlow { end = max(end, offset(mark)) }
            node = FrontMatterNode(value: .mapping(entries), range: frame.start..<end)
        } else {
            for item in frame.items { end = max(end, item.range.upperBound) }
            if frame.isFlow { end = max(end, offset(mark)) }
            node = FrontMatterNode(value: .sequence(frame.items), range: frame.start..<end)
        }
        try checkCollectionTag(frame, at: frame.start)
        try add(node, count: frame.nodeCount, anchor: frame.anchor, isMergeKey: false, spent: true)
    }

    /// A collection's tag: `!!seq` and `!!map` where they fit; others kept as the plain shape.
    private mutating func checkCollectionTag(_ frame: Frame, at offset: Int) throws(Failure) {
        guard let tag = frame.tag, tag != "!" else { return }
        let expected = Self.standardPrefix + (frame.isMapping ? "map" : "seq")
        if tag == expected { return }
        let scalarTags = ["str", "int", "float", "bool", "null", "timestamp"].map { Self.standardPrefix + $0 }
        let collectionTag = Self.standardPrefix + (frame.isMapping ? "seq" : "map")
        if scalarTags.contains(tag) || tag == collectionTag {
            throw Failure(reason: "a \(frame.isMapping ? "map" : "list") is tagged \(Self.display(tag))", offset: offset)
        }
        output.notices.append(
            FrontMatterSyntaxError(
                reason:
                    "the tag \(Self.display(tag)) is not one postlint reads; the \(frame.isMapping ? "map" : "list") is read as it is written",
                offset: offset))
    }

    /// A mapping's entries with its merge keys applied: explicit keys win over merged ones, and
    /// among merged mappings the earlier in a list wins, as the loaders merge.
    private func mergedEntries(_ frame: inout Frame) throws(Failure) -> [FrontMatterEntry] {
        guard !frame.merges.isEmpty else { return frame.entries }
        var sources: [FrontMatterEntry] = []
        for merge in frame.merges {
            if case .mapping(let entries) = merge.value {
                sources.append(contentsOf: entries)
            } else if case .sequence(let items) = merge.value {
                for item in items.reversed() {
                    guard case .mapping(let entries) = item.value else {
                        throw Failure(reason: "a merge key (<<) takes a map or a list of maps", offset: item.range.lowerBound)
                    }
                    sources.append(contentsOf: entries)
                }
            }
        }
        sources.append(contentsOf: frame.entries)
        var result: [FrontMatterEntry] = []
        var indices: [KeyIdentity: Int] = [:]
        for entry in sources {
            let identity = KeyIdentity(entry.key)
            if let index = indices[identity] {
                result[index] = entry
            } else {
                indices[identity] = result.count
                result.append(entry)
            }
        }
        return result
    }

    // MARK: - Placing nodes

    private mutating func spend(_ count: Int, at offset: Int) throws(Failure) {
        budget -= count
        if budget < 0 {
            throw Failure(
                reason: "YAML expands to more than \(expansionLimit) values (aliases nested too deep?)",
                offset: offset)
        }
    }

    /// Places a finished node in the collection that is open, or as the root.
    private mutating func add(
        _ node: FrontMatterNode, count: Int, anchor: String?, isMergeKey: Bool,
        spent: Bool = false
    ) throws(Failure) {
        if !spent { try spend(count, at: node.range.lowerBound) }
        // An anchor defined again names the later node from there on (YAML 1.2, Ruby's and Go's
        // loaders; PyYAML refuses the document).
        if let anchor { anchors[anchor] = (node, count) }
        guard let top = stack.indices.last else {
            output.root = node
            return
        }
        stack[top].nodeCount += count
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            guard case .scalar = node.value else {
                throw Failure(
                    reason: "a key is a \(node.typeName), which YAML loaders cannot use as a key",
                    offset: node.range.lowerBound)
            }
            stack[top].pendingKey = node
            stack[top].pendingKeyIsMerge = isMergeKey
            return
        }
        stack[top].pendingKey = nil
        if stack[top].pendingKeyIsMerge {
            try checkMergeValue(node)
            stack[top].merges.append(node)
            return
        }
        guard case .scalar(let keyScalar) = key.value else { return }
        let entry = FrontMatterEntry(key: keyScalar.text, keyRange: key.range, value: node)
        if let earlier = Self.earlierIndex(of: keyScalar.text, in: &stack[top]) {
            output.duplicateKeys.append(stack[top].entries[earlier])
            stack[top].entries[earlier] = entry
        } else {
            let position = stack[top].entries.count
            stack[top].keyIndex?[KeyIdentity(keyScalar.text)] = position
            stack[top].entries.append(entry)
        }
    }

    /// The index of the entry with the key `text` in a mapping, if any. A post's few keys are
    /// compared directly; past `keysComparedDirectly` a dictionary takes over, so a mapping of many
    /// thousand keys is read in linear time.
    private static func earlierIndex(of text: String, in frame: inout Frame) -> Int? {
        if frame.keyIndex == nil, frame.entries.count >= Self.keysComparedDirectly {
            var index: [KeyIdentity: Int] = [:]
            for (position, entry) in frame.entries.enumerated() { index[KeyIdentity(entry.key)] = position }
            frame.keyIndex = index
        }
        if let keyIndex = frame.keyIndex { return keyIndex[KeyIdentity(text)] }
        return frame.entries.firstIndex { $0.key.utf8.elementsEqual(text.utf8) }
    }

    private func checkMergeValue(_ node: FrontMatterNode) throws(Failure) {
        switch node.value {
        case .mapping:
            return
        case .sequence(let items):
            for item in items {
                guard case .mapping = item.value else {
                    throw Failure(reason: "a merge key (<<) takes a map or a list of maps", offset: item.range.lowerBound)
                }
            }
        case .scalar:
            throw Failure(reason: "a merge key (<<) takes a map or a list of maps", offset: node.range.lowerBound)
        }
    }
}
