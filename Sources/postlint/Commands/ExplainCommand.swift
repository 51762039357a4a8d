import ArgumentParser
import PostlintCore
import PostlintEngine

/// `postlint explain ID`: a rule's rationale, options and examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: why it exists, its options and examples.")

    @Argument(help: "The rule id, e.g. slug-format.")
    var id: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let catalog: RuleCatalog
        do throws(PostlintError) {
            let linter = try common.linter()
            catalog = try linter.resolver.configuration(forFileAt: PathUtilities.join(linter.workingDirectory, "-")).catalog
        } catch {
            throw CommandFailure(error)
        }
        guard let metadata = catalog.documentedMetadata(of: id) else {
            var message = "unknown rule \"\(id)\""
            if let close = catalog.closestDocumentedID(to: id) { message += " (did you mean \"\(close)\"?)" }
            throw ValidationError(message + "; postlint rules lists every rule")
        }
        Terminal.standardOutput.write(RuleDocumentation.explanation(metadata))
    }
}
