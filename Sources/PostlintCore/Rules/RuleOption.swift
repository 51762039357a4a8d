/// An option a rule accepts, with its default: the single source of both the default and the docs.
public struct RuleOption: Sendable {
    public var name: String
    public var summary: String
    public var defaultValue: OptionValue

    public init(_ name: String, _ defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
    }
}
