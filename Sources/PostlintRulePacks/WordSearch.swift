import PostlintCore

/// Case-insensitive search for a phrase on word boundaries (the characters around a match are not
/// letters or digits), over text lower-cased once and searched as UTF-8 bytes.
struct WordSearch {
    /// The text lower-cased, as UTF-8.
    let haystack: [UInt8]

    init(_ text: String) {
        // ASCII text (most prose) is lower-cased byte by byte; other text through Unicode's rules.
        var text = text
        let lowered: [UInt8]? = text.withUTF8 { source in
            guard let base = source.baseAddress else { return [] }
            var allASCII = true
            let bytes = [UInt8](unsafeUninitializedCapacity: source.count) { buffer, count in
                var index = 0
                // Eight bytes a step while they are ASCII: a byte from A to Z gains 0x20.
                let raw = UnsafeRawPointer(base)
                let output = UnsafeMutableRawPointer(buffer.baseAddress)
                while index + 8 <= source.count, let output {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
                    let pastZ = word &+ 0x2525_2525_2525_2525
                    let upper = atLeastA & ~pastZ & 0x8080_8080_8080_8080
                    output.storeBytes(of: word | (upper >> 2), toByteOffset: index, as: UInt64.self)
                    index += 8
                }
                while index < source.count {
                    let byte = base[index]
                    if byte >= 0x80 {
                        allASCII = false
                        break
                    }
                    buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    index += 1
                }
                count = index
            }
            return allASCII ? bytes : nil
        }
        haystack = lowered ?? Array(text.lowercased().utf8)
    }

    func contains(_ phrase: String) -> Bool {
        let needle = Array(phrase.lowercased().utf8)
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { pattern in
                let last = text.count - pattern.count
                var index = 0
                while index <= last {
                    // The next place the phrase's first byte occurs (memchr, many bytes a step).
                    guard let found = ByteScanning.firstIndex(of: first, in: text, from: index), found <= last else {
                        return false
                    }
                    index = found
                    do {
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
