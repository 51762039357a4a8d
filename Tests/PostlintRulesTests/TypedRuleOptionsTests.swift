import Testing
import PostlintCore
@testable import PostlintRules

/// Options declared once as a typed value: defaults, names and bounds come from the `Options`
/// type, and the metadata, the configuration and the rule all read that one declaration.
@Suite struct TypedRuleOptionsTests {
    @Test func metadataListsTheTypedDefaults() {
        let declared = SlugFormatRule.metadata.options
        #expect(declared.map(\.name) == ["field", "max-length", "match-file-name"])
        #expect(declared.map(\.defaultValue) == [.string("slug"), .int(75), .bool(false)])
        #expect(declared[1].minimum == 1)
        let defaults = SlugFormatRule.Options()
        #expect(declared.map(\.defaultValue) == SlugFormatRule.Options.fields.map { $0.value(in: defaults) })
    }

    @Test func configuredValuesOverlayTheDefaults() {
        let options = SlugFormatRule.Options(RuleOptions(["max-length": .int(40), "match-file-name": .bool(true)]))
        var expected = SlugFormatRule.Options()
        expected.maxLength = 40
        expected.matchFileName = true
        #expect(options == expected)
        #expect(options.values == ["field": .string("slug"), "max-length": .int(40), "match-file-name": .bool(true)])
    }

    @Test func valuesOfAnotherTypeAreIgnoredAndBoundsHold() {
        // Configuration checks types and bounds with positions; values that reach the options
        // some other way (a language server, a test) still cannot take a rule out of its range.
        let options = KeyphraseInSubheadingsRule.Options(RuleOptions(["min-level": .string("two"), "max-level": .int(99)]))
        #expect(options.minLevel == 2)
        #expect(options.maxLevel == 6)
        let density = KeyphraseDensityRule.Options(RuleOptions(["max": .int(5), "min": .double(-1)]))
        #expect(density.maxDensity == 5)
        #expect(density.minDensity == 0)
        let links = LinkTextRule.Options(RuleOptions(["languages": .string("fr")]))
        #expect(links.languages == ["fr"])
    }

    @Test func everyBuiltInRuleDeclaresUsableOptions() {
        let metadata = BuiltInRules.documentRules.map(\.metadata) + BuiltInRules.siteRules.map(\.metadata)
        for rule in metadata {
            let names = rule.options.map(\.name)
            #expect(Set(names).count == names.count, "\(rule.id) declares an option twice")
            for option in rule.options {
                #expect(RuleMetadata.isValidID(option.name), "\(rule.id): option \(option.name) is not kebab-case")
                #expect(!option.summary.isEmpty, "\(rule.id): option \(option.name) has no summary")
                if let allowed = option.allowedValues {
                    switch option.defaultValue {
                    case .string(let value): #expect(allowed.contains(value), "\(rule.id): default outside the allowed words")
                    case .strings(let values):
                        #expect(values.allSatisfy(allowed.contains), "\(rule.id): default outside the allowed words")
                    default: Issue.record("\(rule.id): allowed words on an option that is not text")
                    }
                }
            }
        }
    }

    @Test func theSharedKeyphraseOptionIsTheSameEverywhere() {
        let declarations = [
            KeyphraseInTitleRule.metadata, KeyphraseInSlugRule.metadata, KeyphraseDensityRule.metadata,
            DuplicateKeyphraseRule.metadata,
        ].compactMap { $0.option(named: "keyphrase-field") }
        #expect(declarations.count == 4)
        #expect(Set(declarations.map(\.summary)).count == 1)
        #expect(declarations.allSatisfy { $0.defaultValue == .string("focus_keyphrase") })
    }

    @Test func rulesWithoutOptionsDeclareNone() {
        #expect(BomRule.metadata.options.isEmpty)
        #expect(NoOptions.declared.isEmpty)
    }
}
