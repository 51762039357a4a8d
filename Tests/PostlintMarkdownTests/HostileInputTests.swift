import Foundation
import Testing
import PostlintTestSupport
import PostlintCore
@testable import PostlintMarkdown

/// Input meant to break the scanner: it must finish quickly, without crashing or running out of
/// stack, and still find what is there.
@Suite struct HostileInputTests {
    /// Seconds a scan of `text` takes.
    func seconds(_ text: String) -> (Double, Scanned) {
        let start = Date()
        let scanned = Scanned(text)
        return (Date().timeIntervalSince(start), scanned)
    }

    @Test func unbalancedBracketsOverThousandsOfCharacters() {
        let text = String(repeating: "[a ", count: 20_000) + "![x](x.png)" + String(repeating: " b]", count: 5_000) + "\n"
        let (time, scanned) = seconds(text)
        #expect(scanned.imageDestinations == ["x.png"])
        #expect(time < HangGuard.seconds(5))
    }

    @Test func tenThousandNestedBrackets() {
        let text = String(repeating: "[", count: 10_000) + "x" + String(repeating: "](y)", count: 10_000) + "\n"
        let (time, scanned) = seconds(text)
        #expect(scanned.linkDestinations == ["y"])
        #expect(time < HangGuard.seconds(5))
    }

    /// Past `ParserLimits.markdownOpenBrackets` open brackets the older half are text, so a
    /// block's memory stays bounded; what forms inside them, and a heading's text, are unchanged.
    @Test func bracketsPastTheOpenLimitAreTextAndTheInnermostLinkStillForms() {
        let many = ParserLimits.markdownOpenBrackets * 5 + 7
        let paragraph = Scanned(String(repeating: "[", count: many) + "*a* [x](y) ![i](i.png) b]\n")
        #expect(paragraph.linkDestinations == ["y"])
        #expect(paragraph.imageDestinations == ["i.png"])
        let heading = Scanned("# *e " + String(repeating: "[", count: many) + "*a* &amp; [x](y) *b*\n")
        #expect(heading.body.headings.first?.text == "*e " + String(repeating: "[", count: many) + "a & x b")
        #expect(heading.linkDestinations == ["y"])
    }

    @Test func tenThousandNestedImages() {
        let text = String(repeating: "![a", count: 10_000) + String(repeating: "](i.png)", count: 10_000) + "\n"
        let (time, scanned) = seconds(text)
        #expect(scanned.imageDestinations == ["i.png"])
        #expect(time < HangGuard.seconds(5))
    }

    @Test func tenThousandNestedListsAndQuotes() {
        let bullets = String(repeating: "- ", count: 10_000) + "![b](b.png)\n" + String(repeating: "  more\n\n", count: 2_000)
        let ordered = String(repeating: "1. ", count: 10_000) + "![o](o.png)\n"
        let quotes = String(repeating: "> ", count: 10_000) + "![q](q.png)\n" + String(repeating: ">\n", count: 2_000)
        for (text, destination) in [(bullets, "b.png"), (ordered, "o.png"), (quotes, "q.png")] {
            let (time, scanned) = seconds(text)
            #expect(scanned.imageDestinations == [destination])
            #expect(time < HangGuard.seconds(5))
        }
    }

    @Test func deeplyIndentedListsStayLinear() {
        // 300 levels, each line indented one level more: the input itself grows with the square
        // of the depth, the work must not grow faster.
        var text = ""
        for depth in 0..<300 { text += String(repeating: " ", count: depth * 2) + "- item ![i](i\(depth).png)\n" }
        let (time, scanned) = seconds(text)
        #expect(scanned.body.images.count == 300)
        #expect(time < HangGuard.seconds(5))
    }

    @Test func manyOpenersWithoutClosers() {
        let patterns = ["[a](b", "[a](<b", "<!--", "<a x=\"", "`", "[a](b \"", "![", "<?", "&#", "[a]["]
        for pattern in patterns {
            let (time, _) = seconds(String(repeating: pattern, count: 20_000) + "\n")
            #expect(time < 5, "\(pattern)")
        }
    }

    @Test func invalidPercentEscapesAndDotSegmentsAreKeptAsWritten() {
        let scanned = Scanned("![x](bad%zz%.png) ![y](../../up/./a.png)\n")
        #expect(scanned.imageDestinations == ["bad%zz%.png", "../../up/./a.png"])
    }

    @Test func nulByteAndInvalidUTF8() {
        // As the spec says, NUL counts as U+FFFD, and so do invalid bytes: both may appear in a
        // destination.
        let bytes: [UInt8] = Array("![a\u{0}b](x\u{0}.png) ![c](".utf8) + [0xFF, 0xFE] + Array(".png)\n".utf8)
        let source = SourceText(bytes: bytes)
        let body = MarkdownScanner.scan(source, range: 0..<bytes.count)
        #expect(body.images.count == 2)
        #expect(body.images.first?.destination == "x\u{0}.png")
        #expect(body.images.last?.destinationRange == 20..<26)
    }

    @Test func oneMegabyteLine() {
        let line = String(repeating: "word ![x](x.png) `code` [l](y) ", count: 1_000_000 / 32) + "\n"
        let (time, scanned) = seconds(line)
        #expect(scanned.body.images.count == 1_000_000 / 32)
        #expect(time < 20)
    }

    @Test func unclosedFenceAtEnd() {
        let scanned = Scanned("```")
        #expect(scanned.body.excludedRanges == [0..<3])
    }

    @Test func outOfRangeBodyIsClamped() {
        let source = SourceText("![a](a.png)\n")
        let body = MarkdownScanner.scan(source, range: 5..<1_000)
        #expect(body.images.isEmpty)
    }
}
