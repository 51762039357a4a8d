import Testing
import PostlintTestSupport
import PostlintCore
@testable import PostlintParsing

@Suite struct FrontMatterParsingTests {
    private func load(_ text: String) -> Document {
        DocumentLoader.load(path: "post.md", text: text, parts: [.frontMatter])
    }

    private func text(_ document: Document, _ range: ByteRange) -> String {
        document.source.string(in: range)
    }

    @Test func positionsYAMLValuesInTheFile() throws {
        let document = load("---\ntitle: \"Hello — world\"\nslug: my-slug  # comment\nkeywords: [one, \"two\"]\n---\nBody\n")
        let root = try #require(document.frontMatter?.root)
        let slug = try #require(root["slug"])
        #expect(slug.scalarText == "my-slug")
        #expect(text(document, slug.range) == "my-slug")
        #expect(document.location(of: slug.range.lowerBound) == SourceLocation(line: 3, column: 7))
        let title = try #require(root["title"])
        #expect(text(document, title.range) == "\"Hello — world\"")
        let keywords = try #require(root["keywords"]?.items)
        #expect(keywords.map { text(document, $0.range) } == ["one", "\"two\""])
        #expect(text(document, try #require(root["keywords"]).range) == "[one, \"two\"]")
        #expect(document.bodyRange.lowerBound == Array(document.source.text.utf8).count - 5)
    }

    @Test func resolvesScalarTypes() throws {
        let root = try #require(load("---\na: 12\nb: true\nc: ~\nd: '12'\ne: 2024-05-01\nf: 1.5\n---\n").frontMatter?.root)
        let kinds = ["a", "b", "c", "d", "e", "f"].map { key -> FrontMatterScalar.Kind? in
            if case .scalar(let scalar) = root[key]?.value { return scalar.kind }
            return nil
        }
        #expect(kinds == [.integer, .boolean, .null, .string, .date, .float])
    }

    @Test func handlesCRLFAndByteOrderMark() throws {
        let document = load("\u{FEFF}---\r\ntitle: CRLF post\r\nslug: crlf\r\n---\r\nBody\r\n")
        let root = try #require(document.frontMatter?.root)
        let slug = try #require(root["slug"])
        #expect(text(document, slug.range) == "crlf")
        #expect(document.location(of: slug.range.lowerBound) == SourceLocation(line: 3, column: 7))
    }

    @Test func reportsSyntaxErrorsAtFilePositions() throws {
        let document = load("---\ntitle: ok\nslug: [unclosed\n---\nBody\n")
        let error = try #require(document.frontMatter?.syntaxError)
        #expect(document.frontMatter?.root == nil)
        #expect(document.location(of: error.offset).line >= 3)
        #expect(!error.reason.isEmpty)
    }

    @Test func tabsInIndentationAreASyntaxError() throws {
        let document = load("---\ntags:\n\t- a\n---\n")
        let error = try #require(document.frontMatter?.syntaxError)
        #expect(document.location(of: error.offset).line == 3)
    }

    @Test func unclosedFrontMatterIsAnError() throws {
        let document = load("---\ntitle: never closed\n\nBody text\n")
        let error = try #require(document.frontMatter?.syntaxError)
        #expect(error.reason.contains("never closed"))
        #expect(error.offset == 0)
    }

    @Test func duplicateKeysKeepTheLaterValueAndAreRecorded() throws {
        let document = load("---\ntitle: First\nslug: a\ntitle: Second\n---\n")
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter.syntaxError == nil)
        #expect(frontMatter.root?["title"]?.scalarText == "Second")
        #expect(frontMatter.duplicateKeys.map(\.key) == ["title"])
        // Reported where the dropped value is: the earlier occurrence.
        let duplicate = try #require(frontMatter.duplicateKeys.first)
        #expect(document.location(of: duplicate.keyRange.lowerBound) == SourceLocation(line: 2, column: 1))
    }

    @Test func aliasBombFinishesFastWithAnError() throws {
        var yaml = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "---\n"
        let clock = ContinuousClock()
        var document: Document?
        let elapsed = clock.measure { document = load(yaml) }
        let error = try #require(document?.frontMatter?.syntaxError)
        #expect(error.reason.contains("expands"))
        #expect(elapsed < HangGuard.duration(5))
    }

    @Test func deepNestingIsRefusedBeforeParsing() throws {
        let depth = 50_000
        let flow = "---\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
        let flowError = try #require(load(flow).frontMatter?.syntaxError)
        #expect(flowError.reason.contains("nested"))
        var block = "---\n"
        for level in 0..<300 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        block += "---\n"
        let blockError = try #require(load(block).frontMatter?.syntaxError)
        #expect(blockError.reason.contains("nested"))
        let sequences = "---\nx:\n" + String(repeating: "- ", count: 20_000) + "1\n---\n"
        #expect(load(sequences).frontMatter?.syntaxError?.reason.contains("nested") == true)
    }

    @Test func largeFrontMatterParses() throws {
        var yaml = "---\n"
        var index = 0
        while yaml.utf8.count < 5_000_000 {
            yaml += "key\(index): \"a value that is long enough to fill the block quickly \(index)\"\n"
            index += 1
        }
        yaml += "---\nBody\n"
        let document = load(yaml)
        #expect(document.frontMatter?.syntaxError == nil)
        #expect(document.frontMatter?.root?["key\(index - 1)"] != nil)
    }

    @Test func blockScalarsDoNotCountAsNesting() throws {
        let document = load(
            "---\nexcerpt: |\n" + String(repeating: "    deeply indented text\n", count: 3)
                + "        more\ntitle: x\n---\n")
        #expect(document.frontMatter?.syntaxError == nil)
        #expect(document.frontMatter?.root?["title"]?.scalarText == "x")
    }

    @Test func parsesTOMLWithKeyPositions() throws {
        let document = load(
            "+++\ntitle = \"TOML post\"\nslug = \"toml-post\"\nkeywords = [\"a\", \"b\"]\n[params]\ncover = \"c.png\"\n+++\nBody\n"
        )
        let root = try #require(document.frontMatter?.root)
        #expect(document.frontMatter?.block.format == .toml)
        let slug = try #require(root["slug"])
        #expect(slug.scalarText == "toml-post")
        #expect(text(document, slug.range) == "\"toml-post\"")
        #expect(root["keywords"]?.items?.compactMap(\.scalarText) == ["a", "b"])
        #expect(root["params"]?["cover"]?.scalarText == "c.png")
        #expect(document.location(of: try #require(root["params"]?["cover"]).range.lowerBound).line == 6)
    }

    @Test func reportsTOMLErrorsAtFilePositions() throws {
        let document = load("+++\ntitle = \"ok\"\nslug = = \"x\"\n+++\n")
        let error = try #require(document.frontMatter?.syntaxError)
        #expect(document.location(of: error.offset).line == 3)
    }

    @Test func filesWithoutFrontMatter() {
        #expect(load("").frontMatter == nil)
        #expect(load("# Just a heading\n").frontMatter == nil)
        #expect(load("----\nnot a fence\n").frontMatter == nil)
        let onlyFrontMatter = load("---\ntitle: x\n---")
        #expect(onlyFrontMatter.frontMatter?.root?["title"]?.scalarText == "x")
        #expect(onlyFrontMatter.bodyRange.isEmpty)
    }

    @Test func invalidBytesInFrontMatterDoNotBreakParsing() throws {
        var bytes = Array("---\ntitle: caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\nslug: cafe\n---\n".utf8)
        let document = DocumentLoader.load(path: "p.md", bytes: bytes, parts: [.frontMatter])
        #expect(document.frontMatter?.syntaxError == nil)
        #expect(document.frontMatter?.root?["slug"]?.scalarText == "cafe")
    }
}
