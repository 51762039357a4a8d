import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintRulePacks

/// Loading a pack folder named in a configuration, which a stranger's pull request may set.
@Suite struct RulePackFolderTests {
    static let rule = "schema: 1\nkind: required\nsummary: Posts have a title\nfields: [title]\n"

    /// Found by FuzzConfiguration: `packs: /` walked the whole file system. The walk is bounded:
    /// a folder with more entries than a pack could need is refused at once, naming the limit.
    @Test func theFileSystemRootIsRefusedNotWalked() {
        let started = Date()
        #expect(throws: PostlintError.self) { try RulePackLoader.load(folder: "/") }
        do {
            _ = try RulePackLoader.load(folder: "/")
        } catch {
            #expect(error.message.contains("more than"), "\(error.message)")
        }
        #expect(Date().timeIntervalSince(started) < HangGuard.seconds(10))
    }

    @Test func rulesInSubfoldersLoadInPathOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write("house/b.yml", Self.rule)
        try folder.write("house/a/one.yml", Self.rule)
        try folder.write("house/a/deeper/two.yaml", Self.rule)
        try folder.write("house/.hidden/skipped.yml", Self.rule)
        try folder.write("house/notes.txt", "not a rule")
        let factories = try RulePackLoader.load(folder: folder.path + "/house")
        #expect(factories.map(\.metadata.id) == ["house.two", "house.one", "house.b"])
    }

    @Test func aRuleFileOverTheSizeLimitIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "pack/huge.yml", Self.rule + "# " + String(repeating: "x", count: RulePackLoader.maximumRuleFileSize) + "\n")
        #expect(throws: PostlintError.self) { try RulePackLoader.load(folder: folder.path + "/pack") }
    }

    @Test func aLinkedFolderInsideAPackIsNotFollowedButALinkedRuleFileIsRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("pack/rule.yml", Self.rule)
        try folder.write("elsewhere/other.yml", Self.rule)
        #expect(symlink(folder.path + "/elsewhere", folder.path + "/pack/link") == 0)
        #expect(symlink(folder.path + "/pack", folder.path + "/pack/loop") == 0)
        #expect(symlink(folder.path + "/elsewhere/other.yml", folder.path + "/pack/shared.yml") == 0)
        let factories = try RulePackLoader.load(folder: folder.path + "/pack")
        #expect(factories.map(\.metadata.id) == ["pack.rule", "pack.shared"])
    }
}
