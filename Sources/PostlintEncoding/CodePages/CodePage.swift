/// A single-byte code page that UTF-8 text gets mistakenly decoded with. Bytes 0x00-0x7F are ASCII
/// in all of them, so only the upper half differs.
public enum CodePage: Int, Sendable, CaseIterable, Hashable {
    case windows1252
    case latin1
    case windows1250
    case windows1251
    case windows1257
    case iso8859_2
    case macRoman
    case cp437

    /// The name messages use: "Windows-1252".
    public var displayName: String {
        switch self {
        case .windows1252: return "Windows-1252"
        case .latin1: return "Latin-1"
        case .windows1250: return "Windows-1250"
        case .windows1251: return "Windows-1251"
        case .windows1257: return "Windows-1257"
        case .iso8859_2: return "ISO-8859-2"
        case .macRoman: return "Mac Roman"
        case .cp437: return "code page 437"
        }
    }

    /// The scalar `byte` decodes to, or nil where the code page leaves the byte undefined.
    @inline(__always)
    public func decode(_ byte: UInt8) -> UInt32? {
        if byte < 0x80 { return UInt32(byte) }
        let value = CodePageReverse.tables[rawValue].upper[Int(byte) - 0x80]
        return value == 0 ? nil : value
    }

    /// The byte that decodes to `scalar` in this code page, or nil when no byte does.
    @inline(__always)
    public func encode(_ scalar: UInt32) -> UInt8? {
        if scalar < 0x80 { return UInt8(scalar) }
        return CodePageReverse.tables[rawValue].reverse[scalar]
    }
}

/// Each code page's table and its inverse, built once.
struct CodePageReverse: Sendable {
    let upper: [UInt32]
    let reverse: [UInt32: UInt8]

    init(_ page: CodePage) {
        upper = page.upperHalf
        var reverse: [UInt32: UInt8] = [:]
        reverse.reserveCapacity(128)
        for (index, scalar) in upper.enumerated() where scalar != 0 {
            reverse[scalar] = UInt8(0x80 + index)
        }
        self.reverse = reverse
    }

    static let tables: [CodePageReverse] = CodePage.allCases.map(CodePageReverse.init)
}
