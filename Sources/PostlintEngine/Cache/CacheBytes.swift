/// Builds a cache file's bytes: little-endian fixed-width numbers, variable-length numbers (seven
/// bits a byte) and length-prefixed strings.
struct CacheByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func append(_ value: Int) {
        append(UInt64(clamping: max(0, value)))
    }

    /// A signed number, zigzag-encoded (small negatives stay short).
    mutating func appendSigned(_ value: Int64) {
        append(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func appendFixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func append(_ digest: ContentDigest) {
        appendFixed(digest.high)
        appendFixed(digest.low)
    }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            append(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(bytes more: some Collection<UInt8>) {
        bytes.append(contentsOf: more)
    }
}

/// Reads what `CacheByteWriter` wrote, in place: over a slice of the bytes read (one post's facts
/// in a loaded cache file are read without copying them). Every read is bounds-checked: past the
/// end, or a number too long, it throws, and the whole cache is then ignored.
struct CacheByteReader {
    struct Damaged: Error {}

    private let bytes: ArraySlice<UInt8>
    /// An index of `bytes` (a slice keeps its base's indices).
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes[...]
        self.offset = offset
    }

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - offset }

    mutating func number() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of things that each take at least one byte: never more than the bytes left, so a
    /// damaged count cannot make a reader reserve memory the file does not hold.
    mutating func count() throws(Damaged) -> Int {
        let value = try number()
        guard value <= UInt64(remaining) else { throw Damaged() }
        return Int(value)
    }

    mutating func signed() throws(Damaged) -> Int64 {
        let value = try number()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func fixed() throws(Damaged) -> UInt64 {
        guard remaining >= 8 else { throw Damaged() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }

    mutating func digest() throws(Damaged) -> ContentDigest {
        let high = try fixed()
        return ContentDigest(high: high, low: try fixed())
    }

    mutating func string() throws(Damaged) -> String {
        String(decoding: try take(try count()), as: UTF8.self)
    }

    /// The next `length` bytes (a slice of the bytes read, not a copy).
    mutating func take(_ length: Int) throws(Damaged) -> ArraySlice<UInt8> {
        guard length >= 0, length <= remaining else { throw Damaged() }
        defer { offset += length }
        return bytes[offset..<(offset + length)]
    }
}

/// The header every cache file starts with: a magic line, the format's version, the writer's
/// stamp, the payload's length and digest. A file whose header is not this one, or whose payload
/// is cut or damaged, has no payload.
struct CacheFileHeader {
    let magic: [UInt8]
    let formatVersion: UInt64

    /// The payload of `bytes` (a slice of them) when they start with this header and `stamp`
    /// and the payload is whole.
    func payload(of bytes: [UInt8], stamp: String) -> ArraySlice<UInt8>? {
        guard bytes.count > magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        var reader = CacheByteReader(bytes, offset: magic.count)
        do throws(CacheByteReader.Damaged) {
            guard try reader.number() == formatVersion, try reader.string() == stamp else { return nil }
            let length = try reader.fixed()
            let digest = try reader.digest()
            guard length == UInt64(reader.remaining) else { return nil }
            let payload = try reader.take(Int(length))
            guard payload.withUnsafeBytes({ ContentDigest(of: $0) }) == digest else { return nil }
            return payload
        } catch {
            return nil
        }
    }

    /// The header for a payload of `length` bytes with `digest`, by a program with `stamp`.
    func bytes(stamp: String, payloadLength length: Int, digest: ContentDigest) -> [UInt8] {
        var header = CacheByteWriter()
        header.append(bytes: magic)
        header.append(formatVersion)
        header.append(stamp)
        header.appendFixed(UInt64(length))
        header.append(digest)
        return header.bytes
    }
}
