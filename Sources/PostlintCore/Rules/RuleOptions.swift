/// The option values a rule instance runs with: the declared defaults overlaid with the user's
/// configuration. Values are type-checked when configuration loads, so reads cannot fail.
public struct RuleOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]

    public init(_ values: [String: OptionValue] = [:]) {
        self.values = values
    }

    /// The declared defaults of `metadata`'s options, overlaid with `overrides`.
    public init(defaultsOf metadata: RuleMetadata, overrides: [String: OptionValue] = [:]) {
        var values: [String: OptionValue] = [:]
        for option in metadata.options { values[option.name] = option.defaultValue }
        for (key, value) in overrides { values[key] = value }
        self.values = values
    }

    public subscript(name: String) -> OptionValue? { values[name] }

    public func bool(_ name: String, default fallback: Bool = false) -> Bool {
        if case .bool(let value) = values[name] { return value }
        return fallback
    }

    public func int(_ name: String, default fallback: Int = 0) -> Int {
        switch values[name] {
        case .int(let value): return value
        case .double(let value) where value.isFinite && abs(value) < 1e15: return Int(value)
        default: return fallback
        }
    }

    public func double(_ name: String, default fallback: Double = 0) -> Double {
        switch values[name] {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: return fallback
        }
    }

    public func string(_ name: String, default fallback: String = "") -> String {
        if case .string(let value) = values[name] { return value }
        return fallback
    }

    public func strings(_ name: String, default fallback: [String] = []) -> [String] {
        switch values[name] {
        case .strings(let values): return values
        case .string(let value): return [value]
        default: return fallback
        }
    }

    public mutating func set(_ name: String, _ value: OptionValue) {
        values[name] = value
    }
}
