import ArgumentParser
import PostlintCore
import PostlintEngine
import PostlintReporters

/// `postlint audit [PATH...]`: the site's SEO report.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Score every post on the search checks and report the site.",
        discussion: """
            Runs the seo and site rules (and required-fields, excerpt-length, slug-format, \
            image-alt-text, broken-image, broken-link, invalid-utf8, mojibake) on every post, with \
            the options and severities of your configuration; a check that is off by default is run \
            unless your configuration switches it off. Each post scores 0 to 100: the weight of the \
            checks it passes over the weight of the checks run, a check weighing 3 as an error, 2 as a warning and 1 as info. Formats: a \
            text table, JSON, and one self-contained HTML page (--format html --output report.html).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "Files and folders to audit.", completion: .file())
    var paths: [String] = ["."]

    @OptionGroup var common: CommonOptions

    @Option(help: "Report format: text, json or html.")
    var format: Format = .text

    @Option(
        help: """
            Write the report to this file (atomically; a regular file or a new path, - for standard output) \
            instead of standard output.
            """,
        completion: .file())
    var output: String?

    @Option(help: "How many of the lowest-scoring posts to list.")
    var worst: Int = 5

    @Option(
        help:
            "HTML: put this before each post's path in line links (e.g. a repository's blob URL); default: relative to the report."
    )
    var linkBase: String?

    @Option(help: "Fail (exit 1) when the site's average score is below this.")
    var minScore: Double?

    @Flag(help: "Audit files that .gitignore, .ignore or .git/info/exclude ignore too (they are skipped when walking folders).")
    var noIgnore = false

    func validate() throws {
        if worst < 0 { throw ValidationError("--worst must be 0 or more") }
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100") }
    }

    func run() throws {
        try Terminal.checkOutputPath(output)
        let linter = try common.makeLinter()
        let report: AuditReport
        do throws(PostlintError) {
            var options = AuditOptions()
            options.honoursIgnoreFiles = !noIgnore
            report = try Auditor(linter: linter, options: options).audit(paths: paths, toolVersion: Postlint.version)
        } catch {
            throw CommandFailure(error)
        }
        for problem in report.problems { ErrorOutput.printError(problem.description) }
        let rendered: String
        switch format {
        case .text: rendered = AuditTextReporter(worstCount: worst).render(report)
        case .json: rendered = AuditJSONReporter(worstCount: worst).render(report)
        case .html:
            let base = linkBase ?? output.map { Self.relativeBase(forReportAt: $0) } ?? ""
            rendered = AuditHTMLReporter(linkBase: base, worstCount: worst).render(report)
        }
        try Terminal.writeReport(rendered, to: output)
        // As for check: a path that could not be read outranks any score.
        if !report.problems.isEmpty { throw ExitCode(2) }
        if let minScore, report.averageScore < minScore { throw ExitCode(1) }
    }

    /// `../` once per folder of a relative report path, so that relative post paths resolve from
    /// the report's folder (`out/report.html` links `../posts/a.md`).
    static func relativeBase(forReportAt path: String) -> String {
        guard !path.hasPrefix("/") else { return "" }
        let folders = path.split(separator: "/").dropLast().filter { $0 != "." }
        guard !folders.contains("..") else { return "" }
        return String(repeating: "../", count: folders.count)
    }
}
