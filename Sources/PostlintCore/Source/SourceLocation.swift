/// A 1-based line and column in a file. `column` is counted in Unicode scalars unless a
/// caller asks `LineIndex` for another unit.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Stored in 32 bits each (a position in a file of up to 4 GB fits): site facts keep two
    // locations per fact for every post of a site.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
