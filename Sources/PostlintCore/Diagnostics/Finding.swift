/// A diagnostic resolved to a file and to lines and columns: what reporters print.
public struct Finding: Sendable, Hashable {
    public var path: String
    public var start: SourceLocation
    public var end: SourceLocation
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The byte range in the file, when the finding came from a document rule.
    public var range: ByteRange?
    public var fix: Fix?

    public init(
        path: String, start: SourceLocation, end: SourceLocation, ruleID: String, severity: Severity,
        message: String, range: ByteRange? = nil, fix: Fix? = nil
    ) {
        self.path = path
        self.start = start
        self.end = end
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }

    /// `document` is borrowed: an initializer's arguments are otherwise passed owned, so each
    /// finding copied the whole document in (a retain of each of its parts) and released it.
    public init(_ diagnostic: Diagnostic, in document: borrowing Document) {
        let index = document.source.lineIndex
        self.init(
            path: document.path,
            start: index.location(of: diagnostic.range.lowerBound),
            end: index.location(of: diagnostic.range.upperBound),
            ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message,
            range: diagnostic.range, fix: diagnostic.fix)
    }

    public var isFixable: Bool { fix != nil }

    /// The report order: path, line, column, rule.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path.precedesInByteOrder(rhs.path) }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
