import PostlintCore
import PostlintEncoding

/// `control-character`: C0 and C1 control characters other than tab and line endings.
public struct ControlCharacterRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "control-character", category: .encoding,
        summary: "The text holds control characters other than tab and line endings",
        rationale: """
            Control characters (NUL, backspace, escape, the C1 range U+0080-U+009F) have no place \
            in a post. They come from binary pastes, terminal output and broken conversions; \
            browsers drop or garble them, feeds and sitemaps with them are invalid XML.
            """,
        defaultSeverity: .warning,
        reads: .source,
        triggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nA bell⟦\u{07}⟧ and escapes ⟦\u{1B}\u{1B}⟧ and a C1 ⟦\u{85}⟧.\n"),
            RuleExample("---\ntitle: \"Null⟦\u{00}⟧\"\n---\n\nBody.\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nTabs\tare fine, and so are\r\nline endings.\n")
        ])

    static let c0Names = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
        "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
        "ESC", "FS", "GS", "RS", "US",
    ]

    public init(options: NoOptions) {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let source = document.source
        if source.isASCII, Self.controlBytesAreOnlyTabsAndLineEndings(inASCII: source) { return [] }
        return diagnostics(scanning: source)
    }

    /// Whether the only bytes below 0x20 or equal to 0x7F in an ASCII file are tabs, line feeds and
    /// carriage returns: then it holds no control character (an ASCII file has no C1 controls).
    ///
    /// Nearly every post passes, so this is decided by counting rather than by looking at each
    /// byte: the bytes outside printable ASCII are counted sixteen at a time, and compared with the
    /// line feeds the line index already found (in a file without carriage returns, every line but
    /// the first starts after one). Tabs and carriage returns, rarer, are counted with `memchr`
    /// only when line feeds alone do not account for every such byte.
    static func controlBytesAreOnlyTabsAndLineEndings(inASCII source: SourceText) -> Bool {
        source.bytes.withUnsafeBufferPointer { buffer in
            let outside = ByteScanning.countOutsidePrintableASCII(in: buffer)
            let lineIndex = source.lineIndex
            let lineEndings =
                lineIndex.containsCarriageReturn
                ? ByteScanning.count(of: 0x0A, in: buffer) + ByteScanning.count(of: 0x0D, in: buffer)
                : lineIndex.lineCount - 1
            if outside == lineEndings { return true }
            return outside == lineEndings + ByteScanning.count(of: 0x09, in: buffer)
        }
    }

    /// The diagnostics found by looking at every byte that may start a control character; the
    /// general path, for files with controls and files that are not ASCII.
    func diagnostics(scanning source: SourceText) -> [Diagnostic] {
        let bytes = source.bytes
        let count = bytes.count
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < count {
            // Skip to the next byte that may start a control character, eight bytes a step.
            guard
                let candidate = bytes.withUnsafeBufferPointer({
                    ByteScanning.firstControlCandidate(in: $0, from: index)
                })
            else { break }
            index = candidate
            let byte = bytes[index]
            // A C0 control or DEL is one byte; a C1 control is C2 80-9F in UTF-8.
            let value: UInt32
            let width: Int
            if byte < 0x20 || byte == 0x7F {
                guard byte != 0x09, byte != 0x0A, byte != 0x0D else {
                    index += 1
                    continue
                }
                value = UInt32(byte)
                width = 1
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]),
                !source.isInvalid(at: index)
            {
                value = UInt32(bytes[index + 1])
                width = 2
            } else {
                index += 1
                continue
            }
            let start = index
            var repeats = 0
            while index + width <= count, matches(bytes, at: index, value: value, width: width) {
                index += width
                repeats += 1
            }
            let name = value < 0x20 ? " (\(Self.c0Names[Int(value)]))" : value == 0x7F ? " (DEL)" : ""
            let code = Unicode.Scalar(value).map(VisibleText.codePoint) ?? ""
            let what = repeats == 1 ? "control character \(code)\(name)" : "\(repeats) control characters \(code)\(name)"
            diagnostics.append(diagnostic(what, at: start..<index))
        }
        return diagnostics
    }

    private func matches(_ bytes: [UInt8], at index: Int, value: UInt32, width: Int) -> Bool {
        if width == 1 { return UInt32(bytes[index]) == value }
        return bytes[index] == 0xC2 && UInt32(bytes[index + 1]) == value
    }
}
