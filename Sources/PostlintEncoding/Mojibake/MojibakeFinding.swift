import PostlintCore

/// A run of text that reads as UTF-8 mis-decoded through a single-byte code page.
public struct MojibakeFinding: Sendable, Hashable {
    /// UTF-8 byte offsets of the mangled text.
    public var range: ByteRange
    /// The mangled text as it stands.
    public var original: String
    /// The plausible repairs, best first. More than one means the repair is ambiguous.
    public var repairs: [MojibakeRepair]

    /// Why the text is mojibake although no exact repair is known (bytes were lost on the way),
    /// or nil when `repairs` are exact readings. An unsure finding is reported, never fixed.
    public var unsureReason: String?

    public init(range: ByteRange, original: String, repairs: [MojibakeRepair], unsureReason: String? = nil) {
        self.range = range
        self.original = original
        self.repairs = repairs
        self.unsureReason = unsureReason
    }

    /// Whether two different repairs are equally plausible (report, never fix).
    public var isAmbiguous: Bool { repairs.count > 1 }

    /// Whether the repair is fit to apply: one exact reading.
    public var isFixable: Bool { repairs.count == 1 && unsureReason == nil }
}
