/// For every scalar that some code page can produce from a byte 0x80-0xFF, the byte in each code
/// page (0 where that page has none): one dictionary look-up answers for all pages at once.
struct CodePageIndex: Sendable {
    private let bytes: [UInt32: UInt64]

    init() {
        var bytes: [UInt32: UInt64] = [:]
        for page in CodePage.allCases {
            for byte in UInt8(0x80)...UInt8(0xFF) {
                guard let scalar = page.decode(byte) else { continue }
                bytes[scalar, default: 0] |= UInt64(byte) << (8 * UInt64(page.rawValue))
            }
        }
        self.bytes = bytes
    }

    static let shared = CodePageIndex()

    /// The bytes of `scalar` in each page, packed one byte per page by `CodePage.rawValue`; 0 when
    /// no page has it.
    @inline(__always)
    func packedBytes(of scalar: UInt32) -> UInt64 {
        bytes[scalar] ?? 0
    }

    /// The byte of `page` in a packed value (0: none).
    @inline(__always)
    static func byte(_ packed: UInt64, _ page: CodePage) -> UInt8 {
        UInt8(truncatingIfNeeded: packed >> (8 * UInt64(page.rawValue)))
    }
}
