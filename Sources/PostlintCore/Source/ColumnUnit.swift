/// The unit a column is counted in. Reports use Unicode scalars; the language server negotiates
/// UTF-16 or UTF-8 with its client.
public enum ColumnUnit: Sendable {
    case unicodeScalars
    case utf16
    case utf8
}
