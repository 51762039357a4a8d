import Foundation
import Testing
import PostlintTestSupport

/// postlint under the real pre-commit framework, from this repository's `.pre-commit-hooks.yaml`.
/// Runs where `pre-commit` is installed (CI installs it first); the framework builds postlint from
/// this repository in release mode the first time, which takes minutes. Not under a sanitizer
/// (`.ci/sanitizers.sh`): the binary the framework builds is its own, never instrumented, so the
/// run would only repeat the plain one, at the price of a release build on a machine already
/// slowed by the sanitizer.
@Suite(
    .serialized,
    .enabled(if: installedPreCommit != nil, "pre-commit is not installed (pip install pre-commit)"),
    .disabled(if: HangGuard.isUnderSanitizer, "the binary pre-commit builds is not instrumented"))
struct PreCommitTests {
    static var preCommit: URL? { installedPreCommit }

    @Test(.timeLimit(.minutes(20)))
    func tryRepoFailsOnABrokenStagedPostAndPassesOnceFixed() throws {
        let executable = try #require(Self.preCommit)
        let repository = try GitWorkflowTests.Repository()
        try repository.folder.write("content/post.md", GitWorkflowTests.post("Broken Slug"))
        try repository.git("add", ".")
        let root = CommandRunner.packageRoot().path
        let failing = try CommandRunner.run(
            ["try-repo", root, "postlint", "--files", "content/post.md"],
            in: repository.url, executable: executable)
        #expect(failing.status == 1, "\(failing.standardOutput)\(failing.standardError)")
        #expect(failing.standardOutput.contains("content/post.md:3:7: error: slug \"Broken Slug\""))
        try repository.folder.write("content/post.md", GitWorkflowTests.post("broken-slug"))
        try repository.git("add", ".")
        let passing = try CommandRunner.run(
            ["try-repo", root, "postlint", "--files", "content/post.md"],
            in: repository.url, executable: executable)
        #expect(passing.status == 0, "\(passing.standardOutput)\(passing.standardError)")
        #expect(passing.standardOutput.contains("Passed"))
    }
}

/// The `pre-commit` executable on the PATH, if any.
private let installedPreCommit: URL? = {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pre-commit")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()
