/// Turns libyaml's positions (a count of Unicode scalars from the start of its input, a CRLF
/// counting two) into byte offsets of the UTF-8 input. Positions are asked for nearly in order, so
/// a cursor walks from the last answer; text that is all ASCII needs no walk at all.
struct CharacterOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    private var characterIndex = 0
    private var byteIndex = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.isASCII = !bytes.contains { $0 >= 0x80 }
    }

    /// The byte offset of the scalar at `index`, clamped to the input.
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return max(0, min(index, bytes.count)) }
        while characterIndex < index, byteIndex < bytes.count {
            byteIndex += Self.width(ofLeadByte: bytes[byteIndex])
            characterIndex += 1
        }
        while characterIndex > index, byteIndex > 0 {
            byteIndex -= 1
            while byteIndex > 0, bytes[byteIndex] & 0xC0 == 0x80 { byteIndex -= 1 }
            characterIndex -= 1
        }
        byteIndex = min(byteIndex, bytes.count)
        return byteIndex
    }

    private static func width(ofLeadByte byte: UInt8) -> Int {
        switch byte {
        case ..<0xC0: return 1
        case ..<0xE0: return 2
        case ..<0xF0: return 3
        default: return 4
        }
    }
}
