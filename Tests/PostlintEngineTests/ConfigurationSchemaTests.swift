import Foundation
import Testing
import PostlintCore
import PostlintJSON
import PostlintReporters
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct ConfigurationSchemaTests {
    /// `docs/postlint.schema.json` is generated from the configuration's keys and the rules'
    /// declared options; write it again with
    /// `swift run postlint rules --format json-schema > docs/postlint.schema.json`.
    @Test func committedSchemaIsCurrent() throws {
        let path = CommandRunner.packageRoot().appendingPathComponent("docs/postlint.schema.json")
        let committed = try String(contentsOf: path, encoding: .utf8)
        let generated = ConfigurationSchema.text(catalog: try RuleCatalog.base())
        #expect(
            committed == generated,
            "docs/postlint.schema.json is stale: run swift run postlint rules --format json-schema > docs/postlint.schema.json")
    }

    @Test func everyKeyTheLoaderReadsHasASchema() {
        #expect(ConfigurationSchema.topLevelProperties.map(\.key) == ConfigurationLoader.topLevelKeys)
        guard case .object(let site) = ConfigurationSchema.siteSchema,
            case .object(let properties)? = site.first(where: { $0.key == "properties" })?.value
        else {
            Issue.record("site has no properties")
            return
        }
        #expect(properties.map(\.key) == SiteSettings.keys)
    }

    @Test func everyRuleHasItsOptionsWithTypesBoundsAndDefaults() throws {
        let catalog = try RuleCatalog.base()
        let schema = ConfigurationSchema.schema(catalog: catalog)
        for rule in catalog.allMetadata {
            let definition = try #require(member("rule-\(rule.id)", of: member("$defs", of: schema)))
            let settings = try #require(anyOf(definition).last)
            let options = try #require(member("properties", of: settings))
            guard case .object(let members) = options else { throw SchemaShapeError() }
            #expect(members.map(\.key) == ["severity", "enabled"] + rule.options.map(\.name), "\(rule.id)")
        }
        let maxLength = try #require(
            member(
                "max-length",
                of: member(
                    "properties",
                    of: anyOf(
                        member("rule-slug-format", of: member("$defs", of: schema))
                    ).last)))
        #expect(
            maxLength
                == .object([
                    ("description", .string("the longest slug allowed, in characters")),
                    ("type", .string("integer")), ("minimum", .number("1")), ("default", .number("75")),
                ]))
    }

    private struct SchemaShapeError: Error {}

    private func member(_ key: String, of value: JSONValue?) -> JSONValue? {
        guard case .object(let members)? = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    private func anyOf(_ value: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = member("anyOf", of: value) else { return [] }
        return items
    }
}
