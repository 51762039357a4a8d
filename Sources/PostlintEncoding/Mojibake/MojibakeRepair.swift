/// One way to undo a mojibake sequence: the text it stands for and how it was mangled.
public struct MojibakeRepair: Sendable, Hashable {
    /// The text before it was mis-decoded.
    public var text: String
    /// The code pages the UTF-8 bytes were read as, in the order it happened: `[.windows1252,
    /// .windows1252]` for text that went through Windows-1252 twice; empty when the text was not
    /// UTF-8 (Windows-1252 text read as Latin-1), which `note` then says.
    public var chain: [CodePage]

    /// Damage beyond the mis-decoding that the repair undoes as well ("its no-break space had
    /// become a space"), or nil when the repair's bytes round-trip exactly.
    public var note: String?

    public init(text: String, chain: [CodePage], note: String? = nil) {
        self.text = text
        self.chain = chain
        self.note = note
    }

    /// "Windows-1252", "Windows-1252 twice", "Windows-1252, then as Latin-1".
    public var chainDescription: String {
        guard let first = chain.first else { return "" }
        if chain.allSatisfy({ $0 == first }) {
            switch chain.count {
            case 1: return first.displayName
            case 2: return first.displayName + " twice"
            default: return first.displayName + " \(chain.count) times"
            }
        }
        return chain.map(\.displayName).joined(separator: ", then as ")
    }
}
