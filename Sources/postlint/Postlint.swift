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
        subcommands: [
            CheckCommand.self, FixCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self,
            InstallHookCommand.self, LSPCommand.self, AuditCommand.self, SiteCommand.self,
            DumpFrontMatterCommand.self, DumpAnchorsCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command line, mapping every outcome to the documented exit codes: usage errors are
    /// 2 (ArgumentParser's own default would be 64).
    static func main() {
        AllocatorTuning.fixLargeBlockThreshold()
        do {
            // `check` is what hooks and CI run, once a commit or more. Its common forms are read
            // without ArgumentParser (whose reflection is half the start-up instructions); the
            // others are parsed as `check` alone, which skips building every other subcommand's
            // arguments. Whatever that does not parse cleanly (help, version, a usage error) goes
            // through the root parser, which reports it exactly as before.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let first = arguments.first,
                let message = ErrorOutput.unknownCommand(first, exists: { LocalFileSystem().kind(of: $0) != .missing })
            {
                ErrorOutput.printError(message)
                Terminal.exit(2)
            }
            if arguments.first == "check" {
                let checkArguments = Array(arguments.dropFirst())
                if let request = QuickCheckArguments.request(for: checkArguments) {
                    try request.run()
                    return
                }
                if let check = try? CheckCommand.parse(checkArguments) {
                    try check.run()
                    return
                }
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // An exit code is all there is to say: exit at once (ArgumentParser's `exit(withError:)`
            // builds the help text to look for a message first, a quarter of a run's start-up).
            if let exit = error as? ExitCode {
                Terminal.exit(exit.rawValue)
            }
            let code = exitCode(for: error)
            if code == .success {
                // Help or the version: printed here once (`exit(withError:)` would print it again).
                Terminal.standardOutput.write(fullMessage(for: error) + "\n")
                Terminal.exit(0)
            }
            if let failure = error as? CommandFailure {
                ErrorOutput.printError(failure.error.description)
            } else {
                let message = fullMessage(for: error)
                if !message.isEmpty { Terminal.standardError.write(ErrorOutput.fromArgumentParser(message)) }
            }
            Terminal.exit(code == .validationFailure ? 2 : (code.rawValue == 1 ? 2 : code.rawValue))
        }
    }
}
