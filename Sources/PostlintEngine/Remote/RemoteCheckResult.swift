/// What checking one remote URL found.
public enum RemoteCheckResult: Sendable, Equatable, Codable {
    /// The final HTTP status after redirects.
    case status(Int)
    /// No answer: a timeout, a refused connection, a name that does not resolve.
    case failure(String)

    /// Whether the resource is there (2xx after redirects).
    public var isReachable: Bool {
        if case .status(let code) = self { return (200..<300).contains(code) }
        return false
    }

    /// Whether trying again later may help (429, 5xx, no answer).
    var isTransient: Bool {
        switch self {
        case .status(let code): return code == 429 || code >= 500
        case .failure: return true
        }
    }

    public var summary: String {
        switch self {
        case .status(let code): return "HTTP \(code)"
        case .failure(let reason): return reason
        }
    }
}
