/// One option of a `TypedRuleOptions` type: its name in configuration, the property that holds it,
/// a one-line summary and, for numbers and names, the values it may take.
///
/// `Options` is left unconstrained on purpose. Each rule's metadata names `OptionField<ItsOptions>`,
/// and the runtime builds such a type from its mangled name on first use: with `Options:
/// TypedRuleOptions` it had to find that conformance first, a search through every conformance
/// in the binary, once for each rule's options type. That was a third of the instructions of a run on
/// one post (a pre-commit hook's run), and nothing here needs the conformance.
public struct OptionField<Options>: Sendable {
    public let name: String
    public let summary: String
    let minimum: Double?
    let maximum: Double?
    let allowedValues: [String]?
    private let read: @Sendable (Options) -> OptionValue
    private let write: @Sendable (inout Options, OptionValue) -> Void

    private init(
        name: String, summary: String, minimum: Double? = nil, maximum: Double? = nil,
        allowedValues: [String]? = nil, read: @escaping @Sendable (Options) -> OptionValue,
        write: @escaping @Sendable (inout Options, OptionValue) -> Void
    ) {
        self.name = name
        self.summary = summary
        self.minimum = minimum
        self.maximum = maximum
        self.allowedValues = allowedValues
        self.read = read
        self.write = write
    }

    /// A true-or-false option.
    public static func boolean(
        _ name: String, _ property: any WritableKeyPath<Options, Bool> & Sendable,
        _ summary: String
    ) -> Self {
        Self(
            name: name, summary: summary, read: { .bool($0[keyPath: property]) },
            write: { options, value in
                if case .bool(let flag) = value { options[keyPath: property] = flag }
            })
    }

    /// A whole-number option, within `minimum...maximum` when they are given.
    public static func integer(
        _ name: String, _ property: any WritableKeyPath<Options, Int> & Sendable,
        _ summary: String, minimum: Int? = nil, maximum: Int? = nil
    ) -> Self {
        Self(
            name: name, summary: summary, minimum: minimum.map(Double.init), maximum: maximum.map(Double.init),
            read: { .int($0[keyPath: property]) },
            write: { options, value in
                guard case .int(var number) = value else { return }
                if let minimum { number = max(number, minimum) }
                if let maximum { number = min(number, maximum) }
                options[keyPath: property] = number
            })
    }

    /// A number option (a whole number is accepted), within `minimum...maximum` when given.
    public static func number(
        _ name: String, _ property: any WritableKeyPath<Options, Double> & Sendable,
        _ summary: String, minimum: Double? = nil, maximum: Double? = nil
    ) -> Self {
        Self(
            name: name, summary: summary, minimum: minimum, maximum: maximum,
            read: { .double($0[keyPath: property]) },
            write: { options, value in
                var number: Double
                switch value {
                case .double(let given): number = given
                case .int(let given): number = Double(given)
                default: return
                }
                guard number.isFinite else { return }
                if let minimum { number = max(number, minimum) }
                if let maximum { number = min(number, maximum) }
                options[keyPath: property] = number
            })
    }

    /// A text option; with `allowed`, one of those words.
    public static func string(
        _ name: String, _ property: any WritableKeyPath<Options, String> & Sendable,
        _ summary: String, allowed: [String]? = nil
    ) -> Self {
        Self(
            name: name, summary: summary, allowedValues: allowed, read: { .string($0[keyPath: property]) },
            write: { options, value in
                if case .string(let text) = value { options[keyPath: property] = text }
            })
    }

    /// A list of texts (one text counts as a list of one); with `allowed`, each one of those words.
    public static func strings(
        _ name: String, _ property: any WritableKeyPath<Options, [String]> & Sendable,
        _ summary: String, allowed: [String]? = nil
    ) -> Self {
        Self(
            name: name, summary: summary, allowedValues: allowed, read: { .strings($0[keyPath: property]) },
            write: { options, value in
                switch value {
                case .strings(let texts): options[keyPath: property] = texts
                case .string(let text): options[keyPath: property] = [text]
                default: break
                }
            })
    }

    /// The option as metadata, with its default read from `defaults`.
    public func declaration(defaults: Options) -> RuleOption {
        RuleOption(name, read(defaults), summary, minimum: minimum, maximum: maximum, allowedValues: allowedValues)
    }

    /// The option's value in `options`.
    public func value(in options: Options) -> OptionValue { read(options) }

    /// Sets the option in `options` to `value` (one of another type is ignored).
    public func assign(_ value: OptionValue, to options: inout Options) { write(&options, value) }
}
