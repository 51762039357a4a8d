import PostlintJSON

/// A request's id (JSON-RPC 2.0): an integer or a string. The answer carries the same id, and
/// `$/cancelRequest` names a request by it.
enum RequestID: Hashable, Sendable {
    case number(Int)
    case string(String)

    /// The id of a message, or nil when it is neither an integer nor a string.
    init?(_ value: JSONValue?) {
        switch value {
        case .string(let text)?: self = .string(text)
        case let number? where number.intValue != nil: self = .number(number.intValue ?? 0)
        default: return nil
        }
    }

    var json: JSONValue {
        switch self {
        case .number(let number): return .int(number)
        case .string(let text): return .string(text)
        }
    }
}
