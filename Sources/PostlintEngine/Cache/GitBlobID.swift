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
        // Read from contiguous bytes through a table: 40,000 names a run under git's index.
        let parsed = name.withContiguousStorageIfAvailable(Self.parse) ?? Array(name).withUnsafeBufferPointer(Self.parse)
        guard let parsed else { return nil }
        digest = parsed
    }

    /// The digest of `name`'s first 32 digits when all of it is lowercase hexadecimal digits.
    private static func parse(_ name: UnsafeBufferPointer<UInt8>) -> ContentDigest? {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var invalid: UInt8 = 0
        for offset in 0..<16 {
            let value = digitValues[Int(name[offset])]
            invalid |= value
            high = high << 4 | UInt64(value & 0x0F)
        }
        for offset in 16..<32 {
            let value = digitValues[Int(name[offset])]
            invalid |= value
            low = low << 4 | UInt64(value & 0x0F)
        }
        // The rest must be digits too: a name cut or padded with something else is no name.
        for offset in 32..<name.count { invalid |= digitValues[Int(name[offset])] }
        return invalid & 0x80 == 0 ? ContentDigest(high: high, low: low) : nil
    }

    /// Each byte's value as a lowercase hexadecimal digit, or 0x80 for a byte that is none.
    private static let digitValues: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        default: 0x80
        }
    }
}
