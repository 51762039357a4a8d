/// A file's content as git's index names it: the first 128 bits of its object name (SHA-1 or
/// SHA-256 of the content), as the site facts cache keeps a post's content digest. Two contents
/// with one id are the same content, as git itself takes them to be.
struct GitBlobID: Hashable, Sendable {
    var digest: ContentDigest

    init(digest: ContentDigest) {
        self.digest = digest
    }

    /// The id of an object name's hexadecimal digits (at least 32); nil for anything else.
    init?(hexadecimal name: some Collection<UInt8>) {
        guard name.count >= 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (offset, digit) in name.prefix(32).enumerated() {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            if offset < 16 {
                high = high << 4 | UInt64(value)
            } else {
                low = low << 4 | UInt64(value)
            }
        }
        // The rest must be digits too: a name cut or padded with something else is no name.
        guard
            name.dropFirst(32).allSatisfy({
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            })
        else { return nil }
        digest = ContentDigest(high: high, low: low)
    }
}
