/// A single forward pass that finds the bytes which are not well-formed UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    public struct Result: Sendable {
        public var invalidRanges: [ByteRange]
        public var isASCII: Bool
    }

    public static func scan(_ bytes: [UInt8]) -> Result {
        var ranges: [ByteRange] = []
        var isASCII = true
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            var pendingStart = -1
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    if pendingStart >= 0 { ranges.append(pendingStart..<index); pendingStart = -1 }
                    index = ByteScanning.endOfASCII(in: buffer, from: index + 1)
                    continue
                }
                isASCII = false
                let length = wellFormedLength(buffer, at: index)
                if length == 0 {
                    if pendingStart < 0 { pendingStart = index }
                    index += 1
                } else {
                    if pendingStart >= 0 { ranges.append(pendingStart..<index); pendingStart = -1 }
                    index += length
                }
            }
            if pendingStart >= 0 { ranges.append(pendingStart..<count) }
        }
        return Result(invalidRanges: ranges, isASCII: isASCII)
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or 0.
    @inline(__always)
    static func wellFormedLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = buffer.count
        let lead = buffer[index]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            let position = index + offset
            guard position < count else { return false }
            let byte = buffer[position]
            return byte >= low && byte <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
