import Testing
import PostlintCore
@testable import PostlintParsing

/// Found by the FuzzTOML and FuzzDocumentLoader targets: invalid TOML on which toml++ (inside
/// TOMLKit) asserts, aborting the whole process in debug builds (undefined behaviour in release
/// ones): a table header whose key starts with a character that is neither a key character nor
/// `]` (`[\u{1}`, `[[[`, `[[ [`), and a date whose time starts with a colon (`1979-05-27T:`).
@Suite struct TOMLAssertionRegressionTests {
    private func load(_ text: String) -> Document {
        DocumentLoader.load(path: "post.md", text: text, parts: [.frontMatter])
    }

    /// Run in a child process: before the fix this aborted, which would end the test run itself.
    @Test func headersThatMadeTOMLAssertDoNotCrashTheProcess() async {
        await #expect(processExitsWith: .success) {
            for header in [
                "[\u{1}", "[[[", "[[ [x]]", "[ \u{7F}", "[é]", "title = 1\n[\u{0}]", "[[\u{1}",
                "x=1979-05-27T:", "x = 1979-05-27t:00:00", "x = [1979-05-27T:]", "x = {a = 2000-01-01T::}",
                // Found later: any character but a digit after the T, in plain or invalid UTF-8.
                "x = 1979-05-27T/7:32:00.999999-07:00", "x = 1979-05-27T\u{A0}07:32:00",
                "x = 1979-05-27T\u{1A}\u{1A}07:32:00-07:00", "x = [2000-01-01tX:00]",
                // And a value terminator where an array expects a value.
                "a = { b = { c = { d05 = [1,} } }", "x = [1, }", "x = [,]", "x = { a = [1,} }",
            ] {
                let document = DocumentLoader.load(
                    path: "post.md", text: "+++\n\(header)\n+++\nBody\n",
                    parts: [.frontMatter])
                precondition(document.frontMatter?.syntaxError != nil)
            }
        }
    }

    @Test func aHeaderWithoutAKeyIsASyntaxErrorAtItsPosition() throws {
        let document = load("+++\ntitle = \"x\"\n[[[\n+++\nBody\n")
        let error = try #require(document.frontMatter?.syntaxError)
        // "+++\n" is 4 bytes, "title = \"x\"\n" 12 more; the offending third `[` is 2 bytes into its line.
        #expect(error.offset == 18)
        #expect(error.reason.contains("table header"))
        #expect(document.frontMatter?.root == nil)
    }

    @Test func aTimeStartingWithAColonIsASyntaxErrorAtTheColon() throws {
        let document = load("+++\ndate = 1979-05-27T:32:00Z\n+++\nBody\n")
        let error = try #require(document.frontMatter?.syntaxError)
        // "+++\n" is 4 bytes and "date = 1979-05-27T" 18 more: the colon is at 22.
        #expect(error.offset == 22)
        #expect(error.reason.contains("time"))
    }

    /// The two inputs the fuzz targets saved, byte for byte (the second holds invalid UTF-8).
    @Test func theSavedFuzzInputsAreSyntaxErrors() async {
        await #expect(processExitsWith: .success) {
            let inputs: [[UInt8]] = [
                Array("+++\nx = 1979-05-27T/7:32:00.999999-07:00\ny = 0o755\nz = 0e400\nw = nan\n+++\n\nBody.\n".utf8),
                [0x2B, 0x2B, 0x2B, 0x0A] + Array("x = 1979-05-27T".utf8) + [UInt8](repeating: 0xA0, count: 8)
                    + Array("07:32:00.999999-07:00\ny = 0a= 5\nz = 1e400\nw".utf8) + [0xE0, 0xC2, 0xDF, 0x95]
                    + Array("an\n+++\n".utf8),
            ]
            for bytes in inputs {
                let document = DocumentLoader.load(path: "post.md", bytes: bytes, parts: [.frontMatter])
                precondition(document.frontMatter?.syntaxError != nil)
            }
        }
    }

    /// A bare key may look like a date followed by a T: only values are checked.
    @Test func aKeyThatLooksLikeADateIsNotAProblem() throws {
        let document = load("+++\n2000-01-01Tx = 1\ntable = { 2000-01-01Ty = 2 }\n+++\nBody\n")
        #expect(document.frontMatter?.syntaxError == nil)
        #expect(document.field("2000-01-01Tx")?.scalarText == "1")
    }

    @Test func datesAndTimesInStringsAndValidDatesStillParse() throws {
        let document = load(
            "+++\nnote = \"at 1979-05-27T:00\"\nwhen = 1979-05-27T07:32:00Z\nday = 1979-05-27\n# 2000-01-01T: comment\n+++\n")
        #expect(document.frontMatter?.syntaxError == nil)
        #expect(document.field("note")?.scalarText == "at 1979-05-27T:00")
        #expect(document.field("when") != nil)
    }

    @Test func bracketsInsideValuesAndStringsAreNotHeaders() throws {
        let text = """
            +++
            tags = [
              [ ],
              [[1], [2]],
              ["a"],
            ]
            inline = { a = [ [ ] ] }
            multi = \"\"\"
            [! is text here
            \"\"\"
            literal = '''
            [[[ also text
            '''
            quoted = "[ not a header"
            [params]
            x = 1
            [[menu]]
            name = 'm'
            +++
            Body

            """
        let document = load(text)
        #expect(document.frontMatter?.syntaxError == nil)
        #expect(document.field("multi")?.scalarText == "[! is text here\n")
        #expect(document.frontMatter?.root != nil)
    }

    @Test func validHeadersStillParse() throws {
        let document = load("+++\n[ params ]\nx = 1\n[[\"quoted key\"]]\ny = 2\n[a.'b'.c]\nz = 3\n+++\n")
        #expect(document.frontMatter?.syntaxError == nil)
        let params = try #require(document.field("params"))
        guard case .mapping(let entries) = params.value else {
            Issue.record("params is not a table")
            return
        }
        #expect(entries.map(\.key) == ["x"])
    }
}
