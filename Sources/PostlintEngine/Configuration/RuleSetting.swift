import PostlintCore

/// What a configuration says about one rule: a severity (or off) and option values.
public struct RuleSetting: Sendable, Hashable {
    public var severity: Severity?
    public var enabled: Bool?
    public var options: [String: OptionValue]

    public init(severity: Severity? = nil, enabled: Bool? = nil, options: [String: OptionValue] = [:]) {
        self.severity = severity
        self.enabled = enabled
        self.options = options
    }

    /// `other` laid over `self`: its severity, switch and options win where it sets them.
    public func merged(with other: RuleSetting) -> RuleSetting {
        var result = self
        if let severity = other.severity { result.severity = severity }
        if let enabled = other.enabled { result.enabled = enabled }
        for (key, value) in other.options { result.options[key] = value }
        return result
    }
}
