import PostlintCore

/// A YAML file (configuration or rule pack) parsed into positioned nodes, with helpers that turn
/// every problem into a `PostlintError` naming the file, line and column.
public struct YAMLFile: Sendable {
    public let path: String
    public let source: SourceText
    public let root: FrontMatterNode?

    /// Parses `bytes`; a syntax error becomes a positioned `PostlintError`.
    public init(path: String, bytes: [UInt8]) throws(PostlintError) {
        let source = try Self.validText(path: path, bytes: bytes)
        self.path = path
        self.source = source
        let start = source.hasByteOrderMark ? 3 : 0
        let result = PositionedYAML.parse(source, content: start..<bytes.count)
        if let error = result.error {
            throw PostlintError(
                path: path, location: source.lineIndex.location(of: error.offset),
                message: "invalid YAML: \(error.reason)")
        }
        if let duplicate = result.duplicateKeys.first {
            throw PostlintError(
                path: path, location: source.lineIndex.location(of: duplicate.keyRange.lowerBound),
                message: "key \"\(duplicate.key)\" is given more than once")
        }
        self.root = result.root
    }

    /// A file whose tree was parsed before: the shipped rule packs, parsed when they are written
    /// (`ShippedPackTrees`, checked against this parser by the tests) and matched to the bytes
    /// built into the binary by their hash. The bytes are still checked and indexed, for the
    /// positions that messages give.
    public init(path: String, bytes: [UInt8], parsedRoot: FrontMatterNode) throws(PostlintError) {
        self.path = path
        self.source = try Self.validText(path: path, bytes: bytes)
        self.root = parsedRoot
    }

    /// The file's text, or an error at its first byte that is not UTF-8.
    private static func validText(path: String, bytes: [UInt8]) throws(PostlintError) -> SourceText {
        let source = SourceText(bytes: bytes)
        if let bad = source.invalidRanges.first {
            throw PostlintError(
                path: path, location: source.lineIndex.location(of: bad.lowerBound),
                message: "file is not valid UTF-8")
        }
        return source
    }

    /// The location of a node, for messages.
    public func location(of node: FrontMatterNode) -> SourceLocation {
        source.lineIndex.location(of: node.range.lowerBound)
    }

    /// An error positioned at `offset`.
    public func error(_ message: String, at offset: Int, hint: String? = nil) -> PostlintError {
        PostlintError(path: path, location: source.lineIndex.location(of: offset), message: message, hint: hint)
    }

    /// The entries of a mapping node; anything else is an error.
    public func mapping(_ node: FrontMatterNode, what: String) throws(PostlintError) -> [FrontMatterEntry] {
        guard case .mapping(let entries) = node.value else {
            throw error("\(what) must be a mapping, not \(Self.withArticle(node.typeName))", at: node.range.lowerBound)
        }
        return entries
    }

    /// Rejects keys outside `allowed`, naming the closest allowed key as a hint.
    public func rejectUnknownKeys(_ entries: [FrontMatterEntry], allowed: [String], what: String) throws(PostlintError) {
        for entry in entries where !allowed.contains(entry.key) {
            let hint =
                Self.closest(to: entry.key, in: allowed).map { "did you mean \"\($0)\"?" }
                ?? "allowed: \(allowed.joined(separator: ", "))"
            throw error("unknown key \"\(entry.key)\" in \(what)", at: entry.keyRange.lowerBound, hint: hint)
        }
    }

    /// A string scalar, or an error.
    public func string(_ node: FrontMatterNode, what: String) throws(PostlintError) -> String {
        guard case .scalar(let scalar) = node.value, scalar.kind != .null else {
            throw error("\(what) must be a string, not \(Self.withArticle(node.typeName))", at: node.range.lowerBound)
        }
        return scalar.text
    }

    /// A list of strings (a single string counts as a list of one), or an error.
    public func strings(_ node: FrontMatterNode, what: String) throws(PostlintError) -> [String] {
        switch node.value {
        case .scalar(let scalar) where scalar.kind != .null:
            return [scalar.text]
        case .sequence(let items):
            var values: [String] = []
            for item in items { values.append(try string(item, what: "each item of \(what)")) }
            return values
        default:
            throw error("\(what) must be a list of strings, not \(Self.withArticle(node.typeName))", at: node.range.lowerBound)
        }
    }

    /// A boolean, or an error.
    public func bool(_ node: FrontMatterNode, what: String) throws(PostlintError) -> Bool {
        guard case .scalar(let scalar) = node.value, scalar.kind == .boolean else {
            throw error("\(what) must be true or false, not \(Self.withArticle(node.typeName))", at: node.range.lowerBound)
        }
        // Every spelling a boolean has (`YES`, `ON`, and any case under an explicit `!!bool`).
        return ["true", "yes", "on"].contains(scalar.text.lowercased())
    }

    /// An option value typed like `expected`: integers are accepted where numbers are.
    public func optionValue(_ node: FrontMatterNode, like expected: OptionValue?, what: String)
        throws(PostlintError) -> OptionValue
    {
        let value = try anyOptionValue(node, what: what)
        guard let expected else { return value }
        switch (expected, value) {
        case (.bool, .bool), (.int, .int), (.double, .double), (.string, .string), (.strings, .strings):
            return value
        case (.double, .int(let number)):
            return .double(Double(number))
        case (.strings, .string(let text)):
            return .strings([text])
        default:
            throw error(
                "\(what) must be \(Self.withArticle(expected.typeName)), not \(Self.withArticle(value.typeName))",
                at: node.range.lowerBound)
        }
    }

    /// Any scalar or list of strings as an option value.
    public func anyOptionValue(_ node: FrontMatterNode, what: String) throws(PostlintError) -> OptionValue {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.kind {
            case .boolean: return .bool(try bool(node, what: what))
            case .integer:
                guard let number = Int(scalar.text) else {
                    throw error("\(what) is not a whole number this tool can hold", at: node.range.lowerBound)
                }
                return .int(number)
            case .float:
                guard let number = Double(scalar.text), number.isFinite else {
                    throw error("\(what) is not a finite number", at: node.range.lowerBound)
                }
                return .double(number)
            case .null:
                throw error("\(what) has no value", at: node.range.lowerBound)
            case .string, .date:
                return .string(scalar.text)
            }
        case .sequence:
            return .strings(try strings(node, what: what))
        case .mapping:
            throw error("\(what) must be a value or a list, not a map", at: node.range.lowerBound)
        }
    }

    /// `a string`, `an integer`: a type name with its indefinite article, for messages.
    public static func withArticle(_ typeName: String) -> String {
        let startsWithVowel = typeName.first.map { "aeiou".contains($0) } ?? false
        return (startsWithVowel ? "an " : "a ") + typeName
    }

    /// The allowed word nearest to `word` by edit distance, when it is close enough to be a typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let source = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let target = Array(candidate.lowercased())
            guard abs(target.count - source.count) <= 3 else { continue }
            var previous = Array(0...target.count)
            for (i, a) in source.enumerated() {
                var current = [i + 1]
                for (j, b) in target.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1)))
                }
                previous = current
            }
            let distance = previous[target.count]
            if distance <= max(1, source.count / 3), best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }
}
