/// A finding of a rule in one document, positioned by byte range.
public struct Diagnostic: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    /// Specific, starting lower-case, no trailing period.
    public var message: String
    public var range: ByteRange
    public var fix: Fix?

    public init(ruleID: String, severity: Severity, message: String, range: ByteRange, fix: Fix? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }
}
