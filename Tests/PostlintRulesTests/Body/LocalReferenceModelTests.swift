import Testing
@testable import PostlintRules

/// `LocalReference.target(of:)` reads a destination's bytes in one pass; this compares it with the
/// plain reading it replaced over seeded destinations made of the pieces that decide what a
/// destination is (schemes, slashes, `#`, `?`, escapes, template braces, white space).
@Suite struct LocalReferenceModelTests {
    static let pieces = [
        "a", "B", "img", "x.png", "/", "//", ".", "..", "#", "?", "%20", "%zz", "%C3%A9", "%C3",
        "%", "{", "{{", "{%", "%}", ":", "data", "DaTa", "http", "C", "mailto", "+", "-", "1", " ",
        "\t", "caf\u{E9}", "\u{A0}", "\u{301}",
    ]

    @Test func agreesWithThePlainReading() {
        var random = SeededGenerator(seed: 0x10CA_1EEF)
        var kinds: Set<String> = []
        for _ in 0..<20_000 {
            let destination = (0..<random.below(7)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            let expected = PlainReading.target(of: destination)
            #expect(LocalReference.target(of: destination) == expected, "\(destination)")
            kinds.insert("\(expected)".prefix { $0 != "(" }.description)
        }
        #expect(kinds == ["local", "sameDocument", "inline", "empty", "notLocal"], "the cases reach every target")
    }
}

/// The reading `LocalReference` did before it went byte by byte, kept as the reference.
private enum PlainReading {
    static func target(of destination: String) -> LocalReference.Target {
        let trimmed = trimmingWhitespace(destination)
        if trimmed.isEmpty { return .empty }
        if containsTemplateExpression(trimmed) { return .notLocal }
        if let scheme = scheme(of: trimmed) {
            return scheme == "data" ? .inline : .notLocal
        }
        if trimmed.utf8.starts(with: "//".utf8) { return .notLocal }
        var rest = Substring(trimmed)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: 0x23) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: 0x3F) { rest = rest[..<question] }
        if rest.isEmpty {
            if let fragment { return .sameDocument(fragment: percentDecoded(fragment)) }
            return .notLocal
        }
        return .local(path: percentDecoded(String(rest)), fragment: fragment.map(percentDecoded))
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

    /// Whether the text holds `{{` or `{%` (a template expression of Hugo, Jekyll or Liquid).
    private static func containsTemplateExpression(_ text: String) -> Bool {
        var previousWasBrace = false
        for byte in text.utf8 {
            if previousWasBrace, byte == 0x7B || byte == 0x25 { return true }
            previousWasBrace = byte == 0x7B
        }
        return false
    }

    /// The URL scheme (lower-cased), when the text starts with one (`https:`, `data:`, `C:` is
    /// not one: a scheme has at least two characters).
    static func scheme(of text: String) -> String? {
        var scheme: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x3A { return scheme.count >= 2 ? String(decoding: scheme, as: UTF8.self) : nil }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isOther = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.append(isLetter ? byte | 0x20 : byte)
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
