import Testing
import PostlintCore
@testable import PostlintEngine

/// JavaScript configurations read without running them: literal values after their keys, in the
/// object of an enclosing key, past comments and strings; the defaults (said so) otherwise.
@Suite struct JavaScriptConfigTests {
    @Test func literalValuesAfterTheirKeys() {
        let scan = JavaScriptConfigScan(
            text: """
                // baseUrl: '/commented/',
                /* trailingSlash: true */
                const title = "not baseUrl: '/in-a-string/'";
                const config = {
                  'baseUrl': "/docs-site/",
                  url: `https://example.org`,
                  trailingSlash: false,
                  computed: `${base}/x`,
                  presets: [['classic', {
                    docs: { sidebarPath: require.resolve('./sidebars.js'), routeBasePath: '/' },
                    blog: { routeBasePath: 'news', path: "posts" },
                  }]],
                };
                config.onBrokenLinks = 'warn';
                """)
        #expect(scan.literal("baseUrl") == .string("/docs-site/"))
        #expect(scan.literal("url") == .string("https://example.org"))
        #expect(scan.literal("trailingSlash") == .bool(false))
        #expect(scan.literal("computed") == nil)
        #expect(scan.literal("onBrokenLinks") == .string("warn"))
        #expect(scan.literal("missing") == nil)
        let docs = scan.object("docs")
        #expect(docs.flatMap { scan.literal("routeBasePath", in: $0) } == .string("/"))
        let blog = scan.object("blog")
        #expect(blog.flatMap { scan.literal("routeBasePath", in: $0) } == .string("news"))
        #expect(blog.flatMap { scan.literal("path", in: $0) } == .string("posts"))
        // A key that is part of a longer name, or compared with `==`, is not the key.
        #expect(JavaScriptConfigScan(text: "myBase: '/a/', base == '/b/'").literal("base") == nil)
        // Unterminated text does not run past its end.
        #expect(JavaScriptConfigScan(text: "base: '/a").literal("base") == nil)
        #expect(JavaScriptConfigScan(text: "docs: {").object("docs") == nil)
        #expect(JavaScriptConfigScan(text: "/* base: '/a/'").literal("base") == nil)
    }

    @Test func docusaurusRoutesFollowTheConfiguration() throws {
        let site = try SiteTesting([
            "docusaurus.config.ts": """
            export default {
              baseUrl: '/garden/',
              presets: [['classic', { docs: { routeBasePath: '/' }, blog: { path: 'news', routeBasePath: 'journal' } }]],
            };
            """,
            "docs/intro.md": "# Intro\n",
            "news/2024-02-03-frost.md": "---\ntags: [Soil]\n---\n# Frost\n",
        ])
        #expect(site.site.basePath == "/garden")
        #expect(site.routes(of: "docs/intro.md") == ["/garden/intro"])
        #expect(site.routes(of: "news/2024-02-03-frost.md") == ["/garden/journal/2024/02/03/frost"])
        #expect(site.resolve("/garden/journal/tags/soil") == .served)
        #expect(site.site.notes.contains("base URL /garden/ (baseUrl in docusaurus.config.ts)"))
        let defaults = try SiteTesting([
            "docusaurus.config.js": "module.exports = require('./config-builder')();\n",
            "docs/intro.md": "# Intro\n",
        ])
        #expect(defaults.routes(of: "docs/intro.md") == ["/docs/intro"])
        #expect(
            defaults.site.notes.contains("base URL /: baseUrl not found as a literal in docusaurus.config.js, so the default"))
        let noBlog = try SiteTesting([
            "docusaurus.config.js": "module.exports = { presets: [['classic', { blog: false }]] }\n",
            "blog/2024-01-01-a.md": "# A\n",
        ])
        #expect(noBlog.routes(of: "blog/2024-01-01-a.md").isEmpty)
    }

    @Test func astroBaseFormatAndEleventyDirectories() throws {
        let astro = try SiteTesting([
            "astro.config.mjs":
                "export default defineConfig({ base: '/notes', build: { format: 'file' }, trailingSlash: 'never' })\n",
            "src/pages/about.md": "# About\n",
            "src/pages/guides/index.md": "# Guides\n",
        ])
        #expect(astro.routes(of: "src/pages/about.md") == ["/notes/about.html"])
        #expect(astro.routes(of: "src/pages/guides/index.md") == ["/notes/guides.html"])
        let eleventy = try SiteTesting([
            ".eleventy.js":
                "module.exports = function (config) {\n  return { pathPrefix: '/blog/', dir: { input: 'src', output: 'dist' } };\n};\n",
            "src/posts/a.md": "# A\n",
            "README.md": "# Not content\n",
        ])
        #expect(eleventy.routes(of: "src/posts/a.md") == ["/blog/posts/a/"])
        #expect(eleventy.routes(of: "README.md").isEmpty)
        #expect(eleventy.site.notes.contains("content in src (dir.input in .eleventy.js)"))
        let outputInside = try SiteTesting([
            "eleventy.config.js": "export default {}\n", "posts/a.md": "# A\n", "_site/posts/a/index.html": "<p>",
        ])
        #expect(outputInside.routes(of: "posts/a.md") == ["/posts/a/"])
        #expect(outputInside.routes(of: "_site/posts/a/index.html").isEmpty)
    }
}
