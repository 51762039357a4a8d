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

    /// Peak memory of `check` on one post of `body` (10 MB or so) after a short front matter, in
    /// kilobytes, with the post's size.
    private func peak(of body: [UInt8]) throws -> (status: Int32, kilobytes: Int, fileKilobytes: Int) {
        let folder = try TemporaryFolder()
        let bytes = Array("---\ntitle: Shape\nslug: shape\n---\n".utf8) + body
        let path = try folder.write("shape.md", bytes: bytes)
        let measured = try PeakMemory.run(["check", path])
        return (measured.status, measured.kilobytes, bytes.count / 1024)
    }

    /// 20 MB of `[` peaked at 2.3 GB: each open bracket kept a stack entry and a text piece. At
    /// most `ParserLimits.markdownOpenBrackets` are kept open now, so the peak stays within the
    /// promised factor of the file (20 times, the process's own start-up memory included).
    @Test func tenMegabytesOfNestedBracketsStayWithinTwentyTimesTheFile() throws {
        let result = try peak(of: Array(repeating: UInt8(ascii: "["), count: 10_000_000) + [0x0A])
        #expect(result.status == 1)
        #expect(HangGuard.isUnderSanitizer || result.kilobytes < 20 * result.fileKilobytes,
                "\(result.kilobytes / 1024) MB for a \(result.fileKilobytes / 1024) MB post")
    }

    /// 1,000,000 reference definitions (13 MB) took 427 MB: each was kept three times (the block
    /// pass's list, the body's list and the look-up table). Now once, with an index by label.
    @Test func tenMegabytesOfReferenceDefinitionsStayWithinTwentyTimesTheFile() throws {
        var body: [UInt8] = []
        var index = 0
        while body.count < 10_000_000 {
            body += Array("[d\(index)]: /p/\(index)\n".utf8)
            index += 1
        }
        body += Array("[d1] and [d\(index - 1)]\n".utf8)
        let result = try peak(of: body)
        #expect(result.status == 1)
        #expect(HangGuard.isUnderSanitizer || result.kilobytes < 20 * result.fileKilobytes,
                "\(result.kilobytes / 1024) MB for a \(result.fileKilobytes / 1024) MB post")
    }
}
