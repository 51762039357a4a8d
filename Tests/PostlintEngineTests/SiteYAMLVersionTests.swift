import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The YAML rules front matter is read by: YAML 1.1 by default, 1.2 on a Hugo site, and whatever
/// `.postlint.yml` says above both.
@Suite struct SiteYAMLVersionTests {
    private static let post = "---\ntitle: Tea\ndraft: yes\n---\nBody\n"

    /// The type `draft: yes` is read as, and the version the rule set carries, for a post at `relative`.
    private func draftKind(_ folder: TemporaryFolder, _ relative: String) throws -> (FrontMatterScalar.Kind?, YAMLVersion) {
        let absolute = try folder.write(relative, Self.post)
        let linter = try Linter(workingDirectory: folder.path)
        let (document, ruleSet) = try linter.prepare(
            bytes: Array(Self.post.utf8), displayPath: relative,
            absolutePath: absolute)
        guard case .scalar(let scalar)? = document.frontMatter?.root?["draft"]?.value else { return (nil, ruleSet.yamlVersion) }
        return (scalar.kind, ruleSet.yamlVersion)
    }

    @Test func yaml11IsTheDefault() throws {
        let folder = try TemporaryFolder()
        let (kind, version) = try draftKind(folder, "posts/tea.md")
        #expect(kind == .boolean)
        #expect(version == .v1_1)
    }

    @Test(arguments: ["hugo.toml", "hugo.yaml", "hugo.json"])
    func aHugoSiteAboveTheFolderReadsYAML12(_ configuration: String) throws {
        let folder = try TemporaryFolder()
        try folder.write(configuration, "")
        let (kind, version) = try draftKind(folder, "content/posts/tea.md")
        #expect(kind == .string)
        #expect(version == .v1_2)
    }

    @Test func aConfigTomlCountsOnlyBesideAContentFolder() throws {
        let beside = try TemporaryFolder()
        try beside.write("config.toml", "")
        #expect(try draftKind(beside, "content/tea.md").1 == .v1_2)
        let alone = try TemporaryFolder()
        try alone.write("config.toml", "")
        #expect(try draftKind(alone, "posts/tea.md").1 == .v1_1)
    }

    @Test func theConfigurationOverridesTheSite() throws {
        let folder = try TemporaryFolder()
        try folder.write("hugo.toml", "")
        try folder.write(".postlint.yml", "yaml:\n  version: \"1.1\"\n")
        let (kind, version) = try draftKind(folder, "content/tea.md")
        #expect(kind == .boolean)
        #expect(version == .v1_1)

        let other = try TemporaryFolder()
        try other.write(".postlint.yml", "yaml: {version: 1.2}\n")
        #expect(try draftKind(other, "posts/tea.md").0 == .string)
    }

    @Test func theRuleSetsOfARunCarryEachFoldersVersion() throws {
        let folder = try TemporaryFolder()
        let jekyll = try folder.write("jekyll/_posts/tea.md", Self.post)
        let jekyllToo = try folder.write("jekyll/_posts/coffee.md", Self.post)
        try folder.write("hugo/hugo.toml", "")
        let hugo = try folder.write("hugo/content/tea.md", Self.post)
        let linter = try Linter(workingDirectory: folder.path)
        // One memo across folders, as a worker of a run uses it.
        var memo = FolderRuleSetMemo()
        var versions: [YAMLVersion] = []
        for path in [jekyll, jekyllToo, hugo, jekyll] {
            versions.append(try memo.ruleSet(forFileAt: path, displayPath: path, linter: linter).yamlVersion)
        }
        #expect(versions == [.v1_1, .v1_1, .v1_2, .v1_1])
    }

    @Test func anUnknownVersionIsAPositionedError() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules: {}\nyaml:\n  version: \"1.3\"\n")
        let error = try #require(throws: PostlintError.self) {
            try ConfigurationLoader.load(path: folder.path + "/.postlint.yml")
        }
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 12)
        #expect(error.message.contains("1.1"))

        try folder.write(".postlint.yml", "yaml:\n  versoin: \"1.2\"\n")
        let typo = try #require(throws: PostlintError.self) { try ConfigurationLoader.load(path: folder.path + "/.postlint.yml") }
        #expect(typo.hint == "did you mean \"version\"?")
    }
}
