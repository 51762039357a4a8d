import Foundation
import Testing
import PostlintTestSupport

/// `postlint init` reads the site first: the configuration it writes maps the canonical fields
/// onto the names the posts use, so the first run reports what is missing, not a convention.
@Suite struct InitSurveyTests {
    static func post(_ number: Int, description: Bool = true) -> String {
        """
        ---
        title: Brewing notes, part \(number)
        \(description ? "description: What the \(number)th brewing session taught us about water, leaves and time.\n" : "")\
        tags: [brewing-\(number)]
        date: 2024-01-\(number < 10 ? "0" : "")\(number)
        ---

        Brewing-\(number) starts with water.

        """
    }

    @Test func theWrittenConfigurationMapsTheFieldsThePostsUse() throws {
        let folder = try TemporaryFolder()
        for number in 1...9 { try folder.write("content/posts/p\(number).md", Self.post(number)) }
        try folder.write("content/posts/p10.md", Self.post(10, description: false))
        try folder.write("config.toml", "baseURL = 'https://example.org/'\n")
        let directory = URL(fileURLWithPath: folder.path)

        let before = try CommandRunner.run(["check", "--format", "json"], in: directory)
        #expect(
            before.standardOutput.components(separatedBy: "\"required-fields\"").count - 1 >= 10,
            "every post lacks slug, excerpt and keywords by the default names: \(before.standardOutput)")

        let run = try CommandRunner.run(["init"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("excerpt ← description (used by 90% of 10 posts)"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("keywords ← tags (used by 100% of 10 posts)"))
        #expect(run.standardOutput.contains("generator: hugo (config.toml and content/)"))
        let written = String(decoding: try folder.read(".postlint.yml"), as: UTF8.self)
        #expect(written.contains("# site: {generator: hugo}"))
        #expect(written.contains("  excerpt: description"))
        #expect(written.contains("fields: [title, excerpt, keywords]"), "no post has a slug: not required")

        let after = try CommandRunner.run(["check"], in: directory)
        let required = after.standardOutput.split(separator: "\n").filter { $0.contains("[required-fields]") }
        // Only the post without a description is missing something.
        #expect(required.count == 1, "\(after.standardOutput)")
        #expect(required.first?.contains("content/posts/p10.md") == true)
        #expect(required.first?.contains("\"description\"") == true)
    }

    @Test func anEmptyFolderGetsTheDefaults() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRunner.run(["init"], in: URL(fileURLWithPath: folder.path))
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("no front matter to learn from"))
        let written = String(decoding: try folder.read(".postlint.yml"), as: UTF8.self)
        #expect(written.contains("# fields:"))
        #expect(!written.contains("required-fields:\n    fields"))
    }
}
