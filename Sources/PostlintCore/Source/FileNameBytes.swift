/// File names that are not UTF-8, carried through `String` paths and back to the file system.
///
/// A name's bytes that are not valid UTF-8 each become one scalar of a private-use block
/// (U+10FF80 to U+10FFFF, 0x80 to 0xFF), so the path still names the file when it is opened:
/// `withCString` turns those scalars back into the bytes. `shown` writes them as `\xE9` for
/// people. Valid names are left as they are.
public enum FileNameBytes {
    static let base: UInt32 = 0x10FF00

    /// The name's bytes as a string, each byte of an invalid sequence kept as a private scalar.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let (scalar, length) = decode(array, at: index)
            if let scalar {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(array[index])) ?? "\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }

    /// One UTF-8 scalar at `index` and its length, or nil when the bytes there are not one.
    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0: length = 3; value = 0; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xED: length = 3; value = 0x0D; high = 0x9F
        case 0xF0: length = 4; value = 0; low = 0x90
        case 0xF1...0xF3: length = 4; value = UInt32(lead & 0x07)
        case 0xF4: length = 4; value = 4; high = 0x8F
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min, byte <= max else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    /// Whether `path` carries a byte that is not UTF-8.
    public static func hasRawBytes(_ path: String) -> Bool {
        // Those scalars are F4 8F BE xx and F4 8F BF xx in UTF-8: a path without an F4 byte
        // (every path but a few) has none, and its bytes say so without decoding a scalar.
        var path = path
        let mayHave = path.withUTF8 { bytes in bytes.contains(0xF4) }
        return mayHave && path.unicodeScalars.contains { $0.value > base + 0x7F }
    }

    /// Calls `body` with the path as the file system knows it: the kept bytes put back.
    public static func withCString<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        guard hasRawBytes(path) else { return try path.withCString(body) }
        var bytes: [CChar] = []
        bytes.reserveCapacity(path.utf8.count + 1)
        for scalar in path.unicodeScalars {
            if scalar.value > base + 0x7F {
                bytes.append(CChar(bitPattern: UInt8(truncatingIfNeeded: scalar.value - base)))
            } else {
                for unit in String(scalar).utf8 { bytes.append(CChar(bitPattern: unit)) }
            }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return try "".withCString(body) }
            return try body(start)
        }
    }

    /// The path for people: each byte that is not UTF-8 written as `\xE9`.
    public static func shown(_ path: String) -> String {
        guard hasRawBytes(path) else { return path }
        var output = ""
        for scalar in path.unicodeScalars {
            if scalar.value > base + 0x7F {
                let byte = scalar.value - base
                output += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
