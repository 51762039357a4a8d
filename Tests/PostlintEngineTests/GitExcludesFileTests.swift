import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// Where git's user-wide ignore file is, and git's config lines read as git writes them.
@Suite struct GitExcludesFileTests {
    @Test func configValuesAreReadAsGitWritesThem() {
        let config =
            "[user]\n\texcludesFile = no\n[Core]\n\tExcludesFile = \"/a b/ignore\"\n[core \"x\"]\n\texcludesFile = /sub\n"
        #expect(GitExcludesFile.value(of: "excludesfile", inSection: "core", config: config) == "/a b/ignore")
        #expect(
            GitExcludesFile.value(
                of: "excludesfile", inSection: "core", config: "[core]\nexcludesfile = /one # note\nexcludesfile=/two\n")
                == "/two")
        #expect(GitExcludesFile.value(of: "excludesfile", inSection: "core", config: "[core]\nbare = false\n") == nil)
    }

    @Test func theRepositoryThenTheUserConfigNameItElseTheDefault() throws {
        let home = try TemporaryFolder()
        let git = try TemporaryFolder()
        let environment = ["HOME": home.path]
        #expect(GitExcludesFile.path(gitDirectory: git.path, environment: environment) == home.path + "/.config/git/ignore")
        #expect(
            GitExcludesFile.path(gitDirectory: nil, environment: ["HOME": home.path, "XDG_CONFIG_HOME": "/xdg"])
                == "/xdg/git/ignore")
        try home.write(".gitconfig", "[core]\n\texcludesfile = ~/.global-ignore\n")
        #expect(GitExcludesFile.path(gitDirectory: git.path, environment: environment) == home.path + "/.global-ignore")
        try git.write("config", "[core]\n\texcludesFile = /etc/repo-ignore\n")
        #expect(GitExcludesFile.path(gitDirectory: git.path, environment: environment) == "/etc/repo-ignore")
        #expect(GitExcludesFile.path(gitDirectory: nil, environment: [:]) == nil)
    }
}
