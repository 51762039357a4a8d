import Testing
import PostlintCore
import PostlintJSON

@Suite struct JSONValueDecoderTests {
    private struct Position: Decodable, Equatable {
        var line: Int
        var character: Int
    }

    private struct Params: Decodable {
        var uri: String
        var position: Position
        var tags: [String]?
        var flag: Bool?
        var raw: JSONValue?
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONValueDecoder().decode(type, from: JSONParser.parse(Array(text.utf8), maximumDepth: ParserLimits.jsonNesting))
    }

    @Test func decodesMembersNestedValuesAndValuesKeptAsTheyCame() throws {
        let params = try decode(
            Params.self, #"{"uri": "file:///a.md", "position": {"line": 2, "character": 3.0}, "tags": ["x"], "raw": {"k": [1]}}"#)
        #expect(params.uri == "file:///a.md")
        #expect(params.position == Position(line: 2, character: 3))
        #expect(params.tags == ["x"])
        #expect(params.flag == nil)
        #expect(params.raw == ["k": [1]])
    }

    @Test func anOptionalMemberOfTheWrongTypeReadsAsAbsent() throws {
        let params = try decode(Params.self, #"{"uri": "u", "position": {"line": 0, "character": 0}, "tags": 5, "flag": "yes"}"#)
        #expect(params.tags == nil)
        #expect(params.flag == nil)
    }

    @Test func aRequiredMemberMissingOrWrongIsNamedByItsPath() {
        #expect(throws: DecodingError.self) { try decode(Params.self, #"{"position": {"line": 0, "character": 0}}"#) }
        do {
            _ = try decode(Params.self, #"{"uri": "u", "position": {"line": 0}}"#)
            Issue.record("decoded without position.character")
        } catch {
            #expect(JSONValueDecoder.describe(error) == "position.character is required")
        }
        do {
            _ = try decode(Params.self, #"{"uri": "u", "position": {"line": 1.5, "character": 0}}"#)
            Issue.record("decoded a fraction as a line")
        } catch {
            #expect(JSONValueDecoder.describe(error) == "position.line must be an integer")
        }
        do {
            _ = try decode([Position].self, #"[{"line": 0, "character": 0}, {"line": "x", "character": 0}]"#)
            Issue.record("decoded a string as a line")
        } catch {
            #expect(JSONValueDecoder.describe(error) == "[1].line must be an integer")
        }
    }

    @Test func roundTripsWhatTheOrderedEncoderWrites() throws {
        struct Message: Codable, Equatable {
            var id: Int
            var method: String
            var values: [Double]
        }
        let message = Message(id: 7, method: "m", values: [1.5, -2])
        let encoded = try OrderedJSONEncoder().encode(message)
        #expect(encoded.text == #"{"id":7,"method":"m","values":[1.5,-2]}"#)
        #expect(try JSONValueDecoder().decode(Message.self, from: encoded) == message)
    }
}
