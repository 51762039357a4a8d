import Testing
import PostlintTestSupport
@testable import PostlintEngine

/// DocFX's file lookup: names matched whatever their letter case, and only inside the site.
@Suite struct LetterCaseLookupTests {
    @Test func findsFilesWhateverTheirCaseAndNothingOutsideTheSite() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/Build/Overview.md", "# Overview\n")
        try folder.write("outside.md", "# Outside\n")
        let lookup = LetterCaseLookup()
        let root = folder.path + "/site"
        #expect(lookup.file(at: root + "/build/overview.md", under: root) == root + "/Build/Overview.md")
        #expect(lookup.file(at: root + "/Build/Overview.md", under: root) == root + "/Build/Overview.md")
        #expect(lookup.file(at: root + "/build/missing.md", under: root) == nil)
        #expect(lookup.file(at: root + "/build", under: root) == nil)
        #expect(lookup.file(at: folder.path + "/outside.md", under: root) == nil)
        #expect(lookup.contains("BUILD", in: root))
        #expect(!lookup.contains("elsewhere", in: root))
    }
}
