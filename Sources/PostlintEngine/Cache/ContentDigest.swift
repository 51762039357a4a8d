/// A 128-bit digest of bytes, for telling whether a post's content is the one a cache entry was
/// made from, and whether a cache file reads back as it was written. Not cryptographic: it guards
/// against change and damage, not against an adversary (whoever can write the cache folder can
/// write the posts). It reads eight bytes a step, so hashing a post costs less than reading it.
public struct ContentDigest: Hashable, Sendable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(of bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ContentDigest(of: $0) }
    }

    public init(of bytes: UnsafeRawBufferPointer) {
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        var index = 0
        let count = bytes.count
        while index + 16 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let next = bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
            // The rotated state is added back, so a zero factor cannot wipe out what came before.
            first = Self.mix(first ^ word, next ^ 0xA076_1D64_78BD_642F) &+ Self.rotate(first)
            second = Self.mix(second ^ next, word ^ 0xE703_7ED1_A0B4_28DB) &+ Self.rotate(second) ^ first
            index += 16
        }
        var tail: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &tail) { buffer in
            for offset in 0..<(count - index) { buffer[offset] = bytes[index + offset] }
        }
        first = Self.mix(first ^ tail.0, tail.1 ^ 0x8EBC_6AF0_9C88_C6E3) &+ Self.rotate(first)
        second = Self.mix(second ^ tail.1, tail.0 ^ 0x5899_65CC_7537_4CC3) &+ Self.rotate(second) ^ first
        high = Self.finish(first ^ (second >> 29))
        low = Self.finish(second ^ (first << 17) ^ (first >> 47))
    }

    /// The product's two halves folded together: every input bit reaches every output bit.
    private static func mix(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }

    private static func rotate(_ value: UInt64) -> UInt64 {
        (value << 23) | (value >> 41)
    }

    private static func finish(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
