import Testing
import PostlintTestSupport
import PostlintCore
@testable import PostlintMarkdown

/// The scanner's shortcuts for common text (blocks read in place in the file, plain lines taken
/// without trying every block start) must find exactly what the general path finds. Each test
/// scans the same text both ways and compares everything the body holds.
@Suite struct FastPathAgreementTests {
    /// Pieces lines are made of: container markers and indentation, block starts, inline syntax,
    /// HTML, references, plain words and bytes that are not ASCII.
    private static let pieces: [String] = [
        "", " ", "  ", "   ", "    ", "\t", " \t", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "-", "# ", "## ",
        "###### ", "####### ", "#", "```", "~~~", "```swift", "````", "***", "---", "___", "===", "- - -", "<div>",
        "</div>", "<!--", "-->", "<!-- c -->", "<img src=\"a.png\" alt=\"x\">", "<a href=\"h\">", "</a>", "<pre>",
        "</pre>", "<script>", "</script>", "<?x", "?>", "<!X", "<![CDATA[", "]]>", "<span>", "<custom-tag attr=1>",
        "text", "word ", "more words here", "Plain", "(paren)", "\"quoted\"", "![alt](img.png)", "![a](<b c> \"t\")",
        "[l](u)", "[l][ref]", "[ref]", "[ref]: /url", "[ref]: /url \"title\"", "[Ref]:", "  /dest", "'title'",
        "[x]: <y>", "`code`", "``", "`", "*em*", "**strong**", "_u_", "__", "\\*", "\\", "&amp;", "&#35;", "&copy;",
        "&nope;", "<http://x.y/z>", "<a@b.c>", "[", "]", "(", ")", "![", "](", "\"", "é", "ü", "日本", "\u{00A0}",
        "|a|b|", "[![i](i.png)](l)", "<img src=x srcset=\"a 1x, b 2x\">",
        "<img alt='a&amp;b' src=x&amp;y.png title=\"t&quot;\">", "<a href='h&#38;' title=x>", "<IMG SRC=x>",
        "<img src>", "<a\nhref=x>", "![x <img src=y> [l](m)](z.png)", "&#x1F600;",
    ]

    private static func document(_ generator: inout SeededRandom) -> [UInt8] {
        var text = ""
        for _ in 0..<Int.random(in: 1...24, using: &generator) {
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: text += "\r\n"
            case 1: text += "\r"
            default: text += "\n"
            }
        }
        var bytes = Array(text.utf8)
        // Now and then a few arbitrary bytes (invalid UTF-8, controls).
        if !bytes.isEmpty, Int.random(in: 0..<8, using: &generator) == 0 {
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
        }
        return bytes
    }

    /// Everything the scan found, as text to compare.
    private static func scanned(_ source: SourceText, _ range: ByteRange, fastPaths: Bool) -> String {
        String(reflecting: MarkdownScanner.scan(source, range: range, fastPaths: fastPaths))
    }

    private static func expectAgreement(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let source = SourceText(bytes: bytes)
        // The whole text, and a body that starts and ends inside it.
        for range in [0..<bytes.count, min(3, bytes.count)..<(bytes.count - bytes.count / 4)] {
            let general = scanned(source, range, fastPaths: false)
            let fast = scanned(source, range, fastPaths: true)
            #expect(
                fast == general, "\(String(decoding: bytes, as: UTF8.self).debugDescription) \(range)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func seededRandomDocuments() {
        var generator = SeededRandom(seed: 2_024)
        for _ in 0..<3_000 { Self.expectAgreement(Self.document(&generator)) }
    }

    /// Without a carriage return the fast path takes its lines from the file's line index rather
    /// than looking for each line feed: the same documents with line feeds only, scanned whole
    /// and from inside a line.
    @Test func seededRandomDocumentsWithLineFeedsOnly() {
        var generator = SeededRandom(seed: 4_096)
        for _ in 0..<2_000 {
            let bytes = Self.document(&generator).map { $0 == 0x0D ? 0x0A : $0 }
            Self.expectAgreement(bytes)
            let source = SourceText(bytes: bytes)
            let start = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            let range = start..<bytes.count
            #expect(
                Self.scanned(source, range, fastPaths: true) == Self.scanned(source, range, fastPaths: false),
                "\(String(decoding: bytes, as: UTF8.self).debugDescription) \(range)")
        }
    }

    @Test func blocksReadInPlaceAndJoined() {
        let texts = [
            // Contiguous lines (read in place) next to lines that are not: indented continuation,
            // block quote markers, `\r\n` and lone `\r` endings.
            "Para *one*\nstill [one](a.png)\n\n  indented\n  more ![x](x.png)\n",
            "> quoted *a*\n> and ![q](q.png)\n>*b*\n>===\n",
            "crlf ![c](c.png)\r\nline two\r\n\r\nlf ![l](l.png)\nline\n",
            "cr ![r](r.png)\rline two\r",
            "- item ![i](i.png)\n  continued [l](u)\n- next\nlazy\n",
            "[ref]: /url\n[two]: /two \"t\"\ntext [ref] [two]\n",
            "# Heading ![h](h.png) #\nSetext *heading*\n---\n",
            "<div>\n<img src=\"a.png\">\n<!-- c -->\n</div>\n\n<pre>\n<img src=\"p.png\">\n</pre>\n",
        ]
        for text in texts { Self.expectAgreement(Array(text.utf8)) }
    }

    @Test func commonLinesInsideContainers() {
        let texts = [
            // Plain, blank, list and heading lines after lists and quotes, lazy continuations.
            "- a\n- b\n\n- c\ntext\n# h\n- d\n\n\n> q\n- e\n> r\nlazy\n\n- \n\nafter\n",
            "* one\n+ two\n-  three\n- four\n  more\n\tmore\n---\n- - -\n* * *\n-x\n",
            "> - a\n> - b\n>\n> c\n\n  - d\n    - e\n\n      code\n",
            "para\n    indented continuation\n- item\n    1. nested\n#no heading\n#\tyes\n",
            "```\ncode\n  ```x\n~~~\n```\n- a\n  ```\n  b\n  ```\n",
        ]
        for text in texts { Self.expectAgreement(Array(text.utf8)) }
    }

    @Test func nestingLimitIsJudgedBeforeBlocksClose() {
        // At the nesting limit a list marker is text: the line continues the paragraph lazily.
        let deep = String(repeating: "> ", count: BlockParser.maxDepth) + "a\n- b\n* c\n"
        Self.expectAgreement(Array(deep.utf8))
        let scanned = Scanned(deep)
        #expect(scanned.body.paragraphs.count == 1)
    }

    @Test func linkTextsAroundTheLengthLimit() {
        // A text of exactly the limit is cut on a character boundary, one below it is not.
        let limit = InlineParser.maxPlainText
        for length in [limit - 2, limit - 1, limit, limit + 1] {
            let description = String(repeating: "a", count: length - 2) + "é"
            let text = "![\(description)](i.png) [\(description)](l) [&amp;\(description)](m)\n"
            Self.expectAgreement(Array(text.utf8))
            let alt = Scanned(text).body.images.first?.alt ?? ""
            #expect(alt == (length < limit ? description : String(repeating: "a", count: length - 2)))
        }
    }

    @Test func vectorTextScansFindWhatByteByByteScansFind() {
        // Bytes that are special, bytes the vector test flags only as candidates (`^`, controls
        // that fold onto specials), their neighbours, and ordinary text.
        let alphabet =
            Array("\\`*_![]<&\n^\u{01}\u{06}\u{1C}\u{1A}\u{0B}\"#$%'()+,-./:;=>?@{|}~ aZ09".utf8)
            + [0x80, 0xA1, 0xAA, 0xBC, 0xC3, 0xE2, 0xFF]
        let special = Set(Array("\\`*_![]<&\n".utf8))
        let structural = Set(Array("\\`![]<".utf8))
        var generator = SeededRandom(seed: 77)
        for _ in 0..<4_000 {
            let count = Int.random(in: 0...90, using: &generator)
            let plainRun = Int.random(in: 0...3, using: &generator) == 0
            let bytes = (0..<count).map { _ in
                plainRun && Int.random(in: 0..<8, using: &generator) != 0
                    ? UInt8(ascii: "a") : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            let end = Int.random(in: 0...count, using: &generator)
            let start = Int.random(in: 0...end, using: &generator)
            let expected = bytes[start..<end].firstIndex(where: special.contains) ?? end
            #expect(InlineParser.endOfText(bytes, from: start, end: end) == expected, "\(bytes) \(start) \(end)")
            let expectedStructural = bytes[start..<end].firstIndex(where: structural.contains) ?? end
            #expect(
                InlineParser.endOfStructuralText(bytes, from: start, end: end) == expectedStructural,
                "\(bytes) \(start) \(end)")
        }
    }

    @Test func asciiLabelKeysAreTheCaseFoldedKeys() {
        // The ASCII shortcut must give what folding the collapsed label as a string gives.
        let alphabet = Array(" \t\n\u{0B}\u{0C}\r aAzZ09[]\\-_.~!@#$%^&*()+=`{}|;:'\",<>/?".utf8)
        var generator = SeededRandom(seed: 5)
        for _ in 0..<2_000 {
            let label = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            var collapsed: [UInt8] = []
            var pendingSpace = false
            for byte in label {
                if [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(byte) {
                    pendingSpace = !collapsed.isEmpty
                } else {
                    if pendingSpace { collapsed.append(0x20) }
                    pendingSpace = false
                    collapsed.append(byte)
                }
            }
            let expected = String(decoding: collapsed, as: UTF8.self).lowercased().uppercased()
            #expect(LinkSyntax.normalizedLabel(label, 0..<label.count) == expected, "\(label)")
        }
    }

    @Test func codeSpanDoesNotCloseInTheNextBlock() {
        // Read in place, the first paragraph's bytes are followed by the second's: its unmatched
        // backtick must not find the second paragraph's backtick.
        let scanned = Scanned("`a [l](u)\n\n`b` ![x](x.png)\n")
        #expect(scanned.linkDestinations == ["u"])
        #expect(scanned.body.excludedRanges.map(scanned.text) == ["`b`"])
        Self.expectAgreement(Array("`a [l](u)\n\n`b` ![x](x.png)\n".utf8))
    }
}
