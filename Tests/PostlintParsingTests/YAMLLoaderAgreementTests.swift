import Testing
import PostlintCore
@testable import PostlintParsing

/// Front matter read as the site's YAML loader reads it: repeated keys, merge keys, tags, scalar
/// types, Unicode keys and positions after the characters YAML reads as line breaks. Each case was
/// found to differ from PyYAML on libyaml in a differential run.
@Suite struct YAMLLoaderAgreementTests {
    private typealias Location = PostlintCore.SourceLocation

    private func parse(_ yaml: String, version: YAMLVersion = .v1_1) -> FrontMatter {
        let source = SourceText("---\n" + yaml + "---\nBody\n")
        let block = FrontMatterBlock.testBlock(contentLength: yaml.utf8.count)
        return YAMLFrontMatterParser.parse(block, in: source, version: version)
    }

    private func scalar(_ node: FrontMatterNode?) -> FrontMatterScalar? {
        if case .scalar(let scalar)? = node?.value { return scalar }
        return nil
    }

    private func location(_ yaml: String, _ offset: Int) -> Location {
        SourceText("---\n" + yaml + "---\nBody\n").lineIndex.location(of: offset)
    }

    // MARK: - Repeated keys

    @Test func aFoldedExcerptKeepsItsTextWhenALaterKeyIsRepeated() throws {
        let lines = [
            "Green tea, black tea and oolong come from one plant;",
            "what differs is how long the leaves oxidise before",
            "they are dried, and so how the cup tastes at the end.",
        ]
        let folded = lines.map { "  " + $0 }.joined(separator: "\n")
        let frontMatter = parse("title: First\nexcerpt: >\n\(folded)\ntitle: Second\n")
        #expect(frontMatter.syntaxError == nil)
        let excerpt = try #require(scalar(frontMatter.root?["excerpt"]))
        #expect(excerpt.text == lines.joined(separator: " ") + "\n")
        #expect(excerpt.text.count == 158)
        #expect(scalar(frontMatter.root?["title"])?.text == "Second")
        #expect(frontMatter.duplicateKeys.map(\.key) == ["title"])
    }

    @Test func aRepeatedKeyWithItsListAtColumnOneIsNotASyntaxError() throws {
        let frontMatter = parse("tags:\n- a\n- b\ntitle: x\ntags:\n- c\n")
        #expect(frontMatter.syntaxError == nil)
        #expect(frontMatter.root?["tags"]?.items?.compactMap(\.scalarText) == ["c"])
        let duplicate = try #require(frontMatter.duplicateKeys.first)
        #expect(
            location("tags:\n- a\n- b\ntitle: x\ntags:\n- c\n", duplicate.keyRange.lowerBound)
                == Location(line: 2, column: 1))
    }

    @Test func aQuotedValueOverTwoLinesIsOneValue() {
        let frontMatter = parse("title: \"x\ntitle: y\"\n")
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["title"])?.text == "x title: y")
        #expect(frontMatter.duplicateKeys.isEmpty)
    }

    @Test func anAnchorOnADroppedValueStillNamesIt() {
        let frontMatter = parse("image: &cover a.png\nimage: b.png\nthumbnail: *cover\n")
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["image"])?.text == "b.png")
        #expect(scalar(frontMatter.root?["thumbnail"])?.text == "a.png")
    }

    @Test func aQuotedKeyAndAPlainKeyAreTheSameKey() {
        let frontMatter = parse("'title' : a\ntitle: b\n")
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["title"])?.text == "b")
        #expect(frontMatter.duplicateKeys.map(\.key) == ["title"])
    }

    @Test func keysRepeatedInANestedMappingKeepTheLastValueWithAWarning() throws {
        let yaml = "author:\n  name: Ann\n  name: Bo\nlinks:\n  - {url: a, url: b}\n"
        let frontMatter = parse(yaml)
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["author"]?["name"])?.text == "Bo")
        #expect(scalar(frontMatter.root?["links"]?.items?.first?["url"])?.text == "b")
        #expect(frontMatter.duplicateKeys.map(\.key) == ["name", "url"])
        let first = try #require(frontMatter.duplicateKeys.first)
        #expect(location(yaml, first.keyRange.lowerBound) == Location(line: 3, column: 3))
    }

    @Test func aKeyGivenThreeTimesIsReportedAtBothEarlierOccurrences() {
        let yaml = "slug: a\nslug: b\nslug: c\n"
        let frontMatter = parse(yaml)
        #expect(scalar(frontMatter.root?["slug"])?.text == "c")
        #expect(frontMatter.duplicateKeys.map { location(yaml, $0.keyRange.lowerBound).line } == [2, 3])
    }

    @Test func repeatsAmongManyKeysOfANestedMapAreFound() {
        let keys = (0..<40).map { "  key\($0): \($0)" }.joined(separator: "\n")
        let frontMatter = parse("outer:\n\(keys)\n  key3: again\n  key39: last\n")
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["outer"]?["key3"])?.text == "again")
        #expect(scalar(frontMatter.root?["outer"]?["key39"])?.text == "last")
        #expect(frontMatter.duplicateKeys.map(\.key) == ["key3", "key39"])
    }

    // MARK: - Merge keys and tags

    @Test func mergeKeysMergeAndExplicitKeysWin() throws {
        let frontMatter = parse("base: &base {author: Ann, draft: true}\npost:\n  <<: *base\n  draft: false\n")
        #expect(frontMatter.syntaxError == nil)
        let post = try #require(frontMatter.root?["post"])
        #expect(scalar(post["author"])?.text == "Ann")
        #expect(scalar(post["draft"])?.text == "false")
        #expect(post.entry(named: "<<") == nil)
        #expect(frontMatter.duplicateKeys.isEmpty)
    }

    @Test func aListOfMergedMapsGivesTheEarlierOneTheLastWord() {
        let frontMatter = parse("a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n")
        #expect(scalar(frontMatter.root?["c"]?["k"])?.text == "1")
        #expect(scalar(frontMatter.root?["c"]?["j"])?.text == "3")
    }

    @Test func mergingAScalarIsAnError() {
        #expect(parse("a: &a x\nb:\n  <<: *a\n").syntaxError != nil)
    }

    @Test func standardTagsSetTheType() {
        let frontMatter = parse(
            "slug: !!str 2024\nexcerpt: !!str ~\nweight: !!int \"7\"\nratio: !!float 1\n"
                + "draft: !!bool \"yes\"\ncover: !!null x\ndate: !!timestamp \"2024-05-01\"\n")
        #expect(frontMatter.syntaxError == nil)
        let root = frontMatter.root
        #expect(scalar(root?["slug"])?.kind == .string)
        #expect(scalar(root?["slug"])?.text == "2024")
        #expect(scalar(root?["excerpt"])?.kind == .string)
        #expect(scalar(root?["excerpt"])?.text == "~")
        #expect(scalar(root?["weight"])?.kind == .integer)
        #expect(scalar(root?["ratio"])?.kind == .float)
        #expect(scalar(root?["draft"])?.kind == .boolean)
        #expect(scalar(root?["cover"])?.kind == .null)
        #expect(scalar(root?["date"])?.kind == .date)
        #expect(frontMatter.notices.isEmpty)
    }

    @Test func explicitNumberTagsReadTextAsTheLoadersDo() {
        let frontMatter = parse("a: !!int _000\nb: !!float \" 2.5\"\nc: !!float 1e3\nd: !!int 1:30\n")
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["a"])?.kind == .integer)
        #expect(scalar(frontMatter.root?["b"])?.kind == .float)
        #expect(scalar(frontMatter.root?["c"])?.kind == .float)
        #expect(scalar(frontMatter.root?["d"])?.kind == .integer)
    }

    @Test func theNonSpecificTagResolvesPlainTextAsLibYAMLSays() {
        let frontMatter = parse("a: ! 12\nb: ! '12'\nc: !\n")
        #expect(scalar(frontMatter.root?["a"])?.kind == .integer)
        #expect(scalar(frontMatter.root?["b"])?.kind == .string)
        #expect(scalar(frontMatter.root?["c"])?.kind == .string)
        #expect(scalar(frontMatter.root?["c"])?.text == "")
    }

    @Test func aValueItsTagDoesNotFitIsAnError() {
        #expect(parse("weight: !!int heavy\n").syntaxError?.reason.contains("!!int") == true)
        #expect(parse("tags: !!str [a]\n").syntaxError != nil)
    }

    @Test func anUnknownTagIsAWarningAndTheValueIsText() throws {
        let yaml = "title: !custom 12\nslug: s\n"
        let frontMatter = parse(yaml)
        #expect(frontMatter.syntaxError == nil)
        #expect(scalar(frontMatter.root?["title"])?.text == "12")
        #expect(scalar(frontMatter.root?["title"])?.kind == .string)
        let notice = try #require(frontMatter.notices.first)
        #expect(notice.reason.contains("!custom"))
        #expect(location(yaml, notice.offset) == Location(line: 2, column: 8))
    }

    // MARK: - Scalar types

    @Test func yAndNAreStringsInAFlowList() throws {
        let items = try #require(parse("keywords: [x, y, z, n, Y, N]\n").root?["keywords"]?.items)
        #expect(items.allSatisfy { scalar($0)?.kind == .string })
    }

    @Test(arguments: [
        ("08", FrontMatterScalar.Kind.string), ("1e3", .string), ("0o17", .string), ("+.5", .string),
        ("1:30:00", .integer), ("2024-1-5", .string), ("2024-01-05", .date), ("yes", .boolean),
    ])
    func plainScalarsTakeTheTypesOfYAML11(_ text: String, _ kind: FrontMatterScalar.Kind) {
        #expect(scalar(parse("value: \(text)\n").root?["value"])?.kind == kind)
        // The same through libyaml (a nested map is never the flat shape).
        #expect(scalar(parse("outer:\n  value: \(text)\n").root?["outer"]?["value"])?.kind == kind)
    }

    @Test(arguments: [
        ("yes", FrontMatterScalar.Kind.string), ("1e3", .float), ("0o17", .integer),
        ("1:30:00", .string), ("true", .boolean),
    ])
    func plainScalarsTakeTheTypesOfYAML12WhenAsked(_ text: String, _ kind: FrontMatterScalar.Kind) {
        #expect(scalar(parse("value: \(text)\n", version: .v1_2).root?["value"])?.kind == kind)
        #expect(scalar(parse("outer:\n  value: \(text)\n", version: .v1_2).root?["outer"]?["value"])?.kind == kind)
    }

    @Test func configurationBooleansReadEverySpellingOfTrue() throws {
        let file = try YAMLFile(path: "c.yml", bytes: Array("a: YES\nb: ON\nc: !!bool \"tRUE\"\nd: Off\n".utf8))
        let root = try #require(file.root)
        for key in ["a", "b", "c"] {
            #expect(try file.bool(try #require(root[key]), what: key) == true, "\(key)")
        }
        #expect(try file.bool(try #require(root["d"]), what: "d") == false)
    }

    // MARK: - Unicode

    @Test func keysDifferingInNormalisationAreTwoKeys() throws {
        let frontMatter = parse("caf\u{E9}: precomposed\ncafe\u{301}: decomposed\n")
        #expect(frontMatter.duplicateKeys.isEmpty)
        guard case .mapping(let entries)? = frontMatter.root?.value else {
            Issue.record("no mapping")
            return
        }
        #expect(entries.count == 2)
        #expect(scalar(frontMatter.root?["caf\u{E9}"])?.text == "precomposed")
        #expect(scalar(frontMatter.root?["cafe\u{301}"])?.text == "decomposed")
    }

    @Test func aByteOrderMarkInsideAQuotedValueStays() {
        #expect(scalar(parse("title: \"a\u{FEFF}b\"\n").root?["title"])?.text == "a\u{FEFF}b")
        #expect(scalar(parse("title: 'a\u{FEFF}b'\n").root?["title"])?.text == "a\u{FEFF}b")
    }

    // MARK: - Positions

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func lineBreaksYAMLKnowsDoNotShiftLaterPositions(_ separator: String) throws {
        let yaml = "excerpt: \"one\(separator)two\"\ntitle: Later\nslug: [a\n"
        let frontMatter = parse(yaml)
        let error = try #require(frontMatter.syntaxError)
        #expect(location(yaml, error.offset).line == 5)
        let ok = parse("excerpt: \"one\(separator)two\"\ntitle: Later\n")
        let title = try #require(ok.root?["title"])
        #expect(location(yaml, title.range.lowerBound) == Location(line: 3, column: 8))
    }

    @Test func aByteOrderMarkStartingTheFrontMatterDoesNotShiftPositions() throws {
        let yaml = "\u{FEFF}title: Tea\nauthor:\n  name: Zoë\n"
        let frontMatter = parse(yaml)
        let title = try #require(frontMatter.root?["title"])
        #expect(location(yaml, title.range.lowerBound) == Location(line: 2, column: 9))
        let name = try #require(frontMatter.root?["author"]?["name"])
        #expect(location(yaml, name.range.lowerBound) == Location(line: 4, column: 9))
    }

    @Test func positionsAfterMultiByteTextAreByteOffsets() throws {
        let yaml = "excerpt: \"Ünïcödé 🎉\"\nauthor:\n  name: Zoë\n"
        let frontMatter = parse(yaml)
        let name = try #require(frontMatter.root?["author"]?["name"])
        #expect(location(yaml, name.range.lowerBound) == Location(line: 4, column: 9))
        #expect(name.range.count == "Zoë".utf8.count)
    }
}

extension FrontMatterBlock {
    /// A YAML block whose content starts after a `---\n` fence at the start of the file.
    static func testBlock(contentLength: Int) -> FrontMatterBlock {
        FrontMatterBlock(
            format: .yaml, openingFence: 0..<3, content: 4..<(4 + contentLength),
            closingFence: (4 + contentLength)..<(7 + contentLength), firstContentLine: 1)
    }
}
