import PostlintJSON

/// A failed request: its code and a message for people.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The JSON-RPC `error` object.
    var json: JSONValue {
        ["code": .int(code.rawValue), "message": .string(message)]
    }
}
