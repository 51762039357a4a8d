/// Unicode scalars read straight from UTF-8 bytes, for passes that look at few of a text's
/// characters and so need not decode the rest. Bytes that are not well-formed UTF-8 give nil
/// (never a crash); a pass over `SourceText.utf8` meets none.
public enum UTF8Scalars {
    /// How many bytes the scalar starting with `lead` takes (1 for a byte that cannot start one,
    /// so a pass always moves on).
    @inline(__always)
    public static func width(ofLead lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    /// The scalar starting at `offset`, or nil at the end or where the bytes are not well-formed.
    public static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard offset >= 0, offset < bytes.count else { return nil }
        let lead = bytes[offset]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let width = width(ofLead: lead)
        guard width > 1, offset + width <= bytes.count else { return nil }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for index in (offset + 1)..<(offset + width) {
            let byte = bytes[index]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// The scalar that ends just before `offset`, or nil at the start or where the bytes are not
    /// well-formed.
    public static func scalar(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard offset > 0, offset <= bytes.count else { return nil }
        var start = offset - 1
        while start > 0, offset - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start + width(ofLead: bytes[start]) == offset else { return nil }
        return scalar(at: start, in: bytes)
    }
}
