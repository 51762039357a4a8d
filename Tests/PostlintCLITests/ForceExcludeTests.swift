import Foundation
import Testing
import PostlintTestSupport

/// `--force-exclude`: the configuration's `include` and `exclude` apply to files named on the
/// command line too, as hooks name every changed file.
@Suite struct ForceExcludeTests {
    static let configuration = """
        include: ["content/**/*.md"]
        exclude: ["**/README.md"]

        """

    /// A folder with a configuration, a README it excludes, a draft outside `include`, and a post
    /// it selects; all three are broken (no front matter).
    static func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write(".postlint.yml", configuration)
        _ = try folder.write("README.md", "# About this site\n")
        _ = try folder.write("drafts/idea.md", "an idea, no front matter\n")
        _ = try folder.write("content/post.md", "a post, no front matter\n")
        return folder
    }

    @Test func namedFilesAreLintedWithoutTheFlagAndSelectedByTheConfigurationWithIt() throws {
        let folder = try Self.site()
        let url = URL(fileURLWithPath: folder.path)
        let named = ["README.md", "drafts/idea.md", "content/post.md"]
        let plain = try CommandRunner.run(["check"] + named, in: url)
        #expect(plain.status == 1)
        #expect(plain.standardOutput.contains("README.md:"))
        #expect(plain.standardOutput.contains("drafts/idea.md:"))

        let forced = try CommandRunner.run(["check", "--force-exclude"] + named, in: url)
        #expect(forced.status == 1, "\(forced.standardError)")
        #expect(!forced.standardOutput.contains("README.md:"), "\(forced.standardOutput)")
        #expect(!forced.standardOutput.contains("drafts/idea.md:"), "\(forced.standardOutput)")
        #expect(forced.standardOutput.contains("content/post.md:1:1: error:"))

        // Only excluded files named: nothing to lint, a clean run.
        let onlyExcluded = try CommandRunner.run(["check", "--force-exclude", "README.md"], in: url)
        #expect(onlyExcluded.status == 0, "\(onlyExcluded.standardOutput)")
        // Read by ArgumentParser (the quick reader declines `--format=json`), the same.
        let parsed = try CommandRunner.run(["check", "--format=json", "--force-exclude", "README.md"], in: url)
        #expect(parsed.status == 0, "\(parsed.standardOutput)")
    }

    @Test func fixLeavesExcludedNamedFilesAlone() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write(".postlint.yml", Self.configuration)
        let withByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\ntitle: Hello\n---\n\nText.\n".utf8)
        _ = try folder.write("content/README.md", bytes: withByteOrderMark)
        let url = URL(fileURLWithPath: folder.path)
        let forced = try CommandRunner.run(["fix", "--force-exclude", "content/README.md"], in: url)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try folder.read("content/README.md") == withByteOrderMark)
        let plain = try CommandRunner.run(["fix", "content/README.md"], in: url)
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(try folder.read("content/README.md") != withByteOrderMark, "the byte order mark fix was expected to apply")
    }
}
