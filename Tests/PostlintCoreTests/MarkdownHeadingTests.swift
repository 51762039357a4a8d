import Testing
import PostlintCore

/// A heading's text is kept as the file's bytes until it is read: it must read, compare and
/// change exactly as a heading made with a string does.
@Suite struct MarkdownHeadingTests {
    private let file = Array("## Brewing green tea\n\n## Thé vert\n".utf8)

    @Test func textKeptInTheFileReadsAsTheGivenText() {
        let lazy = MarkdownHeading(level: 2, textIn: file, at: 3..<20, range: 0..<20)
        let made = MarkdownHeading(level: 2, text: "Brewing green tea", range: 0..<20)
        #expect(lazy.text == "Brewing green tea")
        #expect(lazy == made)
        #expect(String(reflecting: lazy) == String(reflecting: made))
        #expect(MarkdownHeading(level: 2, textIn: file, at: 25..<34, range: 22..<34).text == "Thé vert")
        #expect(lazy != MarkdownHeading(level: 2, text: "Brewing black tea", range: 0..<20))
        #expect(lazy != MarkdownHeading(level: 3, textIn: file, at: 3..<20, range: 0..<20))
    }

    @Test func settingTheTextReplacesTheFilesBytes() {
        var heading = MarkdownHeading(level: 2, textIn: file, at: 3..<20, range: 0..<20)
        heading.text = "Steeping"
        #expect(heading.text == "Steeping")
        #expect(heading == MarkdownHeading(level: 2, text: "Steeping", range: 0..<20))
    }

    @Test func aRangeOutsideTheBytesIsClamped() {
        #expect(MarkdownHeading(level: 1, textIn: file, at: 30..<500, range: 0..<1).text == "vert\n")
        #expect(MarkdownHeading(level: 1, textIn: file, at: -4..<2, range: 0..<1).text == "##")
        #expect(MarkdownHeading(level: 1, textIn: [], at: 0..<3, range: 0..<1).text == "")
    }
}
