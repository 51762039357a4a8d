import Foundation
import Testing
import PostlintTestSupport

/// `postlint site` and how `check` judges route links on detected sites: unknown routes are not
/// broken (counted as not checked), real broken routes are, several sites in one run each get
/// their own routes, and nothing depends on the folder the command runs in.
@Suite struct SiteCommandTests {
    static let hugo: [String: String] = [
        "hugo/hugo.toml": "baseURL = 'https://example.org/'\n",
        "hugo/content/posts/_index.md": "---\ntitle: Posts\n---\n",
        "hugo/content/posts/beds.md": "---\ntitle: Beds\ntags: [soil]\n---\n# Beds\n\n## Soil mix\n",
        "hugo/content/posts/compost/index.md": """
        ---
        title: Compost
        ---
        See [beds](/posts/beds/#soil-mix), [tag](/tags/soil/), [gone](/posts/gone/),
        [platform](/windows/apps/) and [sibling](../beds/).

        ![Bin](bin.png)
        """,
        "hugo/content/posts/compost/bin.png": "png",
        "jekyll/_config.yml": "permalink: pretty\n",
        "jekyll/_posts/2024-03-02-beans.md": "---\ntitle: Beans\n---\nSee [about](/about/) and [nothing](/about/team/).\n",
        "jekyll/about.md": "---\ntitle: About\n---\nAbout.\n",
    ]

    private func folder(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        return folder
    }

    private func linkFindings(_ output: String) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        return diagnostics.compactMap { finding in
            guard let rule = finding["rule"] as? String, ["broken-link", "broken-image", "unchecked-link"].contains(rule),
                let path = finding["path"] as? String, let line = finding["line"] as? Int
            else { return nil }
            return "\(path):\(line) \(rule)"
        }.sorted()
    }

    @Test func siteShowsEachSitesGeneratorReasonAndRoutes() throws {
        let folder = try folder(Self.hugo)
        let text = try CommandRunner.run(["site", "."], in: URL(fileURLWithPath: folder.path))
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("generator: hugo (hugo.toml in hugo)"))
        #expect(text.standardOutput.contains("generator: jekyll (_config.yml in jekyll)"))
        #expect(text.standardOutput.contains("hugo/content/posts/compost/index.md → /posts/compost/"))
        #expect(text.standardOutput.contains("jekyll/_posts/2024-03-02-beans.md → /2024/03/02/beans/"))
        #expect(text.standardOutput.contains("anchor style: kramdown-gfm"))

        let json = try CommandRunner.run(["site", "hugo", "--format", "json"], in: URL(fileURLWithPath: folder.path))
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let sites = try #require(object["sites"] as? [[String: Any]])
        #expect(sites.count == 1)
        #expect(sites.first?["generator"] as? String == "hugo")
        let posts = try #require(sites.first?["posts"] as? [[String: Any]])
        let routes = Dictionary(
            uniqueKeysWithValues: posts.compactMap { post -> (String, [String])? in
                guard let path = post["path"] as? String, let routes = post["routes"] as? [String] else { return nil }
                return (path, routes)
            })
        #expect(routes["hugo/content/posts/beds.md"] == ["/posts/beds/"])
        #expect(routes["hugo/content/posts/_index.md"] == ["/posts/"])
    }

    @Test func aFolderWithNoSiteSaysSoAndAMissingPathIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes/a.md", "---\ntitle: A\n---\n")
        let plain = try CommandRunner.run(["site", "notes"], in: URL(fileURLWithPath: folder.path))
        #expect(plain.status == 0)
        #expect(plain.standardOutput.hasPrefix("No site generator found"))
        let missing = try CommandRunner.run(["site", "nowhere"], in: URL(fileURLWithPath: folder.path))
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("postlint: error: nowhere: no such file or folder"))
    }

    @Test func routesAreJudgedPerSiteAndUnknownOnesAreNotBroken() throws {
        let folder = try folder(Self.hugo)
        let result = try CommandRunner.run(["check", ".", "--format", "json"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 1)
        #expect(
            try linkFindings(result.standardOutput) == [
                "hugo/content/posts/compost/index.md:4 broken-link",
                "hugo/content/posts/compost/index.md:5 unchecked-link",
                "jekyll/_posts/2024-03-02-beans.md:4 broken-link",
            ])
        let text = try CommandRunner.run(["check", "hugo/content/posts/compost/index.md"], in: URL(fileURLWithPath: folder.path))
        #expect(text.standardOutput.contains("linked page \"/posts/gone/\" not found"))
        #expect(text.standardOutput.contains("(1 link not checked)"))
    }

    @Test func declaredExternalPrefixesAreNeitherBrokenNorListed() throws {
        let folder = try folder(Self.hugo)
        try folder.write("hugo/.postlint.yml", "site:\n  external: [\"/windows/\"]\n")
        let result = try CommandRunner.run(["check", "hugo", "--format", "json"], in: URL(fileURLWithPath: folder.path))
        #expect(try linkFindings(result.standardOutput) == ["hugo/content/posts/compost/index.md:4 broken-link"])
    }

    @Test func rootRelativeLinksDoNotDependOnTheWorkingFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("images/logo.png", "png")
        let post = try folder.write("posts/a.md", "---\ntitle: A\n---\n![Logo](/images/logo.png) and [home](/missing/)\n")
        var outputs: [String] = []
        var statuses: [Int32] = []
        for cwd in [folder.path, folder.path + "/posts", NSTemporaryDirectory()] {
            let result = try CommandRunner.run(["check", post, "--format", "json"], in: URL(fileURLWithPath: cwd))
            statuses.append(result.status)
            outputs.append(
                try linkFindings(result.standardOutput).map { $0.replacingOccurrences(of: post, with: "a.md") }
                    .joined(separator: "\n"))
        }
        #expect(statuses.allSatisfy { $0 == statuses[0] })
        #expect(outputs.allSatisfy { $0 == outputs[0] })
        #expect(outputs[0].contains("unchecked-link"))
        #expect(!outputs[0].contains("broken-"))
    }
}
