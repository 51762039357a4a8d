import PostlintCore
import PostlintEngine
import PostlintRules
import PostlintTestSupport
import Testing

/// The engine finds the rules it treats specially by what they declare, not by their ids.
@Suite struct RuleCapabilitiesTests {
    private func ids(declaring capability: RuleCapabilities) -> Set<String> {
        Set(
            (BuiltInRules.documentRules.map { $0.metadata } + BuiltInRules.siteRules.map { $0.metadata })
                .filter { $0.capabilities.contains(capability) }.map(\.id))
    }

    @Test func builtInRulesDeclareWhatTheEngineDoesWithThem() {
        #expect(ids(declaring: .reportsUnreadableText) == ["invalid-utf8"])
        #expect(ids(declaring: .checksRemoteImages) == ["broken-image"])
        #expect(ids(declaring: .reportsMissingLocalFiles) == ["broken-image", "broken-link"])
        #expect(ids(declaring: .factsReadOtherFiles) == ["orphan-image"])
    }

    @Test func aUTF16PostKeepsOnlyTheFindingsOfRulesThatReportUnreadableText() throws {
        let folder = try TemporaryFolder()
        // A post saved as UTF-16 (little-endian, with its byte order mark): as UTF-8 it is garbage
        // that would otherwise trip the front matter, slug and SEO rules.
        let text = "---\ntitle: Saved in the wrong encoding\n---\n\nBody text.\n"
        try folder.write("post.md", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        let kept = ids(declaring: .reportsUnreadableText)
        #expect(!outcome.findings.isEmpty)
        #expect(outcome.findings.allSatisfy { kept.contains($0.ruleID) })
    }
}
