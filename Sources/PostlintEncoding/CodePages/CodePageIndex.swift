/// For every scalar that some code page can produce from a byte 0x80-0xFF, the byte in each code
/// page (0 where that page has none): one look-up answers for all pages at once.
///
/// Scalars below U+2600 (Latin, Greek, Cyrillic, punctuation, the symbols and box drawing the
/// pages hold) are looked up in a table by value; the few above (`ﬁ`, Apple's logo) in a dictionary,
/// asked only for scalars from the smallest of them up, so text in other scripts (CJK, Hangul)
/// costs a comparison a scalar, not a hash.
struct CodePageIndex: Sendable {
    private static let tableEnd: UInt32 = 0x2600
    private let table: [UInt64]
    private let beyondTable: [UInt32: UInt64]
    private let smallestBeyondTable: UInt32

    init() {
        var table = [UInt64](repeating: 0, count: Int(Self.tableEnd))
        var beyondTable: [UInt32: UInt64] = [:]
        for page in CodePage.allCases {
            for byte in UInt8(0x80)...UInt8(0xFF) {
                guard let scalar = page.decode(byte) else { continue }
                let packed = UInt64(byte) << (8 * UInt64(page.rawValue))
                if scalar < Self.tableEnd {
                    table[Int(scalar)] |= packed
                } else {
                    beyondTable[scalar, default: 0] |= packed
                }
            }
        }
        self.table = table
        self.beyondTable = beyondTable
        smallestBeyondTable = beyondTable.keys.min() ?? UInt32.max
    }

    static let shared = CodePageIndex()

    /// The bytes of `scalar` in each page, packed one byte per page by `CodePage.rawValue`; 0 when
    /// no page has it.
    @inline(__always)
    func packedBytes(of scalar: UInt32) -> UInt64 {
        if scalar < Self.tableEnd { return table[Int(scalar)] }
        guard scalar >= smallestBeyondTable else { return 0 }
        return beyondTable[scalar] ?? 0
    }

    /// The byte of `page` in a packed value (0: none).
    @inline(__always)
    static func byte(_ packed: UInt64, _ page: CodePage) -> UInt8 {
        UInt8(truncatingIfNeeded: packed >> (8 * UInt64(page.rawValue)))
    }
}
