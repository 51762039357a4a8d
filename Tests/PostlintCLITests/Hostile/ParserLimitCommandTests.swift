import Foundation
import Testing
import PostlintTestSupport

/// The built binary against input that meets a parser's depth or size limit: the post gets a
/// finding at the place the limit was met, and the run goes on to report every other post.
@Suite struct ParserLimitCommandTests {
    /// An 80 KB post whose TOML table header has 40,000 parts, as reported: the whole run died
    /// with a stack overflow (exit 139), with no report for the other posts.
    static let deepTOMLHeader: [UInt8] =
        Array("+++\ntitle = \"x\"\n[".utf8) + Array(repeating: Array("a.".utf8), count: 40_000).flatMap { $0 }
        + Array("b]\nk = 1\n+++\n".utf8)
    static let otherPost = "---\ntitle: Other\nslug: Not A Slug\nexcerpt: Another post in the same run, which must still be reported.\nkeywords: [other]\n---\nBody.\n"

    @Test func aTOMLHeaderOfFortyThousandPartsIsAFindingAndTheOtherPostsAreReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("deep.md", bytes: Self.deepTOMLHeader)
        try folder.write("other.md", Self.otherPost)
        let result = try BoundedRun.run(["check", "."], in: folder.path, seconds: 30)
        #expect(!result.timedOut)
        #expect(result.status == 1, "\(result.standardError)")
        // The 129th part, past the limit of 128, starts at column 2 + 2 * 128 of line 3.
        #expect(result.standardOutput.contains("deep.md:3:258: error: "), "\(result.standardOutput.prefix(2_000))")
        #expect(result.standardOutput.contains("[front-matter-syntax]"))
        #expect(result.standardOutput.contains("other.md:3:7: error:"), "\(result.standardOutput.prefix(2_000))")
    }

    @Test func aTOMLHeaderOfFortyThousandPartsOnStandardInputIsAFinding() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["check", "--stdin", "--stdin-filename", "deep.md"],
                                           in: URL(fileURLWithPath: folder.path), input: Self.deepTOMLHeader)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("deep.md:3:258: error: "), "\(result.standardOutput.prefix(2_000))")
    }

    @Test func aDottedTOMLKeyOfFortyThousandPartsIsAFinding() throws {
        let folder = try TemporaryFolder()
        let bytes = Array("+++\ntitle = \"x\"\n".utf8) + Array(repeating: Array("a.".utf8), count: 40_000).flatMap { $0 }
            + Array("b = 1\n+++\n".utf8)
        try folder.write("dotted.md", bytes: bytes)
        let result = try BoundedRun.run(["check", "dotted.md"], in: folder.path, seconds: 30)
        #expect(!result.timedOut)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("dotted.md:3:257: error: "), "\(result.standardOutput.prefix(2_000))")
    }
}
