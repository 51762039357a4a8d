import PostlintCore
import PostlintEncoding

/// `invalid-utf8`: bytes that are not well-formed UTF-8, one diagnostic per run, naming the bytes;
/// a UTF-16 or UTF-32 file is reported once as such.
public struct InvalidUTF8Rule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "invalid-utf8", category: .encoding,
        summary: "The file holds bytes that are not valid UTF-8",
        rationale: """
            Posts are UTF-8. Bytes that are not (a file saved as Windows-1252, a truncated \
            character, an encoded surrogate from CESU-8) show as garbage or are dropped by the \
            site generator. The message names the bytes and, where it helps, what they would \
            read as in Windows-1252. A file in UTF-16 or UTF-32 is reported once, not byte by byte.
            """,
        defaultSeverity: .error,
        options: Options.declared,
        reads: .source,
        capabilities: [.reportsUnreadableText, .isSearchCheck],
        // Examples are text, so invalid bytes cannot be shown; a UTF-16 file (ASCII with a NUL after
        // every character) can.
        triggeringExamples: [
            RuleExample("⟦⟧" + utf16Sample)
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Café\n---\n\nCafé au lait, 日本語, 😀.\n")
        ])

    /// A sentence as UTF-16 little-endian bytes, written as the text UTF-8 would read them as.
    static let utf16Sample = "A post saved as UTF-16 by an old editor: every character takes two bytes, one of them zero.\n"
        .unicodeScalars.map { String($0) + "\u{0}" }.joined()

    let maxReports: Int

    /// `invalid-utf8`'s options.
    public struct Options: TypedRuleOptions {
        public var maxReports = 50

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .integer("max-reports", \.maxReports, "the most runs reported one by one before a single summary", minimum: 1)
        ]
    }

    public init(options: Options) {
        maxReports = max(1, options.maxReports)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let source = document.source
        let bytes = source.bytes
        let sniff = EncodingSniffer.sniff(bytes)
        if sniff.encoding != .utf8 {
            return [
                diagnostic(
                    "the file is \(sniff.encoding.displayName), not UTF-8; save it as UTF-8",
                    at: 0..<sniff.byteOrderMarkLength)
            ]
        }
        let ranges = source.invalidRanges
        guard !ranges.isEmpty else { return [] }
        if ranges.count > maxReports {
            let invalid = ranges.reduce(0) { $0 + $1.count }
            return [
                diagnostic(
                    "the file is not UTF-8 text: \(invalid) bytes in \(ranges.count) places are not valid UTF-8",
                    at: ranges[0])
            ]
        }
        return ranges.map { range in
            diagnostic(Self.describe(range, in: bytes), at: range)
        }
    }

    /// What is wrong with one run of bytes.
    static func describe(_ range: ByteRange, in bytes: [UInt8]) -> String {
        let run = Array(bytes[range])
        var shown = run.prefix(8).map(VisibleText.byte).joined(separator: " ")
        if run.count > 8 { shown += " …" }
        let noun = run.count == 1 ? "byte \(shown) is" : "bytes \(shown) are"
        if range.upperBound == bytes.count, isTruncatedSequence(run) {
            return "\(noun) a UTF-8 sequence cut short at the end of the file"
        }
        if run.count >= 3, run[0] == 0xED, (0xA0...0xBF).contains(run[1]) {
            return "\(noun) an encoded surrogate (CESU-8 or modified UTF-8), not valid UTF-8"
        }
        if run[0] == 0xC0 || run[0] == 0xC1 {
            return "\(noun) an overlong encoding, not valid UTF-8"
        }
        if run.allSatisfy({ $0 >= 0xA0 }), run.count <= 8 {
            let reading = run.compactMap { CodePage.windows1252.decode($0).flatMap(Unicode.Scalar.init) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: reading)
            return
                "\(noun) not valid UTF-8 (\"\(VisibleText.render(String(text)))\" in Windows-1252: is the file saved in that encoding?)"
        }
        return "\(noun) not valid UTF-8"
    }

    /// Whether `run` is the start of a multi-byte sequence that lacks only its last bytes.
    static func isTruncatedSequence(_ run: [UInt8]) -> Bool {
        guard let lead = run.first else { return false }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        return run.count < length && run.dropFirst().allSatisfy { (0x80...0xBF).contains($0) }
    }
}
