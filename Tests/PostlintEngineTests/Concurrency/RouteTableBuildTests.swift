import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// Threads asking for a site's route table while it is built all read posts for it, and each gets
/// the table built by one thread alone: the same posts, in the same order, with the same routes,
/// pages and known names (a Jekyll site: front matter permalinks and a layout that writes ids).
@Suite struct RouteTableBuildTests {
    @Test(arguments: [0, 1, 15, 16, 17, 70])
    func everyThreadGetsTheTableOneThreadBuilds(posts: Int) throws {
        var files = [
            "_config.yml": "title: Notes\n",
            "_layouts/tags.html": "<h2 id=\"{{ tag }}\">",
            "tags.md": "---\nlayout: tags\npermalink: /tags/\n---\n",
            "assets/site.css": "body {}",
        ]
        for index in 0..<posts {
            let permalink = index % 3 == 0 ? "permalink: /p/\(index)/\n" : ""
            files["_posts/2024-01-\(String(format: "%02d", index % 28 + 1))-post-\(index).md"] =
                "---\ntitle: Post \(index)\n\(permalink)---\n"
        }
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        let site = try #require(SiteDetector.detect(in: folder.path, fileSystem: LocalFileSystem()))
        let alone = RouteTable(site: site)
        #expect(alone.posts.count == posts + 1)
        let build = RouteTableBuild(site: site)
        let tables = Locked<[RouteTable]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let table = build.table()
            tables.withLock { $0.append(table) }
        }
        let built = tables.withLock { $0 }
        #expect(built.count == 8)
        for table in built {
            #expect(table.posts.map(\.path) == alone.posts.map(\.path))
            #expect(table.posts.map(\.routes) == alone.posts.map(\.routes))
            #expect(table.pageOfPost == alone.pageOfPost)
            #expect(table.knownFirstNames == alone.knownFirstNames)
            #expect(table.target(ofKey: SiteURL.key("/tags/"))?.anchorsKnown == false)
        }
        // Asked again once built, it is the same table.
        #expect(build.table().posts.map(\.path) == alone.posts.map(\.path))
    }
}
