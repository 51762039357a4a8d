import ArgumentParser
import PostlintEngine

/// The `postlint` command: a content linter and SEO auditor for Markdown posts with front matter.
@main
struct Postlint: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "postlint",
        abstract: "Lint Markdown posts and their front matter.",
        discussion: """
            Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors found or too many \
            warnings, 2 usage, configuration or I/O error.
            """,
        version: version,
        subcommands: [CheckCommand.self, FixCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self,
                      InstallHookCommand.self, LSPCommand.self, AuditCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command line, mapping every outcome to the documented exit codes: usage errors are
    /// 2 (ArgumentParser's own default would be 64).
    static func main() {
        do {
            // `check` is what hooks and CI run, once a commit or more: parsed on its own, it skips
            // building every other subcommand's arguments by reflection (a quarter of the start-up
            // instructions). Whatever it does not parse cleanly (help, version, a usage error)
            // goes through the root parser, which reports it exactly as before.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "check", let check = try? CheckCommand.parse(Array(arguments.dropFirst())) {
                try check.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let exit = error as? ExitCode {
                Self.exit(withError: exit)
            }
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.standardError.write(message + "\n") }
            Self.exit(withError: ExitCode(code == .validationFailure ? 2 : (code.rawValue == 1 ? 2 : code.rawValue)))
        }
    }
}
