import ArgumentParser
import PostlintCore
import PostlintEngine
import PostlintReporters

extension ReportFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

/// `postlint check [PATH...]`: lint posts and report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint posts and report what is wrong.",
        discussion: """
            Folders are searched recursively for .md and .markdown files, skipping hidden names and \
            node_modules and not following symbolic links to folders; a file named explicitly is always \
            linted, unless --force-exclude is given. Files and folders the repository ignores are skipped \
            as git would skip them (.gitignore files inside a git work tree, .ignore files anywhere, \
            .git/info/exclude, git's core.excludesFile), unless --no-ignore is given; --force-exclude applies them to files named \
            explicitly too. Each file uses the nearest .postlint.yml (or .postlint.yaml) in its folder or above, \
            on its own (not merged with those further up), unless --config is given.
            """
    )

    @Argument(help: "Files and folders to lint.", completion: .file())
    var paths: [String] = ["."]

    @OptionGroup var common: CommonOptions

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(
        help:
            "Colour the text report: auto (on a terminal, or when FORCE_COLOR is set; never when NO_COLOR is set), always or never."
    )
    var color: ColorChoice = .auto

    @Flag(help: "Report errors only.")
    var quiet = false

    @Option(help: "Fail (exit 1) when there are more than this many warnings.")
    var maxWarnings: Int?

    @Flag(help: "Apply safe fixes first, then report what remains.")
    var fix = false

    @Option(
        help: """
            Write the report to this file (atomically; a regular file or a new path, - for standard output) \
            instead of standard output; the exit code still gates.
            """,
        completion: .file())
    var output: String?

    @Option(
        help:
            "Lint only the posts changed since this git reference's merge base (renames followed, deleted files ignored); site-level rules still see every post."
    )
    var changedSince: String?

    @Flag(
        help:
            "Lint the staged contents (the git index, not the working tree) of staged posts; site-level rules see the other posts as the commit holds them, and images and linked files must be in the index too."
    )
    var staged = false

    @Option(help: "Report only findings that are not in this baseline file.", completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(
        help: "Record today's findings in this baseline file (the run then succeeds).", completion: .file(extensions: ["json"]))
    var writeBaseline: String?

    @Flag(help: "Report postlint-disable comments that silence nothing.")
    var reportUnusedDisables = false

    @Flag(
        help: "Also check remote (http, https) images: HEAD, then GET where refused; results are cached. Needs curl on the PATH.")
    var checkRemote = false

    @Option(help: "With --check-remote: seconds before a request is abandoned.")
    var remoteTimeout: Double = 10

    @Option(help: "With --check-remote: requests in flight at once (at most 2 per host).")
    var remoteConcurrency: Int = 8

    @Option(
        help: "With --check-remote: the cache file (default: postlint/remote-cache.json in the user's cache folder).",
        completion: .file(extensions: ["json"]))
    var remoteCache: String?

    @Option(help: "With --check-remote: seconds a cached result stays valid (0: no cache).")
    var remoteCacheTtl: Double = 86_400

    @Flag(
        help:
            "Apply the configuration's include and exclude to files named on the command line too (for hooks that pass file names)."
    )
    var forceExclude = false

    @Flag(help: "Lint files that .gitignore, .ignore or .git/info/exclude ignore too (they are skipped when walking folders).")
    var noIgnore = false

    @Flag(
        help:
            "With --staged or --changed-since: read every other post for its site facts instead of using the facts kept from earlier runs."
    )
    var noCache = false

    @Flag(help: "Lint standard input instead of files (for editors and tools that pipe a buffer).")
    var stdin = false

    @Option(help: "With --stdin: the path the text is linted as (its configuration, its folder for relative images).")
    var stdinFilename: String?

    /// What the command line asked for.
    var request: CheckRequest {
        CheckRequest(
            paths: paths, config: common.config, format: format, quiet: quiet, maxWarnings: maxWarnings,
            fix: fix, output: output, changedSince: changedSince, staged: staged, baseline: baseline,
            writeBaseline: writeBaseline, reportUnusedDisables: reportUnusedDisables,
            checkRemote: checkRemote, remoteTimeout: remoteTimeout, remoteConcurrency: remoteConcurrency,
            remoteCache: remoteCache, remoteCacheTtl: remoteCacheTtl, stdin: stdin,
            stdinFilename: stdinFilename, color: color, forceExclude: forceExclude,
            noIgnore: noIgnore, noCache: noCache)
    }

    func validate() throws {
        try request.validate()
    }

    func run() throws {
        try request.run()
    }
}

/// Options shared by the commands that lint.
struct CommonOptions: ParsableArguments {
    @Option(
        help: "Use this configuration file for every post instead of searching for .postlint.yml or .postlint.yaml.",
        completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    /// The linter for this run; a configuration error is a `CommandFailure` (exit code 2).
    func makeLinter() throws -> Linter {
        try Self.makeLinter(config: config)
    }

    /// The linter for a run with this `--config` (nil: the nearest .postlint.yml of each file),
    /// looking files up through `fileSystem` when given.
    static func makeLinter(config: String?, fileSystem: (any FileSystemView)? = nil) throws -> Linter {
        do throws(PostlintError) {
            if let fileSystem { return try Linter(configPath: config, fileSystem: fileSystem) }
            return try Linter(configPath: config)
        } catch {
            throw CommandFailure(error)
        }
    }

    func linter() throws(PostlintError) -> Linter {
        try Linter(configPath: config)
    }
}

/// A configuration, rule pack or I/O error: printed to standard error, exit code 2.
struct CommandFailure: Error, CustomStringConvertible {
    var error: PostlintError
    init(_ error: PostlintError) { self.error = error }
    var description: String { error.description }
}
