import ArgumentParser
import PostlintCore
import PostlintEngine
import PostlintReporters

/// What `postlint check` is asked to do, however the command line was read: `CheckCommand`
/// (ArgumentParser) or `QuickCheckArguments` (the common invocations, without reflection).
struct CheckRequest: Equatable {
    var paths: [String] = ["."]
    var config: String?
    var format: ReportFormat = .text
    var quiet = false
    var maxWarnings: Int?
    var fix = false
    var output: String?
    var changedSince: String?
    var staged = false
    var baseline: String?
    var writeBaseline: String?
    var reportUnusedDisables = false
    var checkRemote = false
    var remoteTimeout: Double = 10
    var remoteConcurrency: Int = 8
    var remoteCache: String?
    var remoteCacheTtl: Double = 86_400
    var stdin = false
    var stdinFilename: String?
    var color: ColorChoice = .auto
    var forceExclude = false
    var noIgnore = false
    var noCache = false

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if stdinFilename != nil, !stdin { throw ValidationError("--stdin-filename goes with --stdin") }
        if stdin, fix { throw ValidationError("--fix cannot rewrite standard input; use postlint fix on the file") }
        if stdin, changedSince != nil || staged {
            throw ValidationError("--stdin cannot be combined with --changed-since or --staged")
        }
        if changedSince != nil, staged { throw ValidationError("choose one of --changed-since and --staged") }
        if baseline != nil, writeBaseline != nil { throw ValidationError("choose one of --baseline and --write-baseline") }
        if remoteTimeout <= 0 || !remoteTimeout.isFinite {
            throw ValidationError("--remote-timeout must be a positive number of seconds")
        }
        if remoteConcurrency < 1 { throw ValidationError("--remote-concurrency must be at least 1") }
        if remoteCacheTtl < 0 || !remoteCacheTtl.isFinite { throw ValidationError("--remote-cache-ttl must be 0 or more") }
    }

    func run() throws {
        RuleCatalog.loadInBackground()
        try Terminal.checkOutputPath(output)
        try Terminal.checkOutputPath(writeBaseline)
        // --staged: images and linked files are looked up as the commit will hold them.
        let indexFiles = staged ? IndexFileSystem.forRepository(at: PathUtilities.currentDirectory()) : nil
        let linter = try CommonOptions.makeLinter(config: config, fileSystem: indexFiles)
        // A post that could not be fixed (read-only, hard-linked, its owner not kept) ends the run
        // with exit code 2, as `postlint fix` does, after the report.
        var fixFailed = false
        if fix {
            let summary = try FixRunner(
                linter: linter, dryRun: false, forceExclude: forceExclude,
                honoursIgnoreFiles: !noIgnore
            ).run(paths: paths)
            for problem in summary.problems { ErrorOutput.printError(problem.description) }
            fixFailed = !summary.problems.isEmpty
        }
        var outcome: LintOutcome
        var standardInput: [String: [UInt8]] = [:]
        var recordedInBaseline: Int?
        do throws(PostlintError) {
            var options = LintOptions(
                reportUnusedDisables: reportUnusedDisables, forceExclude: forceExclude,
                honoursIgnoreFiles: !noIgnore)
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
                // A small run's other posts come from the site facts cache, read while git answers.
                if changedSince != nil || staged, !noCache {
                    options.siteFactsCache = SiteFactsCacheLocation.file(forRepositoryAround: linter.workingDirectory)
                        .map { SiteFactsCache(path: $0, toolVersion: Postlint.version) }
                    // --staged: the site from the last such run's snapshot, when it is still the
                    // site (the facts cache is read only when it is not).
                    if staged, let cache = options.siteFactsCache {
                        options.siteSnapshot = SiteSnapshotStore(besides: cache)
                        options.siteSnapshot?.loadInBackground()
                    } else {
                        options.siteFactsCache?.loadInBackground()
                    }
                }
                if let changedSince {
                    options.reportOnly = try GitChanges.changedSince(changedSince, in: linter.workingDirectory)
                } else if staged {
                    try options.lintStaged(inRepositoryAround: linter.workingDirectory)
                }
                outcome = try linter.lint(paths: paths, options: options)
            }
            let lineText = LineTextSource(workingDirectory: linter.workingDirectory, overrides: standardInput)
            if let writeBaseline {
                let recorded = Baseline(findings: outcome.findings, lineText: lineText)
                try OutputPath.check(writeBaseline)
                try AtomicWriter.write(writeBaseline, bytes: recorded.encoded())
                recordedInBaseline = outcome.findings.count
                outcome.findings = []
            } else if let baseline {
                outcome.findings = try Baseline.load(path: baseline).newFindings(outcome.findings, lineText: lineText)
            }
        } catch {
            throw CommandFailure(error)
        }
        if let indexFiles {
            let namingFiles = Set(outcome.rules.filter { $0.capabilities.contains(.reportsMissingLocalFiles) }.map(\.id))
            // --staged reports the staged posts only: few findings, held as values here.
            outcome.findings = FindingList(indexFiles.explainingUnstagedFiles(Array(outcome.findings), ruleIDs: namingFiles))
        }
        for problem in outcome.problems { ErrorOutput.printError(problem.description) }
        // --quiet: the text format prints errors only (with the true summary); the machine formats
        // leave the lesser findings out.
        let findings = quiet && format != .text ? outcome.findings.only(.error) : outcome.findings
        var report = LintReport(
            findings: findings, fileCount: outcome.fileCount, rules: outcome.rules,
            toolVersion: Postlint.version)
        report.files = outcome.files
        report.recordedInBaseline = recordedInBaseline
        let toStandardOutput = output == nil || output == OutputPath.standardOutput
        let colored = color == .always || (toStandardOutput && Terminal.standardOutput.wantsColor(color))
        let reporter = format.makeReporter(colored: colored, files: outcome.files, quiet: quiet)
        try Terminal.writeReport(report, with: reporter, to: output)
        throw ExitCode(fixFailed ? 2 : ExitPolicy.code(for: outcome, maxWarnings: maxWarnings))
    }
}
