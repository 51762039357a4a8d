import PostlintCore

/// The unit of the `character` of an LSP position, agreed in `initialize`.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    /// UTF-8 when the client offers it (no conversion needed: postlint counts bytes), else UTF-16,
    /// which every client must support.
    public static func negotiate(offered: [String]) -> PositionEncoding {
        offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// The `LineIndex` column unit counting the same thing.
    public var columnUnit: ColumnUnit {
        switch self {
        case .utf8: return .utf8
        case .utf16: return .utf16
        }
    }
}
