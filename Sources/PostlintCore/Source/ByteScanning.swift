#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scans over raw bytes that skip what is uninteresting many bytes at a time: `memchr` (vectorised
/// in the C library) to find one byte value, eight bytes per step to skip ASCII, and sixteen-byte
/// vector compares to count bytes outside printable ASCII. The per-file passes (line starts, UTF-8
/// validation, line ending and control character checks) use these so that ordinary text costs
/// them well under one instruction a byte.
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
        let high: UInt64 = 0x8080_8080_8080_8080
        // Thirty-two bytes a step while they are all ASCII (most of a post), then eight, then one.
        while index &+ 32 <= count {
            let first =
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
            let second =
                raw.loadUnaligned(fromByteOffset: index &+ 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index &+ 24, as: UInt64.self)
            if (first | second) & high != 0 { break }
            index &+= 32
        }
        while index &+ 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & high != 0 { break }
            index &+= 8
        }
        while index < count, base[index] < 0x80 { index &+= 1 }
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

    /// Whether two strings hold the same bytes (not Unicode canonical equivalence, which `==`
    /// compares): their lengths first, then `memcmp` on the bytes read in place.
    public static func equal(_ one: String, _ other: String) -> Bool {
        guard one.utf8.count == other.utf8.count else { return false }
        var one = one
        var other = other
        return one.withUTF8 { oneBytes in other.withUTF8 { equal(oneBytes, $0) } }
    }

    /// Whether `one` sorts before `other` by their bytes (`memcmp`, then the shorter first): the
    /// order paths are reported in, the same on every machine and locale.
    @inline(__always)
    public static func precedes(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(one.count, other.count)
        if shared > 0, let oneBase = one.baseAddress, let otherBase = other.baseAddress {
            let order = memcmp(oneBase, otherBase, shared)
            if order != 0 { return order < 0 }
        }
        return one.count < other.count
    }

    /// Whether every byte is ASCII.
    public static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        endOfASCII(in: buffer, from: 0) == buffer.count
    }

    /// Whether every byte of `text` is ASCII (read in place: a native string's bytes are
    /// contiguous).
    public static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isASCII($0) }
    }

    /// Whether `text`'s bytes hold `needle`'s bytes in a row (`memchr` to each place its first
    /// byte is, then `memcmp`). Foundation's `contains` on strings, which `import Foundation`
    /// brings in place of this, matches by canonical equivalence and costs tens of times more.
    public static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard let first = wanted.first else { return true }
                guard let base = haystack.baseAddress, let wantedBase = wanted.baseAddress else { return false }
                let last = haystack.count - wanted.count
                var from = 0
                while from <= last, let found = firstIndex(of: first, in: haystack, from: from) {
                    guard found <= last else { return false }
                    if memcmp(base + found, wantedBase, wanted.count) == 0 { return true }
                    from = found + 1
                }
                return false
            }
        }
    }

    /// The number of times `byte` occurs, found with `memchr` from one occurrence to the next (for
    /// bytes that are rare, such as tabs and carriage returns in a post).
    public static func count(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var occurrences = 0
        var from = 0
        while let found = firstIndex(of: byte, in: buffer, from: from) {
            occurrences += 1
            from = found + 1
        }
        return occurrences
    }

    /// The number of bytes outside printable ASCII: those below 0x20 (the C0 controls, tab and line
    /// endings among them), DEL (0x7F), and every byte from 0x80 up.
    ///
    /// Sixteen bytes per compare (SSE2 on x86-64, NEON on ARM), so that a whole post costs about a
    /// third of an instruction a byte: the control character rule proves an ASCII file clean with
    /// this count instead of looking at its bytes one by one. Each of the sixteen lanes counts in a
    /// byte, emptied into the total before it can overflow.
    public static func countOutsidePrintableASCII(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        // A byte plus one, read as signed, is above 0x20 exactly when the byte is 0x20...0x7E:
        // 0x7F becomes -128 and 0x80...0xFF become -127...0.
        let one = SIMD16<Int8>(repeating: 1)
        let space = SIMD16<Int8>(repeating: 0x20)
        var printable = 0
        var index = 0
        while index &+ 16 <= count {
            // A lane gains at most one per sixteen bytes: 255 steps of sixteen before it could wrap.
            let stretchEnd = min(count, index &+ 16 &* 255)
            var lanes = SIMD16<Int8>()
            while index &+ 64 <= stretchEnd {
                for part in 0..<4 {
                    let chunk = raw.loadUnaligned(fromByteOffset: index &+ 16 &* part, as: SIMD16<Int8>.self)
                    // A true lane is all ones (-1): subtracting it counts one.
                    lanes &-= unsafeBitCast((chunk &+ one) .> space, to: SIMD16<Int8>.self)
                }
                index &+= 64
            }
            while index &+ 16 <= stretchEnd {
                let chunk = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self)
                lanes &-= unsafeBitCast((chunk &+ one) .> space, to: SIMD16<Int8>.self)
                index &+= 16
            }
            let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
            printable &+= byteSum(halves[0]) &+ byteSum(halves[1])
        }
        while index < count {
            let byte = base[index]
            if byte >= 0x20, byte < 0x7F { printable &+= 1 }
            index &+= 1
        }
        return count &- printable
    }

    /// The sum of the eight byte-sized counters in `word`.
    @inline(__always)
    private static func byteSum(_ word: UInt64) -> Int {
        var sum = (word & 0x00FF_00FF_00FF_00FF) &+ ((word >> 8) & 0x00FF_00FF_00FF_00FF)
        sum = (sum & 0x0000_FFFF_0000_FFFF) &+ ((sum >> 16) & 0x0000_FFFF_0000_FFFF)
        return Int((sum & 0xFFFF_FFFF) &+ (sum >> 32))
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
