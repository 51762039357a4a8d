import Testing
import PostlintTestSupport
@testable import PostlintEngine

/// Permalink patterns are expanded in one pass, longest token first, unknown tokens kept.
@Suite struct PermalinkPatternTests {
    private func expand(_ pattern: String) -> String {
        PermalinkPattern.expand(pattern) { token in
            ["year": "2024", "month": "03", "i_month": "3", "title": "frost", "output_ext": ".html"][String(token)]
        }
    }

    @Test func tokensAreReplacedLongestFirst() {
        #expect(expand("/:year/:i_month/:title:output_ext") == "/2024/3/frost.html")
        #expect(expand("/:year/:month/:title/") == "/2024/03/frost/")
        #expect(expand("/:titles/:unknown/:") == "/frosts/:unknown/:")
        #expect(expand("") == "")
    }

    /// An ASCII pattern expanded byte by byte is what expanding it a character at a time gives,
    /// the tokens asked for included, on patterns made of tokens, near-tokens, colons and CR LF.
    @Test func asciiPatternsExpandByBytesAsByCharacters() {
        let pieces = [":", "::", ":year", ":i_month", ":title", ":titles", ":output_ext", ":_", "/", "a", "\r\n", "-", "9"]
        var random = SeededRandom(seed: 5)
        for _ in 0..<5_000 {
            let pattern = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var askedByBytes: [String] = []
            var askedByCharacters: [String] = []
            let values = ["year": "2024", "i_month": "3", "title": "ü/x", "output_ext": ".html", "_": ":year"]
            let byBytes = PermalinkPattern.expandASCII(pattern) { token in
                askedByBytes.append(String(token))
                return values[String(token)]
            }
            let byCharacters = PermalinkPattern.expandByCharacters(pattern) { token in
                askedByCharacters.append(String(token))
                return values[String(token)]
            }
            #expect(byBytes == byCharacters && askedByBytes == askedByCharacters, "\(pattern.debugDescription)")
        }
    }
}
