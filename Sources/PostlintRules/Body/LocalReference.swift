/// A link or image destination read as a reference to a local file: remote URLs, other schemes,
/// template expressions and in-page anchors are not local; the query and fragment are split off
/// and the path percent-decoded.
struct LocalReference: Equatable {
    /// What a destination refers to.
    enum Target: Equatable {
        /// A file path (percent-decoded) with its fragment, if any.
        case local(path: String, fragment: String?)
        /// `#fragment` alone: a place in the same document.
        case sameDocument(fragment: String)
        /// `data:` URI: the content is inline.
        case inline
        /// Nothing written.
        case empty
        /// Remote (`http:`, `//host`), another scheme (`mailto:`), or a template expression.
        case notLocal
    }

    static func target(of destination: String) -> Target {
        // Nearly always the destination starts and ends with a visible ASCII byte: no trimming.
        var text = destination
        let untrimmed = text.withUTF8 { bytes -> Target? in
            guard let first = bytes.first, let last = bytes.last else { return .empty }
            guard isVisibleASCII(first), isVisibleASCII(last) else { return nil }
            return target(of: destination, bytes: bytes)
        }
        if let untrimmed { return untrimmed }
        let trimmed = trimmingWhitespace(destination)
        if trimmed.isEmpty { return .empty }
        text = trimmed
        return text.withUTF8 { target(of: trimmed, bytes: $0) }
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// The target of the trimmed destination `text`, read from its bytes in one pass: this runs
    /// for every link and image, so nothing is copied or decoded that need not be (a plain
    /// relative path is returned as the very string it was written in).
    private static func target(of text: String, bytes: UnsafeBufferPointer<UInt8>) -> Target {
        var hash: Int?
        var question: Int?
        var hasEscape = false
        // Nearly always there is no `{`, `%`, `#` or `?`, and one quick pass says so.
        if hasSpecialByte(bytes) {
            var previousWasBrace = false
            for index in 0..<bytes.count {
                let byte = bytes[index]
                // `{{` or `{%`: a template expression of Hugo, Jekyll or Liquid.
                if previousWasBrace, byte == 0x7B || byte == 0x25 { return .notLocal }
                previousWasBrace = byte == 0x7B
                if byte == 0x25 { hasEscape = true }
                if hash == nil {
                    if byte == 0x23 {
                        hash = index
                    } else if byte == 0x3F, question == nil {
                        question = index
                    }
                }
            }
        }
        if let length = schemeLength(bytes) {
            let isData = length == 4 && zip(bytes, "data".utf8).allSatisfy { $0 | 0x20 == $1 }
            return isData ? .inline : .notLocal
        }
        if bytes.count >= 2, bytes[0] == 0x2F, bytes[1] == 0x2F { return .notLocal }
        let pathEnd = question ?? hash ?? bytes.count
        let fragment = hash.map { decoded(bytes[($0 + 1)...]) }
        if pathEnd == 0 {
            if let fragment { return .sameDocument(fragment: fragment) }
            return .notLocal
        }
        if pathEnd == bytes.count, !hasEscape { return .local(path: text, fragment: nil) }
        return .local(path: decoded(bytes[..<pathEnd]), fragment: fragment)
    }

    /// Whether any byte is `{`, `%`, `#` or `?`, looked for eight bytes at a time.
    private static func hasSpecialByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte equal to one of them is zero in `word ^ it`, which the classic "has a
                // zero byte" test finds.
                let brace = word ^ (ones &* 0x7B)
                let percent = word ^ (ones &* 0x25)
                let hash = word ^ (ones &* 0x23)
                let question = word ^ (ones &* 0x3F)
                let found =
                    ((brace &- ones) & ~brace) | ((percent &- ones) & ~percent)
                    | ((hash &- ones) & ~hash) | ((question &- ones) & ~question)
                if found & highs != 0 { return true }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x7B || byte == 0x25 || byte == 0x23 || byte == 0x3F { return true }
            index += 1
        }
        return false
    }

    /// The bytes as a string, percent-decoded.
    private static func decoded(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        return bytes.contains(0x25) ? percentDecoded(text) : text
    }

    /// `text` without leading and trailing white space; the text itself, uncopied, when it starts
    /// and ends with a visible ASCII byte (nearly always).
    private static func trimmingWhitespace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let visible: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
        if visible(first), visible(last) { return text }
        var view = Substring(text)
        while let character = view.first, character.isWhitespace { view.removeFirst() }
        while let character = view.last, character.isWhitespace { view.removeLast() }
        return String(view)
    }

    /// The length of the URL scheme the text starts with, when it starts with one (`https:`,
    /// `data:`; `C:` is not one: a scheme has at least two characters, the first a letter, the
    /// others letters, digits, `+`, `-` or `.`).
    static func schemeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3A { return index >= 2 ? index : nil }
            let lower = byte | 0x20
            if lower >= 0x61, lower <= 0x7A {
                index += 1
                continue
            }
            let isOther = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard index > 0, isOther else { return nil }
            index += 1
        }
        return nil
    }

    /// `%XX` sequences decoded; an invalid sequence, or one that decodes to invalid UTF-8, is
    /// kept as written (as browsers do).
    static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x25) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        let decoded = String(decoding: output, as: UTF8.self)
        return decoded.utf8.elementsEqual(output) ? decoded : text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
