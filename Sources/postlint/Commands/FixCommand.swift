import ArgumentParser
import PostlintEngine

/// `postlint fix [PATH...]`: apply the safe fixes rules offer.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply safe fixes to posts, in place.",
        discussion: """
            Only fixes the rules are sure of are applied (mojibake repair, byte order mark removal, \
            line endings). Each file is written atomically with its owner, group and permissions kept \
            (never setuid or setgid), after a check that nothing changed it meanwhile; a symbolic link is \
            fixed through to its target. Files the repository ignores (.gitignore, .ignore, \
            .git/info/exclude) are skipped when walking folders, unless --no-ignore is given. Files that need no fix, and UTF-16 or UTF-32 files, are not \
            touched, and a second run changes nothing. Exit code 2 when a file could not be fixed (for \
            example a read-only or hard-linked file); with --dry-run, exit code 1 when a file would \
            change and 0 when none would.
            """
    )

    @Argument(help: "Files and folders to fix.", completion: .file())
    var paths: [String] = ["."]

    @OptionGroup var common: CommonOptions

    @Flag(help: "Print a unified diff of what would change and write nothing; exit 1 when something would change.")
    var dryRun = false

    @Flag(
        help:
            "Apply the configuration's include and exclude to files named on the command line too (for hooks that pass file names)."
    )
    var forceExclude = false

    @Flag(help: "Lint files that .gitignore, .ignore or .git/info/exclude ignore too (they are skipped when walking folders).")
    var noIgnore = false

    func run() throws {
        let linter = try common.makeLinter()
        let summary = try FixRunner(
            linter: linter, dryRun: dryRun, forceExclude: forceExclude,
            honoursIgnoreFiles: !noIgnore
        ).run(paths: paths)
        if dryRun {
            Terminal.standardOutput.write(summary.diff)
        } else if summary.fixedFiles.isEmpty {
            Terminal.standardOutput.write("nothing to fix\n")
        } else {
            for file in summary.fixedFiles { Terminal.standardOutput.write("fixed \(file)\n") }
            let fixes = summary.appliedFixes == 1 ? "fix" : "fixes"
            let files = summary.fixedFiles.count == 1 ? "file" : "files"
            Terminal.standardOutput.write("\(summary.appliedFixes) \(fixes) applied in \(summary.fixedFiles.count) \(files)\n")
        }
        for problem in summary.problems { ErrorOutput.printError(problem.description) }
        if !summary.problems.isEmpty { throw ExitCode(2) }
        throw ExitCode(dryRun && !summary.fixedFiles.isEmpty ? 1 : 0)
    }
}
