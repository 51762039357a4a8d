import Testing
import PostlintCore
@testable import PostlintParsing

/// The TOML grammar check that guards toml++: valid TOML 1.0 passes untouched, anything else is
/// reported at the byte where it goes wrong.
@Suite struct TOMLSyntaxTests {
    private func problem(_ text: String) -> TOMLSyntax.Problem? {
        TOMLSyntax.firstProblem(in: Array(text.utf8))
    }

    static let valid: [String] = [
        "",
        "\n\n# only a comment\n",
        "title = \"Hello\"\nslug = 'hello-world'",
        "title = \"Tab\\tand \\\"quotes\\\" and \\u00E9 and \\U0001F600\"",
        "path = 'C:\\Users\\nodejs\\templates'",
        "multi = \"\"\"\nRoses are red\nViolets are \"\"blue\"\"\"\"\"",
        "trimmed = \"\"\"\\\n    The quick \\\n    brown fox.\\\n    \"\"\"",
        "raw = '''\nFirst line\n  'quoted' ''\n'''",
        "five = ''''That,' she said, 'is it.'''''",
        "int = +99\nneg = -17\nzero = 0\nbig = 5_349_221\nhex = 0xDEAD_beef\noct = 0o755\nbin = 0b1101",
        "float = 3.1415\nexp = 5e+22\nboth = 6.626e-34\nunder = 224_617.445_991\nneg = -0.01",
        "specials = [inf, +inf, -inf, nan, +nan, -nan]",
        "yes = true\nno = false",
        "odt = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00.999999-07:00\nspace = 1979-05-27 07:32:00+01:30",
        "ldt = 1979-05-27T07:32:00\nld = 1979-05-27\nlt = 07:32:00\nlt2 = 00:32:00.999999\nlower = 1979-05-27t07:32:00z",
        "tags = [\"a\", 'b', \"\"\"c\"\"\"]\nnested = [[1, 2], [\"x\"], []]\ntrailing = [1, 2,]",
        "multiline = [\n  1, # one\n  2,\n\n  # a comment line\n  3\n]",
        "point = { x = 1, y = 2 }\nempty = {}\ndeep = { a = { b = [ { c = 1 } ] } }",
        "site.name = \"x\"\n\"quoted key\" = 1\n'literal key' = 2\na . b . c = 3\n\"\" = 4\n1234 = 5\n2000-01-01Tx = 6",
        "[params]\nx = 1\n[ spaced . 'quoted'.\"also\" ]\n[[menu.main]]\nname = 'Home'\n[[menu.main]]\nname = 'Blog' # trailing comment",
        "crlf = 1\r\nnext = 2\r\n",
        "unicode = \"café — 日本\" # ünïcödé comment",
    ]

    @Test(arguments: valid)
    func validTOMLPasses(_ text: String) {
        #expect(problem(text) == nil, "\(text.debugDescription): \(String(describing: problem(text)))")
    }

    /// Each invalid text with the offset of the byte the problem is reported at.
    static let invalid: [(String, Int)] = [
        ("[[[", 2), ("[\u{1}]", 1), ("[a", 2), ("[[a]", 3), ("[]", 1),
        ("x = 1979-05-27T:32:00Z", 15), ("x = 1979-05-27T/7:32", 15), ("x = 1979-05-27T07:32", 20),
        ("x = [1,}", 7), ("x = [,]", 5), ("x = [1 2]", 7), ("x = {a = 1,}", 11), ("x = {a = 1\n}", 10),
        ("x = ", 4), ("x", 1), ("= 1", 0), ("x = 1 y = 2", 6), ("x = truex", 8),
        ("x = 01", 5), ("x = 1__0", 5), ("x = 1_", 5), ("x = _1", 4), ("x = 0x", 6), ("x = 1.", 6), ("x = 1e", 6),
        ("x = \"open", 9), ("x = \"a\nb\"", 6), ("x = 'a\u{7}'", 6), ("x = \"\\q\"", 5), ("x = \"\\uD800\"", 5),
        ("x = \"\"\"never closed", 19), ("x = '''a''''''", 13), ("x = 1 # bell \u{7}", 13),
        ("x = 1\ry = 2", 5), ("x = 1979-13", 11), ("x = 12:3", 8),
    ]

    @Test(arguments: invalid)
    func invalidTOMLIsReportedWhereItGoesWrong(_ text: String, _ offset: Int) {
        let found = problem(text)
        #expect(found != nil, "\(text.debugDescription) passed")
        #expect(found?.offset == offset, "\(text.debugDescription): \(String(describing: found))")
    }

    @Test func nestingIsBounded() {
        let deep = "x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(problem(deep)?.reason.contains("nested too deeply") == true)
        let fine = "x = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(problem(fine) == nil)
    }

    /// A table header or dotted key of 40,000 parts (80 KB) made toml++ and the conversion after it
    /// recurse once a part, copying the path each time, until the stack overflowed. The part that
    /// nests one level too deep is reported, before toml++ sees the text.
    @Test func headersAndDottedKeysNestNoDeeperThanTheLimit() {
        let limit = ParserLimits.tomlNesting
        let header = "[" + String(repeating: "a.", count: 40_000) + "b]\nk = 1\n"
        let tooLong = problem(header)
        #expect(tooLong?.reason.contains("more than \(limit) levels") == true, "\(String(describing: tooLong))")
        #expect(tooLong?.offset == 1 + 2 * limit)
        let dotted = "title = 'x'\n" + String(repeating: "a.", count: 40_000) + "b = 1\n"
        #expect(problem(dotted)?.offset == 12 + 2 * limit)
        // The header's parts and the key's add up: a key under a header of limit - 1 parts may have one part.
        let deepHeader = "[" + Array(repeating: "a", count: limit - 1).joined(separator: ".") + "]\n"
        #expect(problem(deepHeader + "k = 1\n") == nil)
        #expect(problem(deepHeader + "k.j = 1\n")?.offset == deepHeader.utf8.count + 2)
        #expect(problem(deepHeader + "k = [1]\n")?.reason.contains("nested too deeply") == true)
        // Inline tables count too.
        let inline = "x = " + String(repeating: "{a.b = ", count: limit) + "1" + String(repeating: "}", count: limit)
        #expect(problem(inline) != nil)
        #expect(problem(String(repeating: "a.", count: limit - 1) + "b = 1") == nil)
    }

    /// toml++ keeps a node per value: more keys and values than the limit are refused at the first
    /// one past it, so its memory stays bounded whatever the size of the front matter.
    @Test func keysAndValuesAreCountedAndBounded() {
        let limit = ParserLimits.tomlValues
        let items = "x = [" + String(repeating: "1,", count: limit) + "]\n"
        let found = problem(items)
        #expect(found?.reason.contains("more than \(limit) keys and values") == true, "\(String(describing: found))")
        // x, the array, then limit - 2 items fit: the next item is refused.
        #expect(found?.offset == 5 + 2 * (limit - 2))
        #expect(problem("x = [" + String(repeating: "1,", count: limit - 3) + "]\n") == nil)
    }

    @Test func invalidUTF8SubstitutesAreControlsInStringsButFineNowhereElse() {
        #expect(problem("x = \"a\u{1A}b\"") != nil)
        #expect(problem("x = 1\u{1A}") != nil)
    }
}
