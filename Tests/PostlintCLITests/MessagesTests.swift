import Foundation
import Testing
import PostlintTestSupport
@testable import postlint

/// What the binary says when something goes wrong, and the messages of a first hour with it.
@Suite struct MessagesTests {
    static let clean = """
        ---
        title: Brewing green tea
        slug: brewing-green-tea
        excerpt: How hot the water should be and how long green tea should steep, in plain words.
        keywords: [green tea]
        ---
        Green tea wants water below boiling.

        """

    private func run(
        _ arguments: [String], in folder: TemporaryFolder,
        environment: [String: String] = [:]
    ) throws -> CommandRunner.Output {
        try CommandRunner.run(arguments, in: URL(fileURLWithPath: folder.path), environment: environment)
    }

    @Test func everyFailurePrintsOneErrorStyleOnStandardError() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.clean)
        try folder.write("bad-config/.postlint.yml", "rules:\n  excerpt-length: {min: lots}\n")
        try folder.write("bad-config/post.md", Self.clean)
        try folder.write("baseline.json", "{\"findings\": []}\n")
        let failures: [[String]] = [
            ["check", "missing-folder"],
            ["check", "--config", "missing.yml", "post.md"],
            ["check", "bad-config"],
            ["check", "--format", "yaml", "post.md"],
            ["check", "--max-warnings", "many", "post.md"],
            ["check", "--baseline", "baseline.json", "post.md"],
            ["explain", "no-such-rule"],
            ["audit", "--worst", "-1", "post.md"],
            ["chek", "post.md"],
            ["fix", "missing-folder"],
        ]
        for arguments in failures {
            let result = try run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments): \(result.status)")
            let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
            let first = String(lines.first ?? "")
            #expect(first.hasPrefix("postlint: error: "), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("Error:"), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("postlint: postlint:"), "\(arguments): \(result.standardError)")
            #expect(!first.dropFirst("postlint: error: ".count).hasPrefix("postlint"), "\(arguments): \(first)")
        }
    }

    @Test func aMisspeltCommandIsNamedWithTheNearestOne() throws {
        let folder = try TemporaryFolder()
        let result = try run(["chek"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError == "postlint: error: unknown command 'chek'; did you mean 'check'?\n")
        #expect(result.standardOutput.isEmpty)
        // A folder of that name is a path to lint, as before.
        try folder.write("chek/post.md", Self.clean)
        let folderNamedSo = try run(["chek"], in: folder)
        #expect(folderNamedSo.status == 0, "\(folderNamedSo.standardError)")
        #expect(try run(["rule"], in: folder).standardError.contains("did you mean 'rules'?"))
    }

    @Test func theSuggestedCommandsAreTheSubcommands() {
        // Hidden commands (for tests and tools) are not suggested.
        let names = Postlint.configuration.subcommands.filter { $0.configuration.shouldDisplay }
            .compactMap { $0.configuration.commandName }
        #expect(Set(ErrorOutput.commandNames) == Set(names + ["help"]))
        #expect(ErrorOutput.unknownCommand("fx", exists: { _ in false }) == "unknown command 'fx'; did you mean 'fix'?")
        #expect(ErrorOutput.unknownCommand("content", exists: { _ in false }) == nil, "not close to any command")
        #expect(ErrorOutput.unknownCommand("audti", exists: { _ in true }) == nil, "an existing path is linted")
    }

    @Test func aMalformedBaselineIsNamedWithAPlainReason() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.clean)
        try folder.write("baseline.json", "{\"findings\": []}\n")
        let result = try run(["check", "--baseline", "baseline.json", "post.md"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix(
                "postlint: error: baseline.json: not a postlint baseline: the field \"version\" is missing"))
        #expect(!result.standardError.contains("CodingKeys"))
        #expect(!result.standardError.contains("DecodingError"))
        try folder.write("broken.json", "{\"version\": \"one\", \"findings\": []}\n")
        let wrongType = try run(["check", "--baseline", "broken.json", "post.md"], in: folder)
        #expect(
            wrongType.standardError.contains("not a postlint baseline: \"version\" is not a whole number"),
            "\(wrongType.standardError)")
        try folder.write("entry.json", "{\"version\": 1, \"findings\": [{\"path\": \"a.md\"}]}\n")
        let entry = try run(["check", "--baseline", "entry.json", "post.md"], in: folder)
        #expect(entry.standardError.contains("the field \"rule\" is missing in \"findings[0]\""), "\(entry.standardError)")
        try folder.write("text.json", "not json at all\n")
        let notJSON = try run(["check", "--baseline", "text.json", "post.md"], in: folder)
        #expect(
            notJSON.standardError.contains("not a postlint baseline: the file is not valid JSON"),
            "\(notJSON.standardError)")
    }

    @Test func writingABaselineSaysHowManyFindingsItRecorded() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "no front matter\n")
        try folder.write("b.md", Self.clean)
        let result = try run(["check", "--write-baseline", "baseline.json", "a.md", "b.md"], in: folder)
        #expect(result.status == 0)
        #expect(result.standardOutput == "1 finding in 2 files written to the baseline\n", "\(result.standardOutput)")
    }

    @Test func colourFollowsTheFlagThenNoColorThenForceColorThenTheTerminal() {
        func env(_ values: [String: String]) -> (String) -> String? { { values[$0] } }
        #expect(Terminal.wantsColor(.always, isTerminal: false, environment: env(["NO_COLOR": "1"])))
        #expect(!Terminal.wantsColor(.never, isTerminal: true, environment: env(["FORCE_COLOR": "1"])))
        #expect(Terminal.wantsColor(.auto, isTerminal: true, environment: env([:])))
        #expect(!Terminal.wantsColor(.auto, isTerminal: false, environment: env([:])))
        #expect(!Terminal.wantsColor(.auto, isTerminal: true, environment: env(["NO_COLOR": "1"])))
        #expect(Terminal.wantsColor(.auto, isTerminal: true, environment: env(["NO_COLOR": ""])))
        #expect(Terminal.wantsColor(.auto, isTerminal: false, environment: env(["FORCE_COLOR": "1"])))
        #expect(!Terminal.wantsColor(.auto, isTerminal: false, environment: env(["FORCE_COLOR": "0"])))
        #expect(!Terminal.wantsColor(.auto, isTerminal: false, environment: env(["FORCE_COLOR": "1", "NO_COLOR": "1"])))
    }

    @Test func colourCanBeAskedForInCILogs() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "no front matter\n")
        let escape = "\u{1B}["
        let plain = try run(["check", "a.md"], in: folder, environment: ["NO_COLOR": "", "FORCE_COLOR": ""])
        #expect(plain.status == 1)
        #expect(!plain.standardOutput.contains(escape), "piped output is plain by default")
        let forced = try run(["check", "a.md"], in: folder, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"])
        #expect(forced.standardOutput.contains(escape))
        let always = try run(["check", "--color", "always", "a.md"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(always.standardOutput.contains(escape))
        let never = try run(["check", "--color", "never", "a.md"], in: folder, environment: ["FORCE_COLOR": "1"])
        #expect(!never.standardOutput.contains(escape))
        #expect(never.status == 1)
        let slowPath = try run(
            ["check", "--color", "always", "--check-remote", "--remote-timeout", "1", "a.md"],
            in: folder, environment: ["NO_COLOR": "1"])
        #expect(slowPath.standardOutput.contains(escape), "the option is read by both command-line readers")
    }

    @Test func initLeavesAYamlConfigurationAlone() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yaml", "rules: {}\n")
        let result = try run(["init"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("postlint: error: .postlint.yaml already exists"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.postlint.yml"))
    }

    @Test func theReadmeKeepsTheSetUpCommandsNearTheTop() throws {
        let readme = try String(contentsOf: CommandRunner.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let top = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).joined(separator: "\n")
        #expect(top.contains("swift run postlint check fixtures"))
        #expect(top.contains("swift test"))
    }
}
