import PostlintCore

/// Recognises files that are not UTF-8 at all (UTF-16 and UTF-32, with or without a byte order
/// mark) so that they are reported once instead of being linted as garbage.
public enum EncodingSniffer {
    /// The encoding a file's bytes are in, as far as its first bytes tell.
    public enum Encoding: Sendable, Equatable {
        case utf8
        case utf16LittleEndian, utf16BigEndian
        case utf32LittleEndian, utf32BigEndian

        /// How people name it: "UTF-16 (little-endian)".
        public var displayName: String {
            switch self {
            case .utf8: return "UTF-8"
            case .utf16LittleEndian: return "UTF-16 (little-endian)"
            case .utf16BigEndian: return "UTF-16 (big-endian)"
            case .utf32LittleEndian: return "UTF-32 (little-endian)"
            case .utf32BigEndian: return "UTF-32 (big-endian)"
            }
        }
    }

    /// The encoding and the length of its byte order mark (0 when there is none).
    public static func sniff(_ bytes: [UInt8]) -> (encoding: Encoding, byteOrderMarkLength: Int) {
        let count = bytes.count
        if count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            return (.utf32LittleEndian, 4)
        }
        if count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return (.utf32BigEndian, 4)
        }
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        // Without a mark: ASCII text in UTF-16 has a NUL in every other byte.
        let sample = min(count, 512) & ~1
        guard sample >= 8 else { return (.utf8, 0) }
        // Text without a NUL in the sample (nearly every post) is not UTF-16: one memchr says so.
        let hasZero = bytes.withUnsafeBufferPointer { buffer in
            ByteScanning.firstIndex(of: 0, in: UnsafeBufferPointer(rebasing: buffer[0..<sample]), from: 0) != nil
        }
        guard hasZero else { return (.utf8, 0) }
        var evenZeros = 0
        var oddZeros = 0
        for index in 0..<sample where bytes[index] == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample / 2
        if oddZeros * 4 >= half * 3, evenZeros * 10 <= half { return (.utf16LittleEndian, 0) }
        if evenZeros * 4 >= half * 3, oddZeros * 10 <= half { return (.utf16BigEndian, 0) }
        return (.utf8, 0)
    }
}
