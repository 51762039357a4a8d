import Testing
import PostlintCore
@testable import PostlintLanguageServer

@Suite struct JSONParserTests {
    private func parse(_ text: String) -> JSON? {
        try? JSONParser.parse(Array(text.utf8), maximumDepth: ParserLimits.jsonNesting)
    }

    @Test func parsesEveryKindOfValue() {
        let value = parse(#" {"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}} "#)
        #expect(value?["a"] == [1, .number(-25), true, false, nil])
        #expect(value?["b"]?["c"]?.stringValue == "d")
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
        let allowed = String(repeating: "[", count: ParserLimits.jsonNesting) + String(repeating: "]", count: ParserLimits.jsonNesting)
        #expect(parse(allowed) != nil)
    }

    @Test func serializationRoundTrips() {
        let value: JSON = ["s": "quote \" backslash \\ newline \n control \u{01} 🎉", "n": 42, "f": .number(1.5), "z": nil]
        #expect(parse(value.text) == value)
        #expect(JSON.int(42).text == "42")
    }
}
