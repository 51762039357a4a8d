import ArgumentParser
import PostlintCore
import PostlintEngine
import PostlintReporters

extension ReportFormat: ExpressibleByArgument {}

/// `postlint check [PATH...]`: lint posts and report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint posts and report what is wrong.",
        discussion: """
            Folders are searched recursively for .md and .markdown files, skipping hidden names and \
            node_modules and not following symbolic links to folders; a file named explicitly is always \
            linted. Each file uses the nearest .postlint.yml above it unless --config is given.
            """
    )

    @Argument(help: "Files and folders to lint.", completion: .file())
    var paths: [String] = ["."]

    @OptionGroup var common: CommonOptions

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Flag(help: "Report errors only.")
    var quiet = false

    @Option(help: "Fail (exit 1) when there are more than this many warnings.")
    var maxWarnings: Int?

    @Flag(help: "Apply safe fixes first, then report what remains.")
    var fix = false

    @Option(help: "Write the report to this file (atomically) instead of standard output; the exit code still gates.",
            completion: .file())
    var output: String?

    @Option(help: "Lint only the posts changed since this git reference's merge base (renames followed, deleted files ignored); site-level rules still see every post.")
    var changedSince: String?

    @Flag(help: "Lint the staged contents (the git index, not the working tree) of staged posts.")
    var staged = false

    @Option(help: "Report only findings that are not in this baseline file.", completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(help: "Record today's findings in this baseline file (the run then succeeds).", completion: .file(extensions: ["json"]))
    var writeBaseline: String?

    @Flag(help: "Report postlint-disable comments that silence nothing.")
    var reportUnusedDisables = false

    @Flag(help: "Also check remote (http, https) images: HEAD, then GET where refused; results are cached. Needs curl on the PATH.")
    var checkRemote = false

    @Option(help: "With --check-remote: seconds before a request is abandoned.")
    var remoteTimeout: Double = 10

    @Option(help: "With --check-remote: requests in flight at once (at most 2 per host).")
    var remoteConcurrency: Int = 8

    @Option(help: "With --check-remote: the cache file (default: postlint/remote-cache.json in the user's cache folder).",
            completion: .file(extensions: ["json"]))
    var remoteCache: String?

    @Option(help: "With --check-remote: seconds a cached result stays valid (0: no cache).")
    var remoteCacheTtl: Double = 86_400

    @Flag(help: "Lint standard input instead of files (for editors and tools that pipe a buffer).")
    var stdin = false

    @Option(help: "With --stdin: the path the text is linted as (its configuration, its folder for relative images).")
    var stdinFilename: String?

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if stdinFilename != nil, !stdin { throw ValidationError("--stdin-filename goes with --stdin") }
        if stdin, fix { throw ValidationError("--fix cannot rewrite standard input; use postlint fix on the file") }
        if stdin, changedSince != nil || staged { throw ValidationError("--stdin cannot be combined with --changed-since or --staged") }
        if changedSince != nil, staged { throw ValidationError("choose one of --changed-since and --staged") }
        if baseline != nil, writeBaseline != nil { throw ValidationError("choose one of --baseline and --write-baseline") }
        if remoteTimeout <= 0 || !remoteTimeout.isFinite { throw ValidationError("--remote-timeout must be a positive number of seconds") }
        if remoteConcurrency < 1 { throw ValidationError("--remote-concurrency must be at least 1") }
        if remoteCacheTtl < 0 || !remoteCacheTtl.isFinite { throw ValidationError("--remote-cache-ttl must be 0 or more") }
    }

    func run() throws {
        let linter = try common.makeLinter()
        if fix {
            let summary = try FixRunner(linter: linter, dryRun: false).run(paths: paths)
            for problem in summary.problems { Terminal.standardError.write("postlint: \(problem)\n") }
        }
        var outcome: LintOutcome
        var standardInput: [String: [UInt8]] = [:]
        do throws(PostlintError) {
            var options = LintOptions(reportUnusedDisables: reportUnusedDisables)
            if checkRemote {
                options.remote = RemoteCheckOptions(
                    concurrency: remoteConcurrency, timeout: remoteTimeout,
                    cachePath: remoteCacheTtl > 0 ? (remoteCache ?? RemoteCheckOptions.defaultCachePath()) : nil,
                    cacheTimeToLive: remoteCacheTtl)
            }
            if stdin {
                let bytes = try FileReader.readStandardInput().get()
                let name = stdinFilename ?? "<stdin>.md"
                standardInput[name] = bytes
                outcome = try linter.lint(bytes: bytes, as: name, options: options)
            } else {
                if let changedSince {
                    options.reportOnly = try GitChanges.changedSince(changedSince, in: linter.workingDirectory)
                } else if staged {
                    options.contents = try GitChanges.stagedContents(in: linter.workingDirectory)
                    options.reportOnly = Set(options.contents.keys)
                }
                outcome = try linter.lint(paths: paths, options: options)
            }
            let lineText = LineTextSource(workingDirectory: linter.workingDirectory, overrides: standardInput)
            if let writeBaseline {
                let recorded = Baseline(findings: outcome.findings, lineText: lineText)
                try AtomicWriter.write(writeBaseline, bytes: recorded.encoded())
                Terminal.standardError.write("postlint: recorded \(outcome.findings.count) findings in \(writeBaseline)\n")
                outcome.findings = []
            } else if let baseline {
                outcome.findings = try Baseline.load(path: baseline).newFindings(outcome.findings, lineText: lineText)
            }
        } catch {
            throw CommandFailure(error)
        }
        for problem in outcome.problems { Terminal.standardError.write("postlint: \(problem)\n") }
        // --quiet: the text format prints errors only (with the true summary); the machine formats
        // leave the lesser findings out.
        let findings = quiet && format != .text ? outcome.findings.filter { $0.severity == .error } : outcome.findings
        var report = LintReport(findings: findings, fileCount: outcome.fileCount, rules: outcome.rules,
                                toolVersion: Postlint.version)
        report.files = outcome.files
        let colored = output == nil && Terminal.standardOutput.wantsColor
        let rendered = format.makeReporter(colored: colored, files: outcome.files, quiet: quiet).render(report)
        if let output {
            do throws(PostlintError) {
                try AtomicWriter.write(output, bytes: Array(rendered.utf8))
            } catch {
                throw CommandFailure(error)
            }
        } else {
            Terminal.standardOutput.write(rendered)
        }
        throw ExitCode(ExitPolicy.code(for: outcome, maxWarnings: maxWarnings))
    }
}

/// Options shared by the commands that lint.
struct CommonOptions: ParsableArguments {
    @Option(help: "Use this configuration file for every post instead of searching for .postlint.yml.",
            completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    /// The linter for this run; a configuration error is a `CommandFailure` (exit code 2).
    func makeLinter() throws -> Linter {
        do throws(PostlintError) {
            return try linter()
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
    var description: String { "postlint: \(error)" }
}

