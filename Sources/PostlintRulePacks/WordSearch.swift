/// Case-insensitive search for a phrase on word boundaries (the characters around a match are not
/// letters or digits), over text lower-cased once and searched as UTF-8 bytes.
struct WordSearch {
    private let haystack: [UInt8]

    init(_ text: String) {
        // ASCII text (most prose) is lower-cased byte by byte; other text through Unicode's rules.
        let utf8 = text.utf8
        var ascii = true
        let lowered = [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, count in
            count = 0
            for byte in utf8 {
                if byte >= 0x80 {
                    ascii = false
                    break
                }
                buffer[count] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                count += 1
            }
        }
        haystack = ascii ? lowered : Array(text.lowercased().utf8)
    }

    func contains(_ phrase: String) -> Bool {
        let needle = Array(phrase.lowercased().utf8)
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { pattern in
                let last = text.count - pattern.count
                var index = 0
                while index <= last {
                    if text[index] == first {
                        var offset = 1
                        while offset < pattern.count, text[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count,
                           !Self.isWordScalar(Self.scalar(endingAt: index, in: text)),
                           !Self.isWordScalar(Self.scalar(startingAt: index + pattern.count, in: text)) {
                            return true
                        }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// The scalar whose last byte is just before `end`, or nil at the start.
    private static func scalar(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, end - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: text)
    }

    /// The scalar starting at `start`, or nil at the end.
    private static func scalar(startingAt start: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard start < text.count else { return nil }
        var iterator = UnsafeBufferPointer(rebasing: text[start..<min(text.count, start + 4)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}
