#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans over raw bytes that skip what is uninteresting many bytes at a time: `memchr` (vectorised
/// in the C library) to find one byte value, and eight bytes per step to skip ASCII. The per-file
/// passes (line starts, UTF-8 validation, line ending and control character checks) use these so
/// that ordinary text costs them well under one instruction a byte.
public enum ByteScanning {
    /// The index of the first `byte` at or after `start`, or nil.
    @inline(__always)
    public static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        guard let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first byte at or after `start` that is not ASCII (the count when none).
    @inline(__always)
    public static func endOfASCII(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return count }
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        while index < count, base[index] < 0x80 { index += 1 }
        return index
    }

    /// Whether the two buffers hold the same bytes (`memcmp`, vectorised in the C library).
    @inline(__always)
    public static func equal(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard one.count == other.count else { return false }
        // Only an empty buffer has no base address.
        guard let oneBase = one.baseAddress, let otherBase = other.baseAddress else { return true }
        return memcmp(oneBase, otherBase, one.count) == 0
    }

    /// Whether every byte is ASCII.
    public static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        endOfASCII(in: buffer, from: 0) == buffer.count
    }

    /// The index of the first byte at or after `start` that is a C0 control other than tab, line
    /// feed and carriage return, DEL, or 0xC2 (the lead byte of the C1 controls), or nil.
    public static func firstControlCandidate(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte below 0x20, equal to 0x7F or equal to 0xC2 sets its high bit here
                // (the classic "has less than" and "has zero byte" tests).
                let below = (word &- ones &* 0x20) & ~word & highs
                let del = word ^ (ones &* 0x7F)
                let c2 = word ^ (ones &* 0xC2)
                let flagged = below | ((del &- ones) & ~del & highs) | ((c2 &- ones) & ~c2 & highs)
                if flagged == 0 {
                    index += 8
                    continue
                }
                let end = index + 8
                while index < end {
                    if isControlCandidate(base[index]) { return index }
                    index += 1
                }
                continue
            }
            if isControlCandidate(base[index]) { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private static func isControlCandidate(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
    }
}
