import Testing
import PostlintCore
import PostlintJSON
import PostlintTestSupport

@Suite struct JSONParserTests {
    private func parse(_ text: String) -> JSONValue? {
        try? JSONParser.parse(Array(text.utf8), maximumDepth: ParserLimits.jsonNesting)
    }

    @Test func parsesEveryKindOfValue() {
        let value = parse(#" {"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}} "#)
        #expect(value?["a"] == [1, .number("-2.5e1"), true, false, nil])
        #expect(value?["a"]?.arrayValue?.map(\.doubleValue) == [1, -25, nil, nil, nil])
        #expect(value?["b"]?["c"]?.stringValue == "d")
    }

    /// Strings made of what needs escaping and what does not (U+2028 and a lone `E2` lead byte
    /// among them), written and read back: the same string, and written only with ASCII escapes
    /// for controls.
    @Test func writtenStringsReadBackAsTheyWere() {
        let pieces = [
            "a", "Zz", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}",
            "é", "€", "\u{2028}", "\u{2029}", "\u{2027}", "🍮", " ",
        ]
        var random = SeededRandom(seed: 29)
        for _ in 0..<2000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let written = JSONValue.string(text).serialized(.compact)
            #expect(!written.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 })
            #expect(parse(written)?.stringValue == text, "\(text.debugDescription)")
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() {
        #expect(parse(#""a\"\\\/\n\t\u00e9\ud83c\udf89""#)?.stringValue == "a\"\\/\n\té🎉")
        #expect(parse(#""\ud800x""#)?.stringValue == "\u{FFFD}x")
    }

    @Test(arguments: ["", "{", "[1,]", #"{"a" 1}"#, "tru", "01", "1.", "\"\u{01}\"", #""\x""#, "{} {}", "nul"])
    func rejectsMalformedText(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse(deep) == nil)
        let allowed =
            String(repeating: "[", count: ParserLimits.jsonNesting) + String(repeating: "]", count: ParserLimits.jsonNesting)
        #expect(parse(allowed) != nil)
    }

    @Test func serializationRoundTrips() {
        let value: JSONValue = ["s": "quote \" backslash \\ newline \n control \u{01} 🎉", "n": 42, "f": .number("1.5"), "z": nil]
        #expect(parse(value.text) == value)
        #expect(JSONValue.int(42).text == "42")
    }

    @Test func readsIntegersAsEveryJSONReaderWould() {
        #expect(parse("3")?.intValue == 3)
        #expect(parse("3.0")?.intValue == 3)
        #expect(parse("-3e2")?.intValue == -300)
        #expect(parse("3.5")?.intValue == nil)
        #expect(parse("9007199254740993")?.intValue == nil, "over 2^53: not exact in every reader")
        #expect(parse("-9223372036854775808")?.intValue == nil)
        #expect(parse("1" + String(repeating: "0", count: 400))?.intValue == nil)
        #expect(parse("1e400")?.doubleValue == .infinity)
    }
}
