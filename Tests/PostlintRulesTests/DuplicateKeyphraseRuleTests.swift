import Foundation
import Testing
import PostlintCore
import PostlintEngine
import PostlintParsing
import PostlintTestSupport
@testable import PostlintRules

/// `duplicate-keyphrase` over whole sites: a few posts competing for a phrase are each reported,
/// a phrase many posts share is a topic with one notice, and the option and severities apply.
@Suite struct DuplicateKeyphraseRuleTests {
    private func post(_ keyword: String, keyphrase: String? = nil) -> String {
        "---\ntitle: A post\n" + (keyphrase.map { "focus_keyphrase: \($0)\n" } ?? "") + "keywords: [\(keyword)]\n---\nText.\n"
    }

    /// The rule alone over the posts' facts.
    private func check(_ posts: [(String, String)], options: RuleOptions = RuleOptions()) -> [Finding] {
        let rule = DuplicateKeyphraseRule(options: options)
        let facts = SiteFacts(
            posts.flatMap { rule.facts(of: DocumentLoader.load(path: $0.0, text: $0.1), context: RuleContext()) })
        return rule.check(facts).sorted(by: Finding.reportOrder)
    }

    /// The site linted as the command line lints it, keeping this rule's findings.
    private func lint(_ posts: [(String, String)], config: String? = nil) throws -> [Finding] {
        let folder = try TemporaryFolder()
        for (path, text) in posts { try folder.write(path, text) }
        if let config { try folder.write(".postlint.yml", config) }
        return try Linter(workingDirectory: folder.path).lint(paths: ["."]).findings
            .filter { $0.ruleID == "duplicate-keyphrase" }
    }

    @Test func isOnByDefaultAsAWarning() {
        #expect(DuplicateKeyphraseRule.metadata.isEnabledByDefault)
        #expect(DuplicateKeyphraseRule.metadata.defaultSeverity == .warning)
    }

    @Test func aFewCompetingPostsAreEachReported() {
        let findings = check([
            ("a.md", post("sourdough")), ("b.md", post("Sourdough!")), ("c.md", post("rye", keyphrase: "sourdough")),
            ("d.md", post("rye")),
        ])
        #expect(findings.map(\.path) == ["a.md", "b.md", "c.md"])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(
            findings[0].message
                == "focus keyphrase \"sourdough\" is also the focus of b.md, c.md; the posts compete in search results")
    }

    @Test func aPhraseOfManyPostsIsATopicWithOneNotice() {
        let posts = (1...6).map { ("post-\($0).md", post("bread")) } + [("x.md", post("rye")), ("y.md", post("rye"))]
        let findings = check(posts)
        let topic = findings.filter { $0.message.contains("\"bread\"") }
        #expect(topic.count == 1)
        #expect(topic.first?.path == "post-1.md")
        #expect(topic.first?.severity == .info)
        #expect(
            topic.first?.message == "focus keyphrase \"bread\" is the focus of 6 posts (post-1.md, post-2.md, post-3.md "
                + "and 3 more): a topic rather than a competing keyphrase; give each post a focus keyphrase of its own")
        // The pair beside it still competes.
        #expect(findings.filter { $0.message.contains("\"rye\"") }.map(\.path) == ["x.md", "y.md"])
    }

    @Test func theLimitIsAnOption() {
        let posts = (1...4).map { ("p\($0).md", post("tea")) }
        #expect(check(posts).count == 1, "4 posts are over the default limit of 3")
        #expect(check(posts, options: RuleOptions(["max-competing": .int(4)])).count == 4)
        #expect(check(Array(posts.prefix(3))).count == 3)
    }

    @Test func aSitePairIsReportedByDefault() throws {
        let findings = try lint([("a.md", post("kombucha")), ("b.md", post("kombucha")), ("c.md", post("kefir"))])
        #expect(findings.map(\.path) == ["a.md", "b.md"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func theConfiguredLimitAndSeverityApplyButATopicStaysANotice() throws {
        let posts = (1...4).map { ("p\($0).md", post("tea")) } + [("x.md", post("rye")), ("y.md", post("rye"))]
        let strict = try lint(posts, config: "rules:\n  duplicate-keyphrase: error\n")
        #expect(strict.filter { $0.message.contains("\"rye\"") }.allSatisfy { $0.severity == .error })
        #expect(strict.filter { $0.message.contains("\"tea\"") }.map(\.severity) == [.info])
        let wider = try lint(posts, config: "rules:\n  duplicate-keyphrase: {max-competing: 5}\n")
        #expect(wider.filter { $0.message.contains("\"tea\"") }.count == 4)
        #expect(try lint(posts, config: "rules:\n  duplicate-keyphrase: off\n").isEmpty)
    }
}
