import Foundation
import Testing
import PostlintCore
import PostlintReporters
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct AuditorTests {
    static let configuration = """
        rules:
          content-length:
            min-words: 5
          keyphrase-density:
            min-words: 1000
          readability: off
          links: off
          orphan-post: off

        """

    static let good = """
        ---
        title: Green Tea Brewing at the Right Temperature
        slug: green-tea-brewing
        excerpt: Why boiling water makes green tea bitter, and the temperatures that keep it sweet.
        keywords: [green tea]
        ---
        Green tea is picky about water temperature and steeping time.

        ## Steeping green tea

        Use water well below the boil.

        """

    static let bad = """
        ---
        title: Notes
        slug: notes
        excerpt: Short.
        keywords: [matcha]
        ---
        Nothing here. [click here](https://example.com)

        """

    private func audit(_ files: [String: String]) throws -> AuditReport {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        let linter = try Linter(workingDirectory: folder.path)
        return try Auditor(linter: linter).audit(paths: ["."], toolVersion: "test")
    }

    @Test func brokenImagesLinksAndEncodingErrorsLowerTheScore() throws {
        let broken = Self.good
            .replacingOccurrences(of: "keywords: [green tea]\n", with: "keywords: [green tea]\ncover: images/missing.png\n")
            .replacingOccurrences(
                of: "Use water well below the boil.", with: "Use water well below the boil, as [the chart](chart.md) shows.")
        let garbled = Self.good.replacingOccurrences(
            of: "Use water well below the boil.", with: "Use water â€” well below the boil.")
        let report = try audit([
            ".postlint.yml": Self.configuration, "posts/good.md": Self.good,
            "posts/broken.md": broken.replacingOccurrences(of: "green-tea-brewing", with: "green-tea-broken"),
            "posts/garbled.md": garbled.replacingOccurrences(of: "green-tea-brewing", with: "green-tea-garbled"),
        ])
        let ids = Set(report.checks.map(\.id))
        #expect(ids.isSuperset(of: ["broken-image", "broken-link", "invalid-utf8", "mojibake"]))
        #expect(report.checks.first { $0.id == "broken-image" }?.weight == 3)
        let byPath = Dictionary(uniqueKeysWithValues: report.posts.map { ($0.path, $0) })
        let good = try #require(byPath["posts/good.md"])
        let brokenPost = try #require(byPath["posts/broken.md"])
        let garbledPost = try #require(byPath["posts/garbled.md"])
        #expect(
            Set(brokenPost.failed.map(\.id)).isSuperset(of: ["broken-image", "broken-link"]), "\(brokenPost.failed.map(\.id))")
        #expect(garbledPost.failed.map(\.id).contains("mojibake"), "\(garbledPost.failed.map(\.id))")
        #expect(brokenPost.score < good.score && garbledPost.score < good.score)
        let total = report.checks.reduce(0) { $0 + $1.weight }
        #expect(brokenPost.score <= (total - 6) * 100 / total)
    }

    @Test func aKeyphraseManyPostsShareIsASiteNoticeNotAFailedCheck() throws {
        var files = [".postlint.yml": Self.configuration]
        for index in 1...5 {
            files["posts/tea-\(index).md"] = Self.good.replacingOccurrences(of: "green-tea-brewing", with: "green-tea-\(index)")
                .replacingOccurrences(of: "title: Green Tea Brewing", with: "title: Green Tea Brewing \(index)")
        }
        let report = try audit(files)
        #expect(report.posts.allSatisfy { !$0.failed.contains { $0.id == "duplicate-keyphrase" } })
        let notices = report.siteFindings.filter { $0.ruleID == "duplicate-keyphrase" }
        #expect(notices.count == 1)
        #expect(notices.first?.severity == .info)
    }

    @Test func scoresWeighPassedChecksBySeverity() throws {
        let report = try audit([".postlint.yml": Self.configuration, "posts/good.md": Self.good, "posts/bad.md": Self.bad])
        #expect(report.posts.map(\.path) == ["posts/bad.md", "posts/good.md"])
        let good = report.posts[1]
        #expect(good.failed.map(\.id) == [], "\(good.failed)")
        #expect(good.score == 100)
        let bad = report.posts[0]
        #expect(
            Set(bad.failed.map(\.id)) == [
                "title-length", "keyphrase-in-title", "keyphrase-in-slug", "keyphrase-in-excerpt",
                "keyphrase-in-introduction", "excerpt-length", "link-text", "content-length",
            ])
        let total = report.checks.reduce(0) { $0 + $1.weight }
        let failedWeight = bad.failed.reduce(0) { $0 + $1.weight }
        #expect(bad.score == (total - failedWeight) * 100 / total)
        #expect(bad.checksRun == report.checks.count)
        #expect(bad.checksPassed == report.checks.count - bad.failed.count)
        #expect(report.averageScore == Double(good.score + bad.score) / 2)
        #expect(report.worstPosts(5).map(\.path) == ["posts/bad.md"])
    }

    @Test func checksSwitchedOffByTheConfigurationAreNotRunAndOffByDefaultOnesAre() throws {
        let report = try audit([".postlint.yml": Self.configuration, "a.md": Self.good])
        let ids = report.checks.map(\.id)
        #expect(!ids.contains("readability") && !ids.contains("links") && !ids.contains("orphan-post"))
        #expect(ids.contains("keyphrase-in-title") && ids.contains("duplicate-keyphrase") && ids.contains("title-length"))
        // Rules that are not search checks stay out of the audit.
        #expect(!ids.contains("bom") && !ids.contains("front-matter-syntax"))
        #expect(!ids.contains("orphan-image"), "site-wide checks are not per-post checks")
    }

    @Test func aPackRuleTakesPartWhenItDeclaresItselfASearchCheck() throws {
        func rule(_ name: String, audit: String) -> String {
            """
            schema: 1
            id: house.\(name)
            kind: pattern
            \(audit)summary: Titles carry no placeholder
            field: title
            pattern: "Notes"
            must: not-match

            """
        }
        let report = try audit([
            ".postlint.yml": Self.configuration + "packs: [house]\n",
            "house/counted.yml": rule("counted", audit: "audit: true\n"),
            "house/stated-off.yml": rule("stated-off", audit: "audit: false\n"),
            "house/unstated.yml": rule("unstated", audit: ""),
            "posts/good.md": Self.good, "posts/bad.md": Self.bad,
        ])
        let ids = report.checks.map(\.id)
        #expect(ids.contains("house.counted"))
        #expect(!ids.contains("house.stated-off") && !ids.contains("house.unstated"))
        let bad = try #require(report.posts.first { $0.path == "posts/bad.md" })
        #expect(bad.failed.map(\.id).contains("house.counted"), "\(bad.failed.map(\.id))")
        let good = try #require(report.posts.first { $0.path == "posts/good.md" })
        #expect(!good.failed.map(\.id).contains("house.counted"))
    }

    @Test func passRatesAndSiteRulesAcrossPosts() throws {
        let twin = Self.good.replacingOccurrences(of: "slug: green-tea-brewing", with: "slug: green-tea-brewing-again")
        let report = try audit([".postlint.yml": Self.configuration, "a.md": Self.good, "b.md": twin])
        let duplicateTitle = try #require(report.checks.first { $0.id == "duplicate-title" })
        #expect(duplicateTitle.passed == 0 && duplicateTitle.total == 2)
        #expect(duplicateTitle.passRate == 0)
        let slugCheck = try #require(report.checks.first { $0.id == "slug-format" })
        #expect(slugCheck.passRate == 100)
        #expect(report.posts.allSatisfy { $0.failed.contains { $0.id == "duplicate-keyphrase" } })
    }

    @Test func unusedImagesAreSiteFindingsNotPostFailures() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", Self.configuration)
        try folder.write("posts/a.md", Self.good)
        _ = try folder.write("posts/images/unused.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let report = try Auditor(linter: try Linter(workingDirectory: folder.path)).audit(paths: ["posts"])
        #expect(report.siteFindings.map(\.ruleID) == ["orphan-image"])
        #expect(report.siteFindings.first?.message.hasSuffix("posts/images/unused.png\" is not used by any post") == true)
        #expect(report.posts.first?.score == 100)
    }

    @Test func unreadableFilesAreProblemsAndAnEmptySiteScoresNothing() throws {
        let report = try audit(["notes.txt": "not a post"])
        #expect(report.posts.isEmpty)
        #expect(report.averageScore == 0)
        #expect(report.distribution == Array(repeating: 0, count: 10))
    }
}
