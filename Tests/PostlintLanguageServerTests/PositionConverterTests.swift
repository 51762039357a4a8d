import Testing
import PostlintCore
import PostlintJSON
@testable import PostlintLanguageServer

@Suite struct PositionConverterTests {
    // "🎉" is 4 UTF-8 bytes and 2 UTF-16 units; "é" is 2 bytes and 1 unit.
    let text = Array("ab\n🎉é x\r\nlast".utf8)

    @Test func negotiatesUTF8OnlyWhenOffered() {
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(offered: ["utf-32"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: []) == .utf16)
    }

    @Test func countsColumnsInTheNegotiatedUnit() {
        let x = 3 + 4 + 2 + 1  // the "x" on the second line
        let utf16 = PositionConverter(bytes: text, encoding: .utf16)
        let utf8 = PositionConverter(bytes: text, encoding: .utf8)
        #expect(utf16.position(of: x) == (1, 4))
        #expect(utf8.position(of: x) == (1, 7))
        #expect(utf16.offset(line: 1, character: 4) == (x, false))
        #expect(utf8.offset(line: 1, character: 7) == (x, false))
        #expect(utf16.position(of: text.count) == (2, 4))
    }

    @Test func clampsPositionsOutsideTheText() {
        let converter = PositionConverter(bytes: text, encoding: .utf16)
        #expect(converter.offset(line: 0, character: 99) == (2, true))
        #expect(converter.offset(line: 99, character: 0) == (text.count, true))
        #expect(converter.offset(line: -1, character: 0) == (0, true))
        // Inside the surrogate pair of the emoji: the emoji's start.
        #expect(converter.offset(line: 1, character: 1) == (3, true))
        let reversed = LSPRange(start: LSPPosition(line: 1, character: 4), end: LSPPosition(line: 0, character: 0))
        #expect(converter.byteRange(of: reversed).range == 0..<10)
    }

    @Test func fileURIsRoundTrip() {
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/caf%C3%A9.md") == "/tmp/a b/café.md")
        #expect(DocumentURI.path(of: "file://localhost/tmp/x.md") == "/tmp/x.md")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file:///bad%zz") == nil)
        let path = "/tmp/dir with space/é#?.md"
        #expect(DocumentURI.path(of: DocumentURI.uri(ofPath: path)) == path)
    }
}
