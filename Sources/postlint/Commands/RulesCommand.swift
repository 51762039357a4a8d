import ArgumentParser
import PostlintCore
import PostlintEngine

/// `postlint rules`: every rule with its category, severity, fixability and summary.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule (built-in, default pack and configured packs).")

    @OptionGroup var common: CommonOptions

    enum ListFormat: String, ExpressibleByArgument {
        case text, markdown
        case jsonSchema = "json-schema"
    }

    @Option(
        help:
            "text: a table; markdown: the rule reference (docs/rules.md); json-schema: the JSON Schema of .postlint.yml (docs/postlint.schema.json)."
    )
    var format: ListFormat = .text

    func run() throws {
        let catalog: RuleCatalog
        do throws(PostlintError) {
            if let config = common.config {
                catalog = try ConfigurationLoader.load(path: config).catalog
            } else {
                let linter = try common.linter()
                catalog = try linter.resolver.configuration(forFileAt: PathUtilities.join(linter.workingDirectory, "-")).catalog
            }
        } catch {
            throw CommandFailure(error)
        }
        switch format {
        case .text: Terminal.standardOutput.write(RuleDocumentation.table(catalog.documentedMetadata))
        case .markdown: Terminal.standardOutput.write(RuleDocumentation.reference(catalog.documentedMetadata))
        case .jsonSchema: Terminal.standardOutput.write(ConfigurationSchema.text(catalog: catalog))
        }
    }
}
