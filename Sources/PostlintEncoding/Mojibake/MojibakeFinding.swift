import PostlintCore

/// A run of text that reads as UTF-8 mis-decoded through a single-byte code page.
public struct MojibakeFinding: Sendable, Hashable {
    /// UTF-8 byte offsets of the mangled text.
    public var range: ByteRange
    /// The mangled text as it stands.
    public var original: String
    /// The plausible repairs, best first. More than one means the repair is ambiguous.
    public var repairs: [MojibakeRepair]

    public init(range: ByteRange, original: String, repairs: [MojibakeRepair]) {
        self.range = range
        self.original = original
        self.repairs = repairs
    }

    /// Whether two different repairs are equally plausible (report, never fix).
    public var isAmbiguous: Bool { repairs.count > 1 }
}
