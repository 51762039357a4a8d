import Testing
import PostlintTestSupport
@testable import postlint

/// `QuickCheckArguments` reads the common `check` command lines without ArgumentParser; whatever
/// it reads, ArgumentParser must read the same way, and what it declines ArgumentParser handles.
@Suite struct QuickCheckArgumentsTests {
    /// Words a command line is drawn from: paths (and words that look like them), every option the
    /// quick reader knows, options it leaves to ArgumentParser, and values good and bad.
    static let words = [
        "posts", "a.md", ".", "", "help", "check", "-", "--", "-h", "--help", "--version", "-x", "--bogus",
        "--quiet", "--fix", "--staged", "--report-unused-disables", "--stdin", "--check-remote", "--force-exclude",
        "--no-ignore",
        "--config", "--format", "--max-warnings", "--output", "--changed-since", "--baseline",
        "--write-baseline", "--stdin-filename", "--remote-timeout", "--color", "always", "never", "auto", "--format=json",
        "--quiet=true",
        "json", "text", "sarif", "github", "junit", "JSON", "5", "0", "-1", "+3", "1e2", "x.yml", "main",
    ]

    /// The request ArgumentParser makes of the arguments, nil when it rejects them.
    private func parsed(_ arguments: [String]) -> CheckRequest? {
        (try? CheckCommand.parse(arguments))?.request
    }

    @Test func theCommonFormsAreReadQuicklyAndAsArgumentParserReadsThem() throws {
        let common: [[String]] = [
            [], ["fixtures"], ["a.md", "b.md"], ["--staged"], ["--format", "json", "posts"],
            ["posts", "--format", "sarif", "--output", "report.sarif"], ["--quiet", "--max-warnings", "0", "."],
            ["--changed-since", "main", "--format", "github"], ["--config", "site.yml", "--fix", "posts"],
            ["--baseline", "baseline.json"], ["--write-baseline", "baseline.json"],
            ["--stdin", "--stdin-filename", "posts/a.md"], ["--report-unused-disables"],
            ["--color", "always", "posts"], ["--color", "never"],
            ["--force-exclude", "README.md", "posts/a.md"], ["--no-ignore", "posts"],
        ]
        for arguments in common {
            let quick = try #require(QuickCheckArguments.request(for: arguments), "\(arguments)")
            #expect(quick == parsed(arguments), "\(arguments)")
        }
        #expect(QuickCheckArguments.request(for: [])?.paths == ["."])
        #expect(QuickCheckArguments.request(for: ["--format", "junit"])?.format == .junit)
    }

    @Test func whatItDeclinesIncludesHelpRepeatsAndInvalidRequests() {
        let declined: [[String]] = [
            ["--help"], ["-h"], ["--version"], ["--format=json"], ["--format", "yaml"], ["--quiet", "--quiet"],
            ["--max-warnings", "-1"], ["--max-warnings"], ["--config", "--quiet"], ["--", "-file.md"],
            ["--staged", "--changed-since", "main"], ["--stdin", "--fix"], ["--stdin-filename", "a.md"],
            ["--check-remote"], ["-"], ["--color", "sometimes"],
        ]
        for arguments in declined {
            #expect(QuickCheckArguments.request(for: arguments) == nil, "\(arguments)")
        }
    }

    /// Thousands of command lines drawn from `words`: where the quick reader answers, ArgumentParser
    /// accepts the line and makes the same request.
    @Test func agreesWithArgumentParserOnDrawnCommandLines() {
        var random = SeededRandom(seed: 0x5EED_C4EC)
        var answered = 0
        for _ in 0..<4000 {
            let count = Int(random.next() % 6)
            let arguments = (0..<count).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }
            guard let quick = QuickCheckArguments.request(for: arguments) else { continue }
            answered += 1
            #expect(quick == parsed(arguments), "\(arguments)")
        }
        // The drawing reaches the quick reader's answers often, not only its refusals.
        #expect(answered > 400)
    }
}
