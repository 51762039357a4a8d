import Testing
import PostlintCore
import PostlintMarkdown
import PostlintTestSupport

@testable import PostlintRules

/// The anchors of a post read with the scan for anchors alone (`DocumentAnchors(fileBytes:)`,
/// which reads the inline syntax of headings and of paragraphs holding `[^` only) are those of
/// the whole scan the post's own lint makes, in every style.
@Suite struct AnchorsScanAgreementTests {
    /// Pieces lines are made of: headings with inline syntax, footnote references and definitions
    /// (some in code spans, code blocks and HTML), definition lists, attribute lists, HTML ids,
    /// containers and plain words.
    private static let pieces: [String] = [
        "", " ", "    ", "> ", "- ", "1. ", "# ", "## ", "### ", "Title", "More words", "é ü", "日本", "`code`",
        "`[^n]`", "``[^m] x``", "[^n]", "[^n]:", "[^m]: text", "[^long-label]", "[^ x]", "[^]", "[ ^n]", "[",
        "^", "]", "[l](u)", "![i](i.png)", "*em*", "**b**", "<a id=\"here\"></a>", "<span name='n'>", "<!-- [^n] -->",
        "```", "~~~", "{#custom}", "{: #kid}", "{:.cls}", ": a definition", "Term", "---", "===", "&amp;",
        "<div>", "</div>", "{{< include \"x.md\" >}}", "{{% include \"y\" %}}", "\\[^n]", "***", "| a | b |",
    ]

    private static func document(_ generator: inout SeededRandom) -> [UInt8] {
        var text = Int.random(in: 0..<3, using: &generator) == 0 ? "---\ntitle: t\n---\n" : ""
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            text += Int.random(in: 0..<10, using: &generator) == 0 ? "\r\n" : "\n"
        }
        return Array(text.utf8)
    }

    private static func described(_ anchors: DocumentAnchors) -> String {
        "\(anchors.ids.sorted()) \(anchors.isComplete) \(anchors.definitionTermIDs.sorted()) \(anchors.includedPages)"
    }

    private static func fullScanAnchors(_ bytes: [UInt8], style: AnchorStyle) -> DocumentAnchors {
        let source = SourceText(bytes: bytes)
        let start = HTMLAnchorIDs.bodyStart(of: bytes)
        let body = MarkdownScanner.scan(source, range: start..<bytes.count)
        return DocumentAnchors(bytes: source.utf8, body: body, bodyRange: start..<bytes.count, style: style)
    }

    @Test func generatedPostsHaveTheSameAnchorsBothWays() {
        var generator = SeededRandom(seed: 0x4E43_4852)
        var withFootnotes = 0
        var withIDs = 0
        for _ in 0..<3_000 {
            let bytes = Self.document(&generator)
            for style in AnchorStyle.allCases {
                let alone = DocumentAnchors(fileBytes: bytes, style: style)
                let whole = Self.fullScanAnchors(bytes, style: style)
                #expect(
                    Self.described(alone) == Self.described(whole),
                    "\(style) \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                if alone.ids.contains(where: { $0.hasPrefix("fnref") }) { withFootnotes += 1 }
                if !alone.ids.isEmpty { withIDs += 1 }
            }
        }
        // The documents reach what the scan for anchors passes over: footnote references.
        #expect(withFootnotes > 1_000)
        #expect(withIDs > 10_000)
    }

    @Test func aFootnoteReferenceInACodeSpanIsNoReferenceEitherWay() {
        let bytes = Array("Text `[^n]` and more.\n\n[^n]: The note.\n\n## Heading `[^m]`\n".utf8)
        for style in AnchorStyle.allCases {
            let alone = DocumentAnchors(fileBytes: bytes, style: style)
            #expect(Self.described(alone) == Self.described(Self.fullScanAnchors(bytes, style: style)), "\(style)")
            #expect(!alone.ids.contains("fnref:n"), "\(style): \(alone.ids.sorted())")
        }
    }
}
