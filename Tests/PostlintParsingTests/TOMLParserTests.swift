import Testing
import PostlintCore
@testable import PostlintParsing

/// The TOML parser: valid TOML 1.0 becomes a positioned tree (every key, table, item and value with
/// its own range), anything else is reported at the byte where it goes wrong.
@Suite struct TOMLParserTests {
    private func problem(_ text: String) -> TOMLParser.Problem? {
        TOMLParser.firstProblem(in: Array(text.utf8))
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

    // MARK: - The tree

    private func tree(_ text: String) throws -> FrontMatterNode {
        try TOMLParser.parse(Array(text.utf8)).get()
    }

    private func slice(_ text: String, _ range: ByteRange) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    @Test func everyArrayItemHasItsOwnRange() throws {
        let text = "tags = [\"a\", 'b' , \"\"\"c\nd\"\"\",\n  # note\n  [1, 2.5], { x = 1 },\n]\n"
        let tags = try #require(try tree(text)["tags"])
        let items = try #require(tags.items)
        #expect(items.map { slice(text, $0.range) } == ["\"a\"", "'b'", "\"\"\"c\nd\"\"\"", "[1, 2.5]", "{ x = 1 }"])
        #expect(items[3].items?.map { slice(text, $0.range) } == ["1", "2.5"])
        #expect(slice(text, tags.range) == String(text.dropFirst(7).dropLast()))
        #expect(items[2].scalarText == "c\nd")
    }

    @Test func keysAndTablesHaveTheirOwnRanges() throws {
        let text = "a.b = 1 # c\n\"q.k\" = 'v'\n[params]\ncover = \"c.png\"\n[[menu]]\nname = 'one'\n[[menu]]\nname = 'two'\n"
        let root = try tree(text)
        guard case .mapping(let entries) = root.value else {
            Issue.record("not a mapping")
            return
        }
        #expect(entries.map(\.key) == ["a", "q.k", "params", "menu"])
        #expect(entries.map { slice(text, $0.keyRange) } == ["a", "\"q.k\"", "params", "menu"])
        let b = try #require(root["a"]?.entry(named: "b"))
        #expect(slice(text, b.keyRange) == "b")
        #expect(slice(text, b.value.range) == "1")
        #expect(root["a"]?.range.lowerBound == 0)
        let params = try #require(root["params"])
        #expect(slice(text, params.range) == "[params]\ncover = \"c.png\"")
        let menus = try #require(root["menu"]?.items)
        #expect(menus.map { slice(text, $0.range) } == ["[[menu]]\nname = 'one'", "[[menu]]\nname = 'two'"])
        #expect(menus.compactMap { $0["name"]?.scalarText } == ["one", "two"])
        let inlineText = "p = { x = 1, y.z = 'w' }"
        let inline = try #require(try tree(inlineText)["p"])
        #expect(inline.entry(named: "y")?.value["z"]?.scalarText == "w")
        #expect(slice(inlineText, inline.range) == "{ x = 1, y.z = 'w' }")
    }

    @Test func scalarsReadAsATOMLReaderPresentsThem() throws {
        let lines = [
            "hex = 0xDEAD_beef", "oct = 0o755", "bin = 0b1101", "signed = +99", "low = -9223372036854775808",
            "float = 224_617.445_991", "exp = 1E6", "special = [-inf, nan]", "yes = true",
            "odt = 1979-05-27 07:32:00.999999000-00:00", "offset = 1979-05-27t07:32:00+05:30",
            "local = 07:32:00.500", "day = 2024-02-29", #"escaped = "tab\t\u00E9\U0001F600""#,
            #"literal = 'C:\path'"#, "trimmed = \"\"\"\\\n    one \\\n    two\"\"\"", "crlf = '''\r\nx\r\ny'''",
        ]
        let root = try tree(lines.joined(separator: "\n"))
        func value(_ key: String) -> String? { root[key]?.scalarText }
        #expect(value("hex") == "3735928559")
        #expect(value("oct") == "493")
        #expect(value("bin") == "13")
        #expect(value("signed") == "99")
        #expect(value("low") == "-9223372036854775808")
        #expect(value("float") == "224617.445991")
        #expect(value("exp") == "1000000.0")
        #expect(root["special"]?.items?.compactMap(\.scalarText) == ["-inf", "nan"])
        #expect(root["yes"]?.typeName == "boolean")
        #expect(value("odt") == "1979-05-27T07:32:00.999999Z")
        #expect(root["odt"]?.typeName == "date")
        #expect(value("offset") == "1979-05-27T07:32:00+05:30")
        #expect(value("local") == "07:32:00.5")
        #expect(value("day") == "2024-02-29")
        #expect(value("escaped") == "tab\té😀")
        #expect(value("literal") == #"C:\path"#)
        #expect(value("trimmed") == "one two")
        #expect(value("crlf") == "x\ny")
        #expect(root["hex"]?.typeName == "integer")
        #expect(root["float"]?.typeName == "float")
    }

    /// What the grammar allows but TOML's data model forbids, each at the byte of the key that
    /// breaks it.
    static let modelErrors: [(String, Int, String)] = [
        ("a = 1\na = 2", 6, "already defined"),
        ("a = 1\n\"a\" = 2", 6, "already defined"),
        ("[a]\nx = 1\n[a]", 11, "already defined"),
        ("[a.b]\n[a]\n[a]", 11, "already defined"),
        ("a.b = 1\n[a.b]", 11, "a value"),
        ("a.b.c = 1\n[a.b]", 13, "already defined"),
        ("a = { b = 1 }\n[a]", 15, "inline table"),
        ("a = { b = 1 }\na.c = 2", 14, "inline table"),
        ("a = { b = 1 }\n[a.c]", 15, "inline table"),
        ("a = [1]\n[[a]]", 10, "an array"),
        ("a = 1\n[a.b]", 7, "a value"),
        ("[[a]]\n[a]", 7, "array of tables"),
        ("[a]\n[[a]]", 6, "already a table"),
        ("[a]\nb.c = 1\n[x]\n[a.b.e]\n[a]\nb.d = 1", 25, "already defined"),
        ("[a]\nb.c = 1\n[x]\n[a.b.e]\nz = 1\n[y]\n[a.b]", 37, "already defined"),
        ("[a.b]\n[a]\nb.c = 1", 10, "defined by a header"),
        ("x = { a.b = 1, a = 2 }", 15, "already defined"),
        ("x = { a = { b = 1 }, a.c = 2 }", 21, "inline table"),
        ("i = 9223372036854775808", 4, "64 bits"),
        ("i = 0x8000000000000000", 4, "64 bits"),
        ("d = 2023-02-29", 4, "calendar"),
        ("d = 2021-04-31", 4, "calendar"),
        ("t = 24:00:00", 4, "time of day"),
        ("t = 1979-05-27T23:59:60Z", 15, "time of day"),
        ("t = 1979-05-27T07:32:00+24:00", 23, "offset"),
    ]

    @Test(arguments: modelErrors)
    func theDataModelIsEnforcedWhereItBreaks(_ text: String, _ offset: Int, _ reason: String) {
        let found = problem(text)
        #expect(found?.offset == offset, "\(text.debugDescription): \(String(describing: found))")
        #expect(found?.reason.contains(reason) == true, "\(text.debugDescription): \(String(describing: found))")
    }

    /// TOML 1.0 allows these: tables reached again through an array of tables, sub-tables of a
    /// table made by dotted keys, an implicit table defined later, dotted keys in one section.
    @Test func theDataModelAllowsWhatTOMLAllows() throws {
        for text in [
            "[a.b.c]\n[a]\nx = 1", "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true",
            "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2", "a.b.c = 1\na.b.d = 2\na.e = 3",
            "[a.b.c]\n[a]\nb.d = 1", "\u{FEFF}title = 'with a byte order mark'",
        ] {
            #expect(problem(text) == nil, "\(text.debugDescription): \(String(describing: problem(text)))")
        }
        let root = try tree("[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2")
        #expect(root["a"]?.items?.compactMap { $0["b"]?["x"]?.scalarText } == ["1", "2"])
    }
}
