import Testing
import PostlintCore
@testable import PostlintEngine

/// Docusaurus, MkDocs, Astro and Eleventy: content roots, static roots, slug rules, anchor style.
@Suite struct OtherGeneratorsTests {
    @Test func docusaurusDocsBlogAndStatic() throws {
        let site = try SiteTesting([
            "docusaurus.config.js": "module.exports = {}\n",
            "docs/01-intro.md": "---\ntitle: Intro\n---\n",
            "docs/guides/02-setup.md": "---\nslug: /start\n---\n",
            "blog/2024-02-03-launch.md": "---\ntitle: Launch\ntags: [News]\n---\n",
            "static/img/logo.svg": "<svg/>",
        ])
        #expect(site.site.generator == .docusaurus)
        #expect(site.site.anchorStyle == .docusaurus)
        #expect(site.routes(of: "docs/01-intro.md") == ["/docs/intro"])
        #expect(site.routes(of: "docs/guides/02-setup.md") == ["/docs/start"])
        #expect(site.routes(of: "blog/2024-02-03-launch.md") == ["/blog/2024/02/03/launch"])
        #expect(site.resolve("/img/logo.svg") == .served)
        #expect(site.resolve("/blog/tags/news") == .served)
        #expect(site.resolve("/docs/outro") == .missing(route: "/docs/outro"))
    }

    @Test func mkdocsWithAndWithoutDirectoryURLs() throws {
        let files = ["docs/index.md": "# Home\n", "docs/user/setup.md": "# Setup\n", "docs/img/a.png": "png"]
        let site = try SiteTesting(files.merging(["mkdocs.yml": "site_name: X\n"]) { $1 })
        #expect(site.site.generator == .mkdocs)
        #expect(site.routes(of: "docs/user/setup.md") == ["/user/setup/"])
        #expect(site.resolve("/img/a.png") == .served)
        let flat = try SiteTesting(files.merging(["mkdocs.yml": "docs_dir: docs\nuse_directory_urls: false\n"]) { $1 })
        #expect(flat.routes(of: "docs/user/setup.md") == ["/user/setup.html"])
    }

    @Test func astroPagesAndEleventyPermalinks() throws {
        let astro = try SiteTesting([
            "astro.config.mjs": "export default {}\n",
            "src/pages/index.astro": "---\n---\n",
            "src/pages/blog/hello.md": "---\ntitle: Hello\n---\n",
            "public/favicon.svg": "<svg/>",
        ])
        #expect(astro.site.generator == .astro)
        #expect(astro.routes(of: "src/pages/blog/hello.md") == ["/blog/hello/"])
        #expect(astro.resolve("/favicon.svg") == .served)
        let eleventy = try SiteTesting([
            "eleventy.config.js": "module.exports = {}\n",
            "posts/a.md": "---\ntitle: A\n---\n",
            "posts/b.md": "---\npermalink: /bee/\n---\n",
        ])
        #expect(eleventy.site.generator == .eleventy)
        #expect(eleventy.routes(of: "posts/a.md") == ["/posts/a/"])
        #expect(eleventy.routes(of: "posts/b.md") == ["/bee/"])
    }

    @Test func docfxServesLowerCasePagesAndFindsFilesWhateverTheirCase() throws {
        let site = try SiteTesting([
            "docfx.json": "{\"build\": {}}\n",
            "index.md": "# Home\n",
            "Build/Overview-Of-Builds.md": "# Overview\n",
            "Build/media/chart.png": "png",
            ".openpublishing.redirection.json": """
            {"redirections": [{"source_path": "Old/Moved.md", "redirect_url": "/elsewhere/moved"}]}
            """,
        ])
        #expect(site.site.generator == .docfx)
        #expect(site.site.anchorStyle == .github)
        #expect(site.resolver.fileLinksIgnoreLetterCase)
        #expect(site.routes(of: "Build/Overview-Of-Builds.md") == ["/build/overview-of-builds"])
        #expect(site.routes(of: "index.md") == ["/"])
        // Root-relative links lead to the platform's other document sets, even under a known folder.
        #expect(site.resolve("/build/overview-of-builds") == .unknown)
        // `\` separates folders, letter case aside; a redirected source is still linked to.
        #expect(site.resolve("build\\overview-of-builds.md") == .post(path: site.path("Build/Overview-Of-Builds.md")))
        #expect(site.resolve("old/moved.md") == .served)
        #expect(site.resolve("Build\\..\\old\\Moved.md") == .served)
        #expect(site.resolve("build/gone.md") == .missing(route: "/build/gone.md"))
        // So do images and other files: `media\chart.png` is `media/chart.png`.
        #expect(site.resolve("media\\chart.png", from: "Build/Overview-Of-Builds.md") == .served)
        #expect(site.resolve("media\\gone.png", from: "Build/Overview-Of-Builds.md") != .served)
        #expect(site.resolver.tabbedContentHeadings)
        // A page's URL (no `.md`), relative to the linking page's URL, any letter case.
        #expect(site.resolve("build/Overview-Of-Builds") == .post(path: site.path("Build/Overview-Of-Builds.md")))
        #expect(site.resolve("../", from: "Build/Overview-Of-Builds.md") == .post(path: site.path("index.md")))
        #expect(site.resolve("overview_md", from: "Build/Overview-Of-Builds.md") == .missing(route: "/build/overview_md"))
        // Under no top-level folder of the site: not known.
        #expect(site.resolve("elsewhere/page") == .unknown)
    }
}
