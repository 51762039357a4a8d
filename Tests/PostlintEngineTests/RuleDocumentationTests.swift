import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct RuleDocumentationTests {
    /// `docs/rules.md` is generated from the rules' metadata; regenerate it with
    /// `swift run postlint rules --format markdown > docs/rules.md` when a rule changes.
    @Test func committedReferenceIsCurrent() throws {
        let path = CommandRunner.packageRoot().appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: path, encoding: .utf8)
        let generated = RuleDocumentation.reference(try RuleCatalog.base().documentedMetadata)
        #expect(committed == generated, "docs/rules.md is stale: run swift run postlint rules --format markdown > docs/rules.md")
    }

    @Test func explanationCarriesEverything() throws {
        let metadata = try #require(try RuleCatalog.base().metadata(of: "excerpt-length"))
        let text = RuleDocumentation.explanation(metadata)
        #expect(text.hasPrefix("excerpt-length (front-matter, warning)"))
        #expect(text.contains("min (integer, at least 0, default 50)"))
        #expect(text.contains("Defined in rules/default/excerpt-length.yml."))
        #expect(text.contains("⟦Too short to say much.⟧"))
    }

    @Test func theSuppressionRulesAreExplained() throws {
        let catalog = try RuleCatalog.base()
        let unused = try #require(catalog.documentedMetadata(of: "unused-disable"))
        #expect(RuleDocumentation.explanation(unused).hasPrefix("unused-disable ("))
        #expect(catalog.documentedMetadata(of: "unknown-directive") != nil)
        #expect(catalog.closestDocumentedID(to: "unused-disabel") == "unused-disable")
    }

    @Test func tableListsEveryRule() throws {
        let catalog = try RuleCatalog.base()
        let table = RuleDocumentation.table(catalog.documentedMetadata)
        #expect(table.split(separator: "\n").count == catalog.allMetadata.count + 3)
        #expect(table.contains("unused-disable"))
        #expect(table.contains("unknown-directive"))
    }
}
