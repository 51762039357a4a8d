/// An option a rule accepts, with its default: what the docs, `postlint explain`, the
/// configuration's checks and its JSON Schema read. A built-in rule's options are derived from
/// its `TypedRuleOptions` type; a declarative rule's from its rule file.
public struct RuleOption: Sendable, Equatable {
    public var name: String
    public var summary: String
    /// The default; the option's type is the default's type.
    public var defaultValue: OptionValue
    /// The smallest and largest value a number option may take.
    public var minimum: Double?
    public var maximum: Double?
    /// The words a text option (or each text of a list) may be, when they are a closed set.
    public var allowedValues: [String]?

    public init(
        _ name: String, _ defaultValue: OptionValue, _ summary: String, minimum: Double? = nil,
        maximum: Double? = nil, allowedValues: [String]? = nil
    ) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.allowedValues = allowedValues
    }

    /// The value configured at `node`, checked against the option's type, bounds and allowed
    /// words. `rule` names the rule in messages.
    public func value(at node: FrontMatterNode, rule: String) throws(RuleOptionError) -> OptionValue {
        try value(at: node, subject: "rule \(rule) option \"\(name)\"")
    }

    /// The value at `node`, checked as `value(at:rule:)` does; `subject` names the option in
    /// messages (a rule file names its key alone: `"unit"`).
    public func value(at node: FrontMatterNode, subject: String) throws(RuleOptionError) -> OptionValue {
        func mismatch(_ node: FrontMatterNode) -> RuleOptionError {
            RuleOptionError(
                offset: node.range.lowerBound,
                message: "\(subject) must be \(Self.withArticle(defaultValue.typeName)), not \(Self.withArticle(node.typeName))")
        }
        func text(_ node: FrontMatterNode) throws(RuleOptionError) -> String {
            guard case .scalar(let scalar) = node.value, scalar.kind != .null else { throw mismatch(node) }
            try checkAllowed(scalar.text, at: node, subject: subject)
            return scalar.text
        }
        if case .scalar(let scalar) = node.value, scalar.kind == .null {
            throw RuleOptionError(offset: node.range.lowerBound, message: "\(subject) has no value")
        }
        switch defaultValue {
        case .bool:
            guard case .scalar(let scalar) = node.value, scalar.kind == .boolean else { throw mismatch(node) }
            // Every spelling a boolean has (`YES`, `ON`, and any case under an explicit `!!bool`).
            return .bool(["true", "yes", "on"].contains(scalar.text.lowercased()))
        case .int:
            guard case .scalar(let scalar) = node.value, scalar.kind == .integer else { throw mismatch(node) }
            guard let number = Int(scalar.text) else {
                throw RuleOptionError(
                    offset: node.range.lowerBound, message: "\(subject) is not a whole number this tool can hold")
            }
            try checkBounds(Double(number), written: scalar.text, at: node, subject: subject)
            return .int(number)
        case .double:
            guard case .scalar(let scalar) = node.value, scalar.kind == .integer || scalar.kind == .float else {
                throw mismatch(node)
            }
            guard let number = Double(scalar.text), number.isFinite else {
                throw RuleOptionError(offset: node.range.lowerBound, message: "\(subject) is not a finite number")
            }
            try checkBounds(number, written: scalar.text, at: node, subject: subject)
            return .double(number)
        case .string:
            return .string(try text(node))
        case .strings:
            guard let items = node.items else { return .strings([try text(node)]) }
            var texts: [String] = []
            texts.reserveCapacity(items.count)
            for item in items { texts.append(try text(item)) }
            return .strings(texts)
        }
    }

    private func checkBounds(_ number: Double, written: String, at node: FrontMatterNode, subject: String) throws(RuleOptionError)
    {
        if let minimum, number < minimum {
            throw RuleOptionError(
                offset: node.range.lowerBound,
                message: "\(subject) must be at least \(Self.number(minimum)), not \(written)")
        }
        if let maximum, number > maximum {
            throw RuleOptionError(
                offset: node.range.lowerBound,
                message: "\(subject) must be at most \(Self.number(maximum)), not \(written)")
        }
    }

    private func checkAllowed(_ text: String, at node: FrontMatterNode, subject: String) throws(RuleOptionError) {
        guard let allowedValues, !allowedValues.contains(text) else { return }
        throw RuleOptionError(
            offset: node.range.lowerBound, message: "\(subject) has no value \"\(text)\"",
            rejected: text, allowed: allowedValues)
    }

    /// The option's type with its bounds or allowed words, for docs: `integer, 1 to 6`,
    /// `list of strings, each one of en, es`.
    public var typeDescription: String {
        var text = defaultValue.typeName
        switch (minimum, maximum) {
        case let (low?, high?): text += ", \(Self.number(low)) to \(Self.number(high))"
        case let (low?, nil): text += ", at least \(Self.number(low))"
        case let (nil, high?): text += ", at most \(Self.number(high))"
        case (nil, nil): break
        }
        if let allowedValues {
            if case .strings = defaultValue { text += ", each" }
            text += " one of \(allowedValues.joined(separator: ", "))"
        }
        return text
    }

    /// A bound as configuration would write it: `0`, not `0.0`.
    public static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `a string`, `an integer`: a type name with its indefinite article, for messages.
    static func withArticle(_ typeName: String) -> String {
        let startsWithVowel = typeName.first.map { "aeiou".contains($0) } ?? false
        return (startsWithVowel ? "an " : "a ") + typeName
    }
}

/// A configured option value that its declaration rejects, at the byte `offset` of the
/// configuration file.
public struct RuleOptionError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String
    /// For a word outside a closed set: the word and the set, for a did-you-mean hint.
    public var rejected: String?
    public var allowed: [String]

    public init(offset: Int, message: String, rejected: String? = nil, allowed: [String] = []) {
        self.offset = offset
        self.message = message
        self.rejected = rejected
        self.allowed = allowed
    }
}
