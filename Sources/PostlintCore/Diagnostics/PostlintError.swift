/// An input, configuration or rule-pack error: always with the file and position when one exists.
/// These end a run with exit code 2; findings are `Diagnostic` values instead.
public struct PostlintError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String?
    public var location: SourceLocation?
    public var message: String
    public var hint: String?

    public init(path: String? = nil, location: SourceLocation? = nil, message: String, hint: String? = nil) {
        self.path = path
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `path:line:column: message (hint)`, the form compilers use.
    public var description: String {
        var text = ""
        if let path {
            text += path
            if let location { text += ":\(location.line):\(location.column)" }
            text += ": "
        }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}
