import Foundation
import Testing
import PostlintCore
import PostlintEngine
import PostlintRules
import PostlintTestSupport

/// Every registered rule is checked against its own examples, and its metadata against the house rules.
@Suite struct RuleExamplesTests {
    static let catalog: RuleCatalog? = try? RuleCatalog.base()
    static let ruleIDs: [String] = catalog?.documentRules.map(\.metadata.id) ?? []

    @Test func catalogLoads() throws {
        _ = try RuleCatalog.base()
    }

    @Test(arguments: ruleIDs)
    func examplesHold(_ id: String) throws {
        let catalog = try #require(Self.catalog)
        let factory = try #require(catalog.documentRules.first { $0.metadata.id == id })
        let failures = ExampleChecker.failures(of: factory)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: ruleIDs)
    func metadataIsComplete(_ id: String) throws {
        let metadata = try #require(Self.catalog?.metadata(of: id))
        #expect(RuleMetadata.isValidID(metadata.id))
        #expect(!metadata.summary.isEmpty)
        #expect(!metadata.rationale.isEmpty)
        #expect(!metadata.triggeringExamples.isEmpty, "\(id) has no triggering example")
        #expect(!metadata.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        #expect(metadata.isFixable == !metadata.corrections.isEmpty, "a fixable rule shows its fix in corrections")
    }

    static let siteRuleIDs: [String] = catalog?.siteRules.map(\.metadata.id) ?? []

    @Test(arguments: siteRuleIDs)
    func siteExamplesHold(_ id: String) throws {
        let catalog = try #require(Self.catalog)
        let factory = try #require(catalog.siteRules.first { $0.metadata.id == id })
        #expect(!factory.metadata.triggeringSiteExamples.isEmpty, "\(id) has no triggering site example")
        #expect(!factory.metadata.nonTriggeringSiteExamples.isEmpty, "\(id) has no non-triggering site example")
        let failures = SiteExampleChecker.failures(of: factory)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func idsAreUnique() throws {
        let catalog = try #require(Self.catalog)
        #expect(Set(catalog.ids).count == catalog.ids.count)
    }

    /// The hand-kept registry lists every rule file: `ImageAltTextRule.swift` must be registered as
    /// `image-alt-text`.
    @Test func registryMatchesRuleFiles() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/PostlintRules").standardized
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var fileIDs: Set<String> = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix("Rule.swift") else { continue }
            fileIDs.insert(Self.kebab(String(name.dropLast("Rule.swift".count))))
        }
        let registered = Set(BuiltInRules.documentRules.map(\.metadata.id) + BuiltInRules.siteRules.map(\.metadata.id))
        #expect(fileIDs == registered)
    }

    static func kebab(_ camel: String) -> String {
        var output = ""
        let characters = Array(camel)
        for (index, character) in characters.enumerated() {
            if character.isUppercase {
                let previousLower = index > 0 && (characters[index - 1].isLowercase || characters[index - 1].isNumber)
                let nextLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if index > 0 && (previousLower || (nextLower && characters[index - 1].isUppercase)) { output += "-" }
                output += character.lowercased()
            } else {
                output.append(character)
            }
        }
        return output
    }
}
