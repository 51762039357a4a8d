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
    static let otherPost =
        "---\ntitle: Other\nslug: Not A Slug\nexcerpt: Another post in the same run, which must still be reported.\nkeywords: [other]\n---\nBody.\n"

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
        let result = try CommandRunner.run(
            ["check", "--stdin", "--stdin-filename", "deep.md"],
            in: URL(fileURLWithPath: folder.path), input: Self.deepTOMLHeader)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("deep.md:3:258: error: "), "\(result.standardOutput.prefix(2_000))")
    }

    @Test func aDottedTOMLKeyOfFortyThousandPartsIsAFinding() throws {
        let folder = try TemporaryFolder()
        let bytes =
            Array("+++\ntitle = \"x\"\n".utf8) + Array(repeating: Array("a.".utf8), count: 40_000).flatMap { $0 }
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
        let measured = try Self.peakMemory(["check", path], unless: 20 * bytes.count / 1024)
        return (measured.status, measured.kilobytes, bytes.count / 1024)
    }

    /// The exit status and peak resident memory of `postlint arguments`, or a peak of 0 when it
    /// cannot be told apart from the test runner's. A child started by this process counts the
    /// runner's own peak as its own (the kernel carries it across `exec`), so it is read through
    /// GNU time, whose child starts from time's small process; without GNU time, `PeakMemory`'s
    /// figure is used only when the runner's peak so far is under `unless`.
    static func peakMemory(_ arguments: [String], unless: Int = 0) throws -> (status: Int32, kilobytes: Int) {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            let runner = runnerPeakKilobytes()
            let measured = try PeakMemory.run(arguments)
            return (measured.status, runner > 0 && runner < unless ? measured.kilobytes : 0)
        }
        let folder = try TemporaryFolder()
        let report = folder.path + "/peak"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: time)
        process.arguments = ["-f", "%M", "-o", report, CommandRunner.executable.path] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        let kilobytes = text.split(whereSeparator: \.isNewline).last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (process.terminationStatus, try #require(kilobytes, "GNU time wrote \(text.debugDescription)"))
    }

    /// The runner's peak resident memory so far (VmHWM), 0 when it cannot be read.
    static func runnerPeakKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? 0
    }

    /// 20 MB of `[` peaked at 2.3 GB: each open bracket kept a stack entry and a text piece. At
    /// most `ParserLimits.markdownOpenBrackets` are kept open now, so the peak stays within the
    /// promised factor of the file (20 times, the process's own start-up memory included).
    @Test func tenMegabytesOfNestedBracketsStayWithinTwentyTimesTheFile() throws {
        let result = try peak(of: Array(repeating: UInt8(ascii: "["), count: 10_000_000) + [0x0A])
        #expect(result.status == 1)
        #expect(
            HangGuard.isUnderSanitizer || result.kilobytes < 20 * result.fileKilobytes,
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
        #expect(
            HangGuard.isUnderSanitizer || result.kilobytes < 20 * result.fileKilobytes,
            "\(result.kilobytes / 1024) MB for a \(result.fileKilobytes / 1024) MB post")
    }

    /// A table header 127 parts deep, then 49,000 keys (700 KB, within both TOML limits): the key
    /// locator kept each key's whole path as an array of strings, 2 KB a key (143 MB and 5 s).
    @Test func manyKeysUnderADeepTOMLTableStaySmall() throws {
        let header = "[" + Array(repeating: "t", count: 127).joined(separator: ".") + "]\n"
        var text = "+++\ntitle = \"x\"\n" + header
        for index in 0..<49_000 { text += "k\(index) = \(index)\n" }
        text += "+++\nBody.\n"
        let folder = try TemporaryFolder()
        let path = try folder.write("deep.md", text)
        // 20 times the file, and 48 MB for the process's own start-up memory (about 25 MB) and
        // toml++'s tables: the TOML limits bound this shape's size, so its peak has a fixed bound.
        let bound = 20 * text.utf8.count / 1024 + 48 * 1024
        let measured = try Self.peakMemory(["check", path], unless: bound)
        #expect(measured.status == 1)
        #expect(
            HangGuard.isUnderSanitizer || measured.kilobytes < bound,
            "\(measured.kilobytes / 1024) MB for a \(text.utf8.count / 1024) KB post")
    }
}
