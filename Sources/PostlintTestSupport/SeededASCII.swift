/// Strings of ASCII characters from a seeded generator (a 64-bit linear congruential generator,
/// seven bits per character), for tests that compare two implementations over many arrangements of
/// every ASCII character. The same seed gives the same strings on every run.
public enum SeededASCII {
    /// One string of each length in `lengths`.
    public static func strings(seed: UInt64, lengths: some Sequence<Int>) -> [String] {
        var state = seed
        return lengths.map { length in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(state >> 57))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
