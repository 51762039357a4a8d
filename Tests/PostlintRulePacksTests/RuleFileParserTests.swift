import Testing
import PostlintCore
import PostlintParsing
import PostlintTestSupport
@testable import PostlintRulePacks

@Suite struct RuleFileParserTests {
    private func parse(_ text: String, path: String = "pack/rule.yml", pack: String = "pack") throws(PostlintError) -> RuleFactory
    {
        try RulePackLoader.parse(path: path, text: text, packName: pack)
    }

    private func error(_ text: String) -> PostlintError? {
        do throws(PostlintError) {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    private func messages(
        _ factory: RuleFactory, _ post: String, options: [String: OptionValue] = [:],
        context: RuleContext = RuleContext()
    ) throws -> [String] {
        let rule = try factory.make(RuleOptions(defaultsOf: factory.metadata, overrides: options))
        return rule.check(DocumentLoader.load(path: "post.md", text: post), context: context).map(\.message)
    }

    @Test func idDefaultsToPackAndFileName() throws {
        let factory = try parse(
            "schema: 1\nkind: required\nsummary: Needs a date\nfields: [date]\n", path: "house/needs-date.yml", pack: "house")
        #expect(factory.metadata.id == "house.needs-date")
        #expect(factory.metadata.defaultSeverity == .warning)
        #expect(factory.metadata.category == .custom)
        #expect(factory.metadata.origin == "house/needs-date.yml")
        #expect(try messages(factory, "---\ntitle: x\n---\n") == ["missing required field \"date\""])
    }

    @Test func everyKindReports() throws {
        let type = try parse("schema: 1\nkind: type\nsummary: s\nfield: draft\ntype: boolean\n")
        #expect(try messages(type, "---\ndraft: \"yes\"\n---\n") == ["\"draft\" must be a boolean, not a string"])
        #expect(try messages(type, "---\ndraft: true\n---\n").isEmpty)

        let length = try parse("schema: 1\nkind: length\nsummary: s\nfield: title\nunit: words\nmax: 3\n")
        #expect(
            try messages(length, "---\ntitle: one two three four\n---\n") == ["\"title\" is 4 words long, over the maximum of 3"])

        let values = try parse("schema: 1\nkind: values\nsummary: s\nfield: lang\nvalues: [en, fr]\nignore-case: true\n")
        #expect(try messages(values, "---\nlang: EN\n---\n").isEmpty)
        #expect(try messages(values, "---\nlang: de\n---\n") == ["\"lang\" is \"de\", which is not one of: en, fr"])

        let pattern = try parse("schema: 1\nkind: pattern\nsummary: s\nfield: tags\npattern: \"^[a-z-]+$\"\n")
        #expect(try messages(pattern, "---\ntags: [ok, Not-OK]\n---\n") == ["\"tags\" value \"Not-OK\" does not match ^[a-z-]+$"])

        let list = try parse("schema: 1\nkind: list\nsummary: s\nfield: tags\nmax-items: 2\n")
        #expect(try messages(list, "---\ntags: [a, b, c]\n---\n") == ["\"tags\" has 3 items; at most 2 allowed"])
        #expect(try messages(list, "---\ntags: a\n---\n") == ["\"tags\" must be a list, not a string"])

        let appears = try parse("schema: 1\nkind: appears-in\nsummary: s\nfield: keyword\nin: [headings]\n")
        #expect(try messages(appears, "---\nkeyword: tea\n---\n# About Tea\n").isEmpty)
    }

    /// A finding about one item of a TOML array points at that item, as it does in YAML (TOML
    /// items used to share the whole array's range).
    @Test func tomlListFindingsPointAtTheirItem() throws {
        let list = try parse("schema: 1\nkind: list\nsummary: s\nfield: tags\n")
        let rule = try list.make(RuleOptions(defaultsOf: list.metadata, overrides: [:]))
        let post = "+++\ntitle = 'x'\ntags = [\n  \"tea\",\n  'Tea', # again\n]\n+++\n"
        let document = DocumentLoader.load(path: "post.md", text: post)
        let findings = rule.check(document, context: RuleContext())
        #expect(findings.map(\.message) == ["\"tags\" item 2 repeats \"Tea\" (item 1), ignoring case"])
        let range = try #require(findings.first?.range)
        #expect(document.source.string(in: range) == "'Tea'")
        #expect(document.location(of: range.lowerBound) == SourceLocation(line: 5, column: 3))
    }

    @Test func configuredOptionsOverrideTheFilesValues() throws {
        let length = try parse("schema: 1\nkind: length\nsummary: s\nfield: title\nmax: 100\n")
        #expect(try messages(length, "---\ntitle: twelve chars\n---\n").isEmpty)
        #expect(try messages(length, "---\ntitle: twelve chars\n---\n", options: ["max": .int(5)]).count == 1)
        let renamed = try messages(
            length, "---\nheadline: twelve chars\n---\n",
            options: ["max": .int(5), "field": .string("headline")])
        #expect(renamed.count == 1)
        #expect(throws: PostlintError.self) {
            _ = try length.make(RuleOptions(defaultsOf: length.metadata, overrides: ["unit": .string("lines")]))
        }
    }

    @Test func siteFieldNamesApply() throws {
        let required = try parse("schema: 1\nkind: required\nsummary: s\nfields: [excerpt]\n")
        let context = RuleContext(fieldNames: FieldNames(["excerpt": "description"]))
        #expect(try messages(required, "---\ndescription: here\n---\n", context: context).isEmpty)
        #expect(
            try messages(required, "---\nexcerpt: here\n---\n", context: context) == ["missing required field \"description\""])
    }

    @Test func messagesUsePlaceholders() throws {
        let factory = try parse(
            "schema: 1\nkind: pattern\nsummary: s\nfield: title\npattern: TBD\nmust: not-match\nmessage: \"{field} still says {match} ({unknown})\"\n"
        )
        #expect(try messages(factory, "---\ntitle: Notes TBD\n---\n") == ["title still says TBD ({unknown})"])
    }

    @Test(arguments: [
        ("kind: required\nsummary: s\nfields: [a]\n", 1, 1, "missing required key \"schema\""),
        ("schema: 2\nkind: required\nsummary: s\nfields: [a]\n", 1, 9, "unsupported schema"),
        ("schema: 1\nkind: requierd\nsummary: s\n", 2, 7, "unknown kind \"requierd\""),
        ("schema: 1\nkind: required\nsummary: s\nfeilds: [a]\n", 4, 1, "unknown key \"feilds\""),
        ("schema: 1\nkind: required\nsummary: s\n", 1, 1, "needs the key \"fields\""),
        ("schema: 1\nkind: length\nsummary: s\nfield: t\nmax: lots\n", 5, 6, "must be an integer, not a string"),
        ("schema: 1\nkind: pattern\nsummary: s\nfield: t\npattern: \"(unclosed\"\n", 5, 10, "not a valid regular expression"),
        ("schema: 1\nkind: required\nsummary: s\nfields: [a]\nseverity: loud\n", 5, 11, "unknown severity"),
        ("schema: 1\nid: Not_Kebab\nkind: required\nsummary: s\nfields: [a]\n", 2, 5, "not kebab-case"),
        ("schema: 1\nkind: required\nsummary: [s\n", 4, 1, "invalid YAML"),
        ("schema: 1\nkind: length\nsummary: s\nfield: t\nunit: lines\n", 5, 7, "\"unit\" has no value \"lines\""),
        ("schema: 1\nkind: length\nsummary: s\nfield: t\nmin: -3\n", 5, 6, "\"min\" must be at least 0, not -3"),
        ("schema: 1\nkind: list\nsummary: s\nfield: t\nunique: often\n", 5, 9, "\"unique\" must be a boolean, not a string"),
        ("schema: 1\nkind: required\nsummary: s\nfields: {a: b}\n", 4, 9, "\"fields\" must be a list of strings, not a map"),
        ("- just\n- a list\n", 1, 1, "must be a mapping"),
    ])
    func brokenFilesArePositioned(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let problem = try #require(error(text))
        #expect(problem.path == "pack/rule.yml")
        #expect(problem.location == SourceLocation(line: line, column: column), "\(problem)")
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test func unknownKeyGetsANearbyHint() throws {
        let problem = try #require(error("schema: 1\nkind: required\nsumary: s\nfields: [a]\n"))
        #expect(problem.hint == "did you mean \"summary\"?")
    }

    @Test func examplesInRuleFilesAreRunLikeBuiltInOnes() throws {
        let factory = try parse(
            """
            schema: 1
            kind: pattern
            summary: No TBD in titles
            field: title
            pattern: TBD
            must: not-match
            examples:
              triggering:
                - "---\\ntitle: ⟦Launch TBD⟧\\n---\\n"
                - text: "---\\nheadline: ⟦Launch TBD⟧\\n---\\n"
                  options: {field: headline}
              non-triggering:
                - "---\\ntitle: Launch\\n---\\n"
            """)
        #expect(factory.metadata.triggeringExamples.count == 2)
        #expect(factory.metadata.triggeringExamples[1].options["field"] == .string("headline"))
        #expect(ExampleChecker.failures(of: factory).isEmpty)
    }

    @Test func theShippedPackLoadsFromTheBinary() throws {
        let ids = Set(try RulePackLoader.defaultPack().map(\.metadata.id))
        #expect(ids.isSuperset(of: ["excerpt-length", "keyword-in-content", "keyword-presence", "required-fields"]))
    }

    /// The shipped rules come in the files' order, every time.
    @Test func theShippedPackKeepsFileOrder() throws {
        let expected = EmbeddedRulePacks.files.map { "rules/\($0.path)" }
        #expect(expected.count > 1)
        for _ in 0..<20 {
            #expect(try RulePackLoader.defaultPack().map(\.metadata.origin) == expected)
        }
    }

    /// The shipped packs are not built when the binary loads them (a user's pack is): each must
    /// build here, with its defaults and with every example's options.
    @Test func everyShippedRuleBuildsWithItsDefaultsAndExampleOptions() throws {
        let factories = try RulePackLoader.defaultPack()
        #expect(factories.contains { $0.metadata.id == "slug-stop-words" })
        for factory in factories {
            _ = try factory.make(RuleOptions(defaultsOf: factory.metadata))
            for example in factory.metadata.triggeringExamples + factory.metadata.nonTriggeringExamples
            where !example.options.isEmpty {
                var options = RuleOptions(defaultsOf: factory.metadata)
                for (key, value) in example.options { options.set(key, value) }
                _ = try factory.make(options)
            }
            #expect(ExampleChecker.failures(of: factory).isEmpty, "\(factory.metadata.id)")
        }
    }

    @Test func aMistypedWordGetsTheNearestAllowedOneAsAHint() throws {
        let problem = try #require(error("schema: 1\nkind: pattern\nsummary: s\nfield: t\npattern: x\nmust: not-mach\n"))
        #expect(problem.location == SourceLocation(line: 6, column: 7))
        #expect(problem.message == "\"must\" has no value \"not-mach\"")
        #expect(problem.hint == "did you mean \"not-match\"?")
    }

    /// A kind's options come from one typed declaration: the rule's options carry its types,
    /// bounds and allowed words, with the file's values as defaults, so the configuration checks
    /// a pack rule's options as it checks a built-in rule's.
    @Test func aPackRulesOptionsAreItsKindsDeclarationWithTheFilesValues() throws {
        let factory = try parse("schema: 1\nkind: length\nsummary: s\nfield: title\nmax: 60\n")
        let names = factory.metadata.options.map(\.name)
        #expect(names == FieldLengthCheck.Options.fields.map(\.name) + ["message"])
        let unit = try #require(factory.metadata.option(named: "unit"))
        #expect(unit.allowedValues == ["characters", "words", "bytes"] && unit.defaultValue == .string("characters"))
        let max = try #require(factory.metadata.option(named: "max"))
        #expect(max.defaultValue == .int(60) && max.minimum == 0)
        #expect(max.typeDescription == "integer, at least 0")
    }

    @Test func aUsersPackWithABadPatternFailsAtLoad() {
        let text = "schema: 1\nid: bad\nkind: pattern\nsummary: s\nfield: slug\npattern: \"(unclosed\"\n"
        let error = #expect(throws: PostlintError.self) {
            _ = try RuleFileParser.parse(path: "bad.yml", bytes: Array(text.utf8), packName: "")
        }
        #expect(error?.message.contains("\"pattern\" is not a valid regular expression") == true, "\(String(describing: error))")
    }
}
