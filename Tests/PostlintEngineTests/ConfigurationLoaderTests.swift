import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct ConfigurationLoaderTests {
    private func parse(_ text: String) throws(PostlintError) -> Configuration {
        try ConfigurationLoader.parse(path: ".postlint.yml", bytes: Array(text.utf8), directory: "/site")
    }

    private func error(_ text: String) -> PostlintError? {
        do throws(PostlintError) {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEverySection() throws {
        let configuration = try parse(
            """
            include: ["content/**/*.md"]
            exclude: drafts/**
            fields: {excerpt: description, keywords: tags}
            site-roots: [static]
            rules:
              slug-format: warning
              excerpt-length: {min: 70, max: 150}
              keyword-in-content: off
            overrides:
              - files: ["drafts/**"]
                rules: {required-fields: off}
            """)
        #expect(configuration.selects(relativePath: "content/a/b.md"))
        #expect(!configuration.selects(relativePath: "other/b.md"))
        #expect(configuration.fieldNames.name(of: "excerpt") == "description")
        #expect(configuration.siteRoots == ["/site/static"])
        #expect(configuration.rules["slug-format"]?.severity == .warning)
        #expect(configuration.rules["excerpt-length"]?.options["min"] == .int(70))
        #expect(configuration.rules["keyword-in-content"]?.enabled == false)
        let indices = configuration.overrideIndices(for: "drafts/x.md")
        #expect(indices == [0])
        #expect(configuration.setting(for: "required-fields", overrides: indices).enabled == false)
        #expect(configuration.setting(for: "required-fields", overrides: []).enabled == nil)
    }

    @Test func unknownTopLevelKeyIsPositionedWithAHint() throws {
        let problem = try #require(error("rules: {}\nexlude: [a]\n"))
        #expect(problem.location == SourceLocation(line: 2, column: 1))
        #expect(problem.message.contains("exlude"))
        #expect(problem.hint?.contains("exclude") == true)
        #expect(problem.description.hasPrefix(".postlint.yml:2:1: "))
    }

    @Test func unknownRuleAndOptionAreErrors() throws {
        let rule = try #require(error("rules:\n  slug-fromat: error\n"))
        #expect(rule.location?.line == 2)
        #expect(rule.hint?.contains("slug-format") == true)
        let option = try #require(error("rules:\n  slug-format:\n    max-lenght: 10\n"))
        #expect(option.location?.line == 3)
        #expect(option.hint?.contains("max-length") == true)
    }

    @Test func optionValuesAreCheckedAgainstTheirDeclarationAtTheirPosition() throws {
        let type = try #require(error("rules:\n  slug-format:\n    max-length: long\n"))
        #expect(type.description == ".postlint.yml:3:17: rule slug-format option \"max-length\" must be an integer, not a string")
        let bound = try #require(error("rules:\n  slug-format: {max-length: 0}\n"))
        #expect(bound.location == SourceLocation(line: 2, column: 29))
        #expect(bound.message == "rule slug-format option \"max-length\" must be at least 1, not 0")
        let word = try #require(error("rules:\n  link-text:\n    languages: [en, fre]\n"))
        #expect(word.location == SourceLocation(line: 3, column: 21))
        #expect(word.message == "rule link-text option \"languages\" has no value \"fre\"")
        #expect(word.hint == "did you mean \"fr\"?")
        let page = try #require(error("rules:\n  mojibake: {code-pages: [klingon]}\n"))
        #expect(page.hint?.hasPrefix("allowed: windows-1252") == true)
        let empty = try #require(error("rules:\n  readability: {language: }\n"))
        #expect(empty.message == "rule readability option \"language\" has no value")
    }

    @Test func optionValuesTakeTheDeclaredType() throws {
        let configuration = try parse(
            """
            rules:
              readability: {min-flesch: 50, max-long-sentences: 12.5}
              broken-image: {fields: banner}
              link-text: {bare-urls: no}
            """)
        #expect(configuration.rules["readability"]?.options["min-flesch"] == .double(50))
        #expect(configuration.rules["readability"]?.options["max-long-sentences"] == .double(12.5))
        #expect(configuration.rules["broken-image"]?.options["fields"] == .strings(["banner"]))
        #expect(configuration.rules["link-text"]?.options["bare-urls"] == .bool(false))
    }

    @Test func versionOneOrNoneIsRead() throws {
        #expect(try parse("version: 1\nrules: {bom: info}\n").rules["bom"]?.severity == .info)
        #expect(try parse("rules: {bom: info}\n").rules["bom"]?.severity == .info)
        #expect(ConfigurationLoader.topLevelKeys.contains("version"))
    }

    @Test func aNewerVersionIsAnErrorBeforeItsKeysAreJudged() throws {
        // A later format may add keys; the error says what is needed, not that a key is unknown.
        let newer = try #require(error("rules: {bom: info}\nsomething-new: true\nversion: 2\n"))
        #expect(newer.location == SourceLocation(line: 3, column: 10))
        #expect(newer.message == "configuration version 2 needs a newer postlint: this one reads versions up to 1")
        #expect(newer.hint?.contains("reads configuration version 2") == true)
        let huge = try #require(error("version: 99999999999999999999999\n"))
        #expect(huge.message.hasPrefix("configuration version 99999999999999999999999 needs a newer postlint"))
        #expect(error("version: 0\n")?.message == "version must be at least 1, not 0")
        #expect(error("version: \"1\"\n")?.message == "version must be a whole number, not a string")
        #expect(error("version: 1.5\n")?.message == "version must be a whole number, not a float")
    }

    @Test func globsBeyondTheBoundsArePositionedErrors() throws {
        let deep = String(repeating: "{a,", count: 9) + String(repeating: "}", count: 9)
        let problem = try #require(error("include: [\"*.md\", \"\(deep)\"]\n"))
        #expect(problem.location == SourceLocation(line: 1, column: 19))
        #expect(problem.message.contains("nests brace groups"))
        let long = String(repeating: "a", count: 2_000)
        #expect(error("exclude:\n  - \(long)\n")?.location == SourceLocation(line: 2, column: 5))
        #expect(error("overrides:\n  - files: [\"\(long)\"]\n")?.location?.line == 2)
        let fourteen = String(repeating: "{a,b,c,d}", count: 14) + "*.md"
        #expect(try parse("include: [\"\(fourteen)\"]\nexclude: [\"\(fourteen)\"]\n").include.count == 1)
    }

    @Test func wrongTypesAreErrors() throws {
        let typed = try #require(error("rules:\n  excerpt-length:\n    min: many\n"))
        #expect(typed.location == SourceLocation(line: 3, column: 10))
        #expect(typed.message.contains("integer"))
        #expect(error("include: {a: b}\n")?.location?.line == 1)
        #expect(error("rules:\n  slug-format: loud\n")?.hint == "error, warning, info or off")
        #expect(error("overrides: {files: a}\n") != nil)
    }

    @Test func invalidDeclarativeOptionIsReportedAtTheRule() throws {
        let problem = try #require(error("rules:\n  excerpt-length:\n    unit: lines\n"))
        #expect(problem.location?.line == 3)
        #expect(problem.message.contains("unit"))
    }

    @Test func missingPackIsAnError() throws {
        let problem = try #require(error("packs: [./no-such-pack]\n"))
        #expect(problem.location?.line == 1)
        #expect(problem.message.contains("does not exist"))
    }

    @Test func badYAMLIsAnError() throws {
        let problem = try #require(error("rules: [unclosed\n"))
        #expect(problem.message.hasPrefix("invalid YAML"))
        #expect(problem.location != nil)
    }

    @Test func emptyConfigurationIsTheDefaults() throws {
        let configuration = try parse("# nothing\n")
        #expect(configuration.rules.isEmpty)
        #expect(configuration.selects(relativePath: "any/post.md"))
    }

    @Test func aYamlExtensionIsFoundLikeYml() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yaml", "rules:\n  slug-format: warning\n")
        let post = try folder.write("site/posts/a.md", "---\ntitle: A\n---\n")
        let resolver = try ConfigurationResolver(configPath: nil, workingDirectory: folder.path)
        #expect(try resolver.configuration(forFileAt: post).rules["slug-format"]?.severity == .warning)
    }

    @Test func bothNamesInOneFolderIsAnErrorNamingBoth() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yml", "rules: {}\n")
        try folder.write("site/.postlint.yaml", "rules: {}\n")
        let post = try folder.write("site/a.md", "---\ntitle: A\n---\n")
        let resolver = try ConfigurationResolver(configPath: nil, workingDirectory: folder.path)
        var caught: PostlintError?
        do throws(PostlintError) {
            _ = try resolver.configuration(forFileAt: post)
        } catch {
            caught = error
        }
        let problem = try #require(caught)
        #expect(problem.description.contains("site/.postlint.yml"))
        #expect(problem.description.contains("site/.postlint.yaml"))
    }

    @Test func theNearestConfigurationAppliesAloneWithoutItsParents() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules:\n  slug-format: warning\n  bom: off\n")
        try folder.write("blog/.postlint.yaml", "rules:\n  bom: info\n")
        let post = try folder.write("blog/a.md", "---\ntitle: A\n---\n")
        let resolver = try ConfigurationResolver(configPath: nil, workingDirectory: folder.path)
        let configuration = try resolver.configuration(forFileAt: post)
        #expect(configuration.rules["bom"]?.severity == .info)
        #expect(configuration.rules["slug-format"] == nil)
    }
}
