import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct PresetResolverTests {
    @Test func recommendedIsTheDefaults() throws {
        #expect(try PresetResolver.settings(extending: ["recommended"]).isEmpty)
    }

    @Test func seoTurnsOnTheSearchChecksWithSnippetLengths() throws {
        let settings = try PresetResolver.settings(extending: ["seo"])
        #expect(settings["excerpt-length"]?.options == ["min": .int(120), "max": .int(156)])
        #expect(settings["keyphrase-in-title"] == RuleSetting(severity: .warning, enabled: true))
        #expect(settings["readability"] == RuleSetting(severity: .info, enabled: true))
        #expect(settings["orphan-image"]?.enabled == true)
    }

    @Test func strictBuildsOnSeoAndRaisesSeverities() throws {
        let settings = try PresetResolver.settings(extending: ["strict"])
        let excerpt = try #require(settings["excerpt-length"])
        #expect(excerpt.severity == .error)
        #expect(excerpt.options == ["min": .int(120), "max": .int(156)], "seo's options are kept")
        #expect(settings["content-length"]?.options["min-words"] == .int(600))
        #expect(settings["links"]?.severity == .warning)
    }

    @Test func everyPresetNamesOnlyKnownRulesAndEveryCheckIsSwitchedOn() throws {
        let catalog = try RuleCatalog.base()
        for preset in BuiltInPresets.all {
            let settings = try PresetResolver.settings(extending: [preset.name])
            for (id, setting) in settings {
                #expect(catalog.metadata(of: id) != nil, "\(preset.name) names unknown rule \(id)")
                #expect(setting.enabled != false, "\(preset.name) switches \(id) off")
            }
        }
        // Every seo-category rule is on in the seo preset.
        let seo = try PresetResolver.settings(extending: ["seo"])
        for metadata in catalog.allMetadata where metadata.category == .seo {
            #expect(metadata.isEnabledByDefault || seo[metadata.id]?.enabled == true, "seo leaves \(metadata.id) off")
        }
    }

    @Test func aConfigurationOverridesSingleRulesOfItsPresets() throws {
        let merged = try PresetResolver.merged(
            ["title-length": RuleSetting(enabled: false), "excerpt-length": RuleSetting(options: ["max": .int(170)])],
            extending: ["seo"])
        #expect(merged["title-length"]?.enabled == false)
        #expect(merged["excerpt-length"]?.options == ["min": .int(120), "max": .int(170)])
        #expect(merged["keyphrase-in-slug"]?.enabled == true)
    }

    @Test func laterPresetsWin() throws {
        let settings = try PresetResolver.settings(extending: ["strict", "seo"])
        #expect(settings["title-length"]?.severity == .warning)
    }

    @Test func unknownPresetsAreErrorsWithAHint() {
        #expect(throws: PostlintError.self) { try PresetResolver.settings(extending: ["seoo"]) }
        do {
            _ = try PresetResolver.settings(extending: ["seoo"])
        } catch {
            #expect(error.message == "unknown preset \"seoo\"")
            #expect(error.hint == "did you mean \"seo\"?")
        }
    }
}

/// `extends:` in `.postlint.yml`, read through `PresetResolver.merged`.
@Suite struct ConfigurationExtendsTests {
    @Test func extendsAppliesThePresetUnderTheConfigurationsRules() throws {
        let configuration = try ConfigurationLoader.parse(
            path: ".postlint.yml", bytes: Array("extends: [seo]\nrules:\n  title-length: off\n".utf8), directory: "/")
        #expect(configuration.rules["title-length"]?.enabled == false)
        #expect(configuration.rules["keyphrase-in-title"]?.enabled == true)
        #expect(configuration.rules["excerpt-length"]?.options["min"] == .int(120))
    }

    @Test func anUnknownPresetIsAPositionedError() throws {
        do {
            _ = try ConfigurationLoader.parse(path: ".postlint.yml", bytes: Array("extends: [sep]\n".utf8), directory: "/")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(line: 1, column: 11))
            #expect(error.hint == "did you mean \"seo\"?")
        }
    }

    @Test func theSeoPresetReportsWhatRecommendedDoesNot() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", "---\ntitle: Tea\nkeywords: [tea]\n---\nTea.\n")
        let plain = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(!plain.findings.contains { $0.ruleID == "title-length" })
        try folder.write(".postlint.yml", "extends: [seo]\n")
        let seo = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(seo.findings.contains { $0.ruleID == "title-length" })
        #expect(seo.findings.contains { $0.ruleID == "content-length" })
    }
}
