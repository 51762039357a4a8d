import Testing
import PostlintTestSupport
import PostlintCore
@testable import PostlintParsing

/// `FlatYAMLParser` must give exactly the tree libyaml gives, or decline. These tests compare the
/// two on generated front matter made of the shapes posts use and of the near misses that must go
/// to libyaml (escapes, indicators, nesting, continuation lines, odd characters).
@Suite struct FlatYAMLParserTests {
    private static let keys = [
        "title", "slug", "excerpt", "keywords", "tags", "date", "draft", "cover", "author",
        "weight", "x-y", "a_b", "2024", "y", "on", "null", "\"quoted\"", "-bad", "two words",
        "<<", "key ", "Title", "ms.date", "-api-id", "a.b.c", "x.", ".x", "-1", "--x", "-", "- x",
    ]

    /// Values posts use.
    private static let usualScalars = [
        "plain words", "A title: with a colon inside", "\"Quoted — title\"", "'single quoted'", "2024-05-01", "true",
        "12", "images/cover-1.png", "[swift, \"static sites\", 'linting']", "[]", "résumé tips", "tips #1",
        "C# tips", "-5", "1.5", "~", "\"\"", "[a b, c-d]", "https://example.com/a?b=c#d",
    ]

    /// Values posts use and near misses that libyaml must judge.
    private static let scalars = [
        "plain words", "Hello world", "C# tips", "tips #1", "a: b", "a:b", "a:", "-5", "- a", "-", "yes", "No", "~",
        "12", "012", "0x1F", "1_000", "1.5e3", ".5", "+.inf", "2024-05-01", "2024-05-01 10:00:00", "2024-5-1T10:00:00Z",
        "\"quoted\"", "\"\"", "''", "\"esc \\\" q\"", "\"back\\\\slash\"", "'single'", "'it''s'", "\"a\" # c", "\"a\" b",
        "'a' b", "'unclosed", "\"unclosed", "&anchor x", "*alias", "!tag x", "!!str 5", "|", ">", "%x", "@x", "`x`",
        "?x", "? x", ":x", "é — ü", "x\u{00A0}y", "naïve café", "trailing   ", "a # comment", "a #", "#nocomment",
        "a\tb", "x\u{0085}y", "x\u{2028}y", "\u{FEFF}x", "x\u{0001}y", "x\u{007F}", "images/cover.png",
        "https://example.com/a?b=c#d", "a, b", "a [b] {c}", "50%", "a | b > c", "a ' b \" c", "x\u{FFFE}",
        "Ünïcödé 🎉", "a  b   c", "{a: b}", "{}", "[a, b]", "[]", "[ ]", "[ \"x\" , 'y' ]", "[a, [b]]", "[a,]",
        "[a: b]", "[a, b] tail", "[a, b] # c", "[a #c]", "[a, , b]", "[-1, 2]", "[a b, c-d]", "[é, 🎉]",
        "[\"a\\\"b\"]", "['it''s']", "[a, \"b\" c]", "[a", "[a, b]]", "[true, 1, 2024-01-01, ~]",
    ]

    private static func element<T>(_ array: [T], _ random: inout SeededRandom) -> T {
        array[Int(random.next() % UInt64(array.count))]
    }

    /// One generated front matter text (without fences).
    private static func frontMatter(_ random: inout SeededRandom) -> String {
        func scalar(_ random: inout SeededRandom) -> String {
            random.next() % 100 < 85 ? element(usualScalars, &random) : element(scalars, &random)
        }
        var lines: [String] = []
        let entries = 1 + Int(random.next() % 6)
        for _ in 0..<entries {
            let roll = random.next() % 100
            // Mostly keys posts use, sometimes odd ones.
            let key = roll < 85 ? element(Array(keys.prefix(12)), &random) : element(keys, &random)
            let shape = random.next() % 100
            if shape < 60 {
                lines.append("\(key): \(scalar(&random))")
            } else if shape < 66 {
                lines.append("\(key):\(element(["", " ", "  ", " # c"], &random))")
            } else if shape < 90 {
                lines.append("\(key):")
                let indent = element(["", "  ", "    ", " "], &random)
                for _ in 0..<(1 + Int(random.next() % 4)) {
                    let item = scalar(&random)
                    let roll = random.next() % 100
                    lines.append(
                        roll < 85
                            ? "\(indent)- \(item)"
                            : element(["\(indent)-  \(item)", "\(indent)-\(item)", "\(indent)- ", "# between"], &random))
                }
            } else if shape < 93 {
                lines.append("\(key):")
                lines.append(element(["  nested: x", "  - a\n    b", "  nested:\n    - a", "\tx"], &random))
            } else if shape < 97 {
                lines.append("\(key):")
                lines += nestedMapping(indent: 1 + Int(random.next() % 4), depth: 2, &random)
            } else {
                lines.append("\(key): \(scalar(&random))")
                lines.append(
                    element(
                        [
                            "  continued", "# comment", "  # indented comment", "", "   ", "---", "...",
                            "- stray",
                        ], &random))
            }
            if random.next() % 12 == 0 { lines.append(element(["", "# note", "  ", "#"], &random)) }
        }
        let text = lines.joined(separator: "\n") + "\n"
        // Windows' line breaks in one text in eight, and now and then a stray carriage return.
        let roll = random.next() % 40
        if roll < 5 { return text.replacingOccurrences(of: "\n", with: "\r\n") }
        if roll == 5 { return text.replacingOccurrences(of: ": ", with: ":\r ") }
        return text
    }

    /// The lines of a block mapping at column `indent` (Hugo's `params:`, a menu entry), some with
    /// nested mappings and sequences of their own, some with the near misses libyaml must judge:
    /// lines indented between two levels, continuation lines, a sequence left of its key.
    private static func nestedMapping(indent: Int, depth: Int, _ random: inout SeededRandom) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let key = random.next() % 100 < 85 ? element(Array(keys.prefix(12)), &random) : element(keys, &random)
            let shape = random.next() % 100
            if shape < 55 || depth >= 6 {
                lines.append(
                    "\(pad)\(key): \(random.next() % 100 < 85 ? element(usualScalars, &random) : element(scalars, &random))")
            } else if shape < 62 {
                lines.append("\(pad)\(key):")
            } else if shape < 77 {
                lines.append("\(pad)\(key):")
                let itemPad = String(repeating: " ", count: indent + element([0, 0, 2, 1], &random))
                for _ in 0..<(1 + Int(random.next() % 3)) { lines.append("\(itemPad)- \(element(usualScalars, &random))") }
            } else if shape < 94 {
                lines.append("\(pad)\(key):")
                lines += nestedMapping(indent: indent + 1 + Int(random.next() % 3), depth: depth + 1, &random)
            } else {
                lines.append("\(pad)\(key): \(element(usualScalars, &random))")
                let odd = [" continued", "- stray", "x: y", "# comment", ""]
                let oddPad = String(repeating: " ", count: max(0, indent + element([-1, 1, 2, 0], &random)))
                lines.append(oddPad + element(odd, &random))
            }
        }
        return lines
    }

    /// A text form of a tree with every range, kind and text, for comparison.
    private static func describe(_ node: FrontMatterNode?) -> String {
        guard let node else { return "nil" }
        let range = "\(node.range.lowerBound)..<\(node.range.upperBound)"
        switch node.value {
        case .scalar(let scalar):
            return "\(scalar.kind.rawValue)(\(scalar.text.debugDescription))@\(range)"
        case .sequence(let items):
            return "[" + items.map { describe($0) }.joined(separator: ", ") + "]@\(range)"
        case .mapping(let entries):
            let inner = entries.map { entry in
                "\(entry.key.debugDescription)@\(entry.keyRange.lowerBound)..<\(entry.keyRange.upperBound): "
                    + describe(entry.value)
            }
            return "{" + inner.joined(separator: ", ") + "}@\(range)"
        }
    }

    private struct Parsed {
        var flat: FrontMatterNode?
        var libYAML: PositionedYAML.Result
    }

    private static func parseBoth(_ content: String, version: YAMLVersion = .v1_1) -> Parsed {
        let source = SourceText("---\n" + content + "---\nBody\n")
        let range = 4..<(4 + content.utf8.count)
        let flat = source.bytes.withUnsafeBufferPointer {
            FlatYAMLParser.parse(UnsafeBufferPointer(rebasing: $0[range]), fileOffset: range.lowerBound, version: version)
        }
        return Parsed(flat: flat, libYAML: PositionedYAML.parseWithLibYAML(source, content: range, version: version))
    }

    @Test func agreesWithLibYAMLOnGeneratedFrontMatter() {
        var random = SeededRandom(seed: 0x5EED_F1A7)
        var accepted = 0
        var declined = 0
        var acceptedNested = 0
        var acceptedCRLF = 0
        for _ in 0..<6_000 {
            let content = Self.frontMatter(&random)
            let parsed = Self.parseBoth(content)
            guard let flat = parsed.flat else {
                declined += 1
                continue
            }
            accepted += 1
            if case .mapping(let entries) = flat.value, entries.contains(where: { $0.value.typeName == "map" }) {
                acceptedNested += 1
            }
            if content.contains("\r\n") { acceptedCRLF += 1 }
            #expect(parsed.libYAML.error == nil, "flat parser accepted what libyaml rejects: \(content.debugDescription)")
            #expect(parsed.libYAML.duplicateKeys.isEmpty, "\(content.debugDescription)")
            #expect(Self.describe(flat) == Self.describe(parsed.libYAML.root), "\(content.debugDescription)")
        }
        // Both paths must be exercised for the comparison to mean anything.
        #expect(accepted > 1_200)
        #expect(declined > 1_200)
        #expect(acceptedNested > 100)
        #expect(acceptedCRLF > 200)
    }

    /// The same comparison with plain scalars typed by YAML 1.2's core schema.
    @Test func agreesWithLibYAMLUnderYAML12() {
        var random = SeededRandom(seed: 0x5EED_0012)
        var accepted = 0
        for _ in 0..<2_000 {
            let content = Self.frontMatter(&random)
            let parsed = Self.parseBoth(content, version: .v1_2)
            guard let flat = parsed.flat else { continue }
            accepted += 1
            #expect(Self.describe(flat) == Self.describe(parsed.libYAML.root), "\(content.debugDescription)")
        }
        #expect(accepted > 400)
    }

    @Test func acceptsTheUsualShapes() throws {
        let typical = """
            # A post
            title: "Hello — world"
            slug: hello-world
            excerpt: 'A short summary: with a colon'
            date: 2024-05-01
            draft: false
            keywords: [swift, "static sites", 'linting']
            cover: images/cover.png   # the hero image
            tags:
              - one
              - "two words"

            authors:
            - Ada
            empty:

            """
        let parsed = Self.parseBoth(typical)
        let flat = try #require(parsed.flat)
        #expect(Self.describe(flat) == Self.describe(parsed.libYAML.root))
        #expect(flat["excerpt"]?.scalarText == "A short summary: with a colon")
        #expect(flat["cover"]?.scalarText == "images/cover.png")
        #expect(flat["tags"]?.items?.map(\.scalarText) == ["one", "two words"])
        #expect(flat["empty"]?.typeName == "null")
    }

    /// Keys of documentation sites (DocFX's `ms.date`, the WinRT docs' `-api-id`) and Hugo's
    /// nested `params:` are read here too.
    @Test func acceptsDottedAndDashedKeysAndNestedMappings() throws {
        let content = """
            -api-id: T:Windows.Foundation.Uri
            ms.date: 3/26/2026
            params:
              minVersion: v0.158.0
              functions_and_methods:
                aliases: []
                returnType: bool
                signatures:
                - strings.Contains STRING SUBSTRING
              after: x

            menu:
              docs:
                parent: functions
                weight: 10
            title: Contains
            """
        let parsed = Self.parseBoth(content + "\n")
        let flat = try #require(parsed.flat)
        #expect(Self.describe(flat) == Self.describe(parsed.libYAML.root))
        #expect(flat["-api-id"]?.scalarText == "T:Windows.Foundation.Uri")
        #expect(flat["ms.date"]?.scalarText == "3/26/2026")
        #expect(flat["params"]?["functions_and_methods"]?["signatures"]?.items?.count == 1)
        #expect(flat["params"]?["after"]?.scalarText == "x")
        #expect(flat["menu"]?["docs"]?["weight"]?.scalarText == "10")
        #expect(flat["title"]?.scalarText == "Contains")
    }

    /// A hang guard, not a speed target: with repeated keys looked for by a scan of the keys so
    /// far, 60,000 keys took minutes (a front matter of a few megabytes is hostile input).
    @Test func manyKeysAreReadInLinearTime() throws {
        var content = ""
        for index in 0..<60_000 { content += "key\(index): value \(index)\n" }
        let started = ContinuousClock.now
        let parsed = Self.parseFlat(content + "key17: again\n")
        #expect(parsed == nil, "a repeated key goes to libyaml")
        let flat = try #require(Self.parseFlat(content))
        #expect(flat["key59999"]?.scalarText == "value 59999")
        #expect(ContinuousClock.now - started < HangGuard.duration(5))
    }

    /// Plain bytes are skipped sixteen at a time: a character that needs libyaml must be seen
    /// wherever it falls in a step, at the start, in the middle or at the end of one.
    @Test func findsCharactersThatNeedLibYAMLAtEveryOffset() throws {
        let value = String(repeating: "a", count: 70)
        #expect(Self.parseFlat("title: \(value)\n") != nil)
        for odd in ["\t", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{01}"] {
            for offset in 0..<value.count {
                var characters = Array(value)
                characters[offset] = Character(odd)
                let content = "title: \(String(characters))\n"
                #expect(Self.parseFlat(content) == nil, "\(content.debugDescription)")
            }
        }
    }

    private static func parseFlat(_ content: String) -> FrontMatterNode? {
        let bytes = Array(content.utf8)
        return bytes.withUnsafeBufferPointer { FlatYAMLParser.parse($0, fileOffset: 0) }
    }

    @Test(arguments: [
        "title: a\ntitle: b\n",  // repeated key: libyaml path records it
        "title: \"esc \\n\"\n",  // escape
        "title: >\n  folded\n",  // block scalar
        "meta:\n    a: x\n  b: y\n",  // a key between two levels
        "meta:\n  a: x\n - b\n",  // a sequence entry left of the mapping's keys
        "a:\n b:\n  c:\n   d:\n    e: x\n",  // nested deeper than the parser reads
        "meta:\n  - a: x\n",  // a mapping in a sequence
        "title: first\n  continued\n",  // continuation line
        "title: a: b\n",  // libyaml's syntax error
        "title: x\ry\n",  // a carriage return that is no CR LF line break
        "title: x\r",  // the same at the end
        "title: &a x\nslug: *a\n",  // anchor and alias
        "tags: [a, [b]]\n",  // nested flow
        "title: x\u{0085}y\n",  // NEL is a line break to YAML
        "\n# only a comment\n",  // no mapping at all
    ])
    func declinesWhatNeedsLibYAML(_ content: String) {
        #expect(Self.parseBoth(content).flat == nil)
    }
}
