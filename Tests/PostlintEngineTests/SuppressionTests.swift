import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct SuppressionTests {
    private func lint(_ text: String, config: String? = nil, reportUnused: Bool = false) throws -> [Finding] {
        let folder = try TemporaryFolder()
        try folder.write("post.md", text)
        if let config { try folder.write(".postlint.yml", config) }
        // Only the rules these posts exercise; others (SEO advice on short test posts) are beside the point.
        let exercised: Set<String> = ["control-character", "unused-disable", "unknown-directive", "excerpt-length"]
        return try Linter(workingDirectory: folder.path)
            .lint(paths: ["."], options: LintOptions(reportUnusedDisables: reportUnused)).findings
            .filter { exercised.contains($0.ruleID) }
    }

    /// A post whose only problems are two control characters (U+0007) on lines 7 and 9.
    private func post(_ middle: String) -> String {
        """
        ---
        title: Suppressions
        slug: suppressions
        excerpt: A post for the suppression tests, long enough for the excerpt rule to be quiet.
        keywords: [suppressions]
        ---
        \(middle)
        """
    }

    @Test func regionsSilenceTheRulesTheyNameUntilEnabled() throws {
        let text = post(
            """
            <!-- postlint-disable control-character -->
            Bell \u{7} one.
            <!-- postlint-enable -->
            Bell \u{7} two, about suppressions.

            """)
        let findings = try lint(text)
        #expect(findings.map(\.ruleID) == ["control-character"])
        #expect(findings.first?.start.line == 10)
    }

    @Test func disableWithoutRulesSilencesEveryRule() throws {
        let findings = try lint(post("<!-- postlint-disable -->\nBell \u{7} and suppressions.\n"))
        #expect(findings.isEmpty)
    }

    @Test func nextLineAndFileDirectives() throws {
        let nextLine = try lint(
            post("<!-- postlint-disable-next-line control-character -->\nBell \u{7}.\nBell \u{7} again, suppressions.\n"))
        #expect(nextLine.map(\.start.line) == [9])
        let file = try lint(post("Bell \u{7}, suppressions.\n\n<!-- postlint-disable-file control-character -->\n"))
        #expect(file.isEmpty)
    }

    @Test func directivesInCodeDoNotCount() throws {
        let findings = try lint(post("```\n<!-- postlint-disable -->\n```\nBell \u{7}, suppressions.\n"))
        #expect(findings.map(\.ruleID) == ["control-character"])
    }

    @Test func frontMatterCanSilenceFrontMatterRulesForOnePost() throws {
        let text = """
            ---
            title: Short excerpt on purpose
            slug: short
            excerpt: Too short.
            keywords: [short]
            postlint: {disable: [excerpt-length]}
            ---
            A short post.

            """
        #expect(try lint(text).isEmpty)
    }

    @Test func unusedDirectivesAreReportedOnlyWhenAsked() throws {
        let text = post("<!-- postlint-disable-next-line broken-link -->\nNothing wrong with suppressions here.\n")
        #expect(try lint(text).isEmpty)
        let reported = try lint(text, reportUnused: true)
        #expect(reported.map(\.ruleID) == ["unused-disable"])
        #expect(reported.first?.start.line == 7)
        #expect(reported.first?.message == "postlint-disable-next-line for broken-link silences nothing")
    }

    @Test func siteLevelFindingsAreSilencedToo() throws {
        let folder = try TemporaryFolder()
        let body =
            "---\ntitle: T\nslug: same\nexcerpt: An excerpt that is long enough for the excerpt rule to stay quiet.\nkeywords: [t]\npostlint: {disable: [duplicate-slug]}\n---\nT.\n"
        try folder.write("a.md", body)
        try folder.write("b.md", body.replacingOccurrences(of: "postlint: {disable: [duplicate-slug]}\n", with: ""))
        let findings = try Linter(workingDirectory: folder.path).lint(paths: ["."]).findings
            .filter { $0.ruleID == "duplicate-slug" }
        #expect(findings.map(\.path) == ["b.md"])
    }

    @Test func aMisspeltDirectiveIsReportedWithTheOneItMeant() throws {
        let text = post(
            """
            <!-- postlint-disable-lnie control-character -->
            Bell \u{7} here.

            """)
        let findings = try lint(text)
        #expect(
            Set(findings.map(\.ruleID)) == ["unknown-directive", "control-character"], "the misspelt comment silences nothing")
        let unknown = try #require(findings.first { $0.ruleID == "unknown-directive" })
        #expect(unknown.message == "unknown directive \"postlint-disable-lnie\"; did you mean \"postlint-disable-line\"?")
        #expect(unknown.start.line == 7)
        #expect(unknown.severity == .warning)
    }

    @Test func commentsThatOnlyMentionDirectivesAreNotReported() throws {
        let text = post(
            """
            <!-- see postlint-disable-lnie in the notes -->
            <!-- postlint-disable-next-line control-character -->
            Bell \u{7} here.

            """)
        #expect(try lint(text).isEmpty)
    }

    /// A directive may follow white space inside its comment; a comment that names one
    /// later in its text (a long note, say) is none.
    @Test func onlyCommentsThatStartWithADirectiveAreDirectives() throws {
        let spaced = try lint(post("<!--\t  postlint-disable-next-line control-character -->\nBell \u{7}.\n"))
        #expect(spaced.isEmpty)
        let note = String(repeating: "A long note about the page. ", count: 200)
        let mentioned = try lint(post("<!-- \(note) postlint-disable -->\nBell \u{7}, suppressions.\n"))
        #expect(mentioned.map(\.ruleID) == ["control-character"])
    }

    @Test func theUnknownDirectiveExamplesHold() throws {
        let metadata = Suppressions.unknownDirectiveMetadata
        #expect(!metadata.triggeringExamples.isEmpty && !metadata.nonTriggeringExamples.isEmpty)
        for example in metadata.triggeringExamples + metadata.nonTriggeringExamples {
            let (text, ranges) = example.unmarked
            let folder = try TemporaryFolder()
            try folder.write("post.md", text)
            let findings = try Linter(workingDirectory: folder.path).lint(paths: ["post.md"]).findings
                .filter { $0.ruleID == metadata.id }
            #expect(findings.compactMap(\.range) == ranges, "\(example.text)")
        }
    }
}
