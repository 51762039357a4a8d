import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintLanguageServer

/// What the server reads from the workspace: other posts (site rules) and configuration.
@Suite struct WorkspaceTests {
    @Test func duplicateSlugSeesThePostsOnDiskAndFollowsSaves() async throws {
        let folder = try TemporaryFolder()
        let other = try folder.write("posts/other.md", "---\nslug: shared-slug\n---\n")
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = DocumentURI.uri(ofPath: folder.path + "/posts/mine.md")
        harness.open(uri, "---\nslug: shared-slug\n---\n")
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 1))
        let duplicate = try #require(diagnostics.first { $0["code"]?.stringValue == "duplicate-slug" })
        #expect(duplicate["message"]?.stringValue?.contains("posts/other.md") == true)
        #expect(LSP.position(duplicate["range"]?["start"]) ?? (0, 0) == (1, 6))
        // The other post changes on disk; a watched-file event makes the server read it again.
        _ = try folder.write("posts/other.md", "---\nslug: something-else\n---\n")
        harness.notify(
            "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(DocumentURI.uri(ofPath: other)), "type": 2]]])
        let after = try #require(await harness.diagnostics(for: uri, version: 1))
        #expect(!LSP.codes(after).contains("duplicate-slug"))
        _ = await harness.finish()
    }

    @Test func theWorkspaceScanSkipsWhatTheRepositoryIgnores() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/.git", withIntermediateDirectories: true)
        try folder.write(".gitignore", "public/\n")
        try folder.write("public/built.md", "---\nslug: shared-slug\n---\n")
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = DocumentURI.uri(ofPath: folder.path + "/posts/mine.md")
        harness.open(uri, "---\nslug: shared-slug\n---\n")
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 1))
        #expect(!LSP.codes(diagnostics).contains("duplicate-slug"), "public/ is ignored: its post is not a duplicate")
        _ = await harness.finish()
    }

    @Test func aConfigurationChangeRelintsOpenDocuments() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = DocumentURI.uri(ofPath: folder.path + "/post.md")
        harness.open(uri, "---\nslug: Bad Slug\n---\n")
        #expect(LSP.codes(try #require(await harness.diagnostics(for: uri))).contains("slug-format"))
        let config = try folder.write(".postlint.yml", "rules:\n  slug-format: off\n")
        harness.notify(
            "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(DocumentURI.uri(ofPath: config)), "type": 1]]])
        #expect(!LSP.codes(try #require(await harness.diagnostics(for: uri))).contains("slug-format"))
        // A broken configuration is shown on the document rather than silently ignored.
        _ = try folder.write(".postlint.yml", "rules: [\n")
        harness.notify(
            "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(DocumentURI.uri(ofPath: config)), "type": 2]]])
        let broken = try #require(await harness.diagnostics(for: uri))
        #expect(broken.count == 1)
        #expect(broken.first?["message"]?.stringValue?.contains(".postlint.yml") == true)
        _ = await harness.finish()
    }
}
