import Testing
import PostlintCore
import PostlintRules

@Suite struct BrokenImageRuleTests {
    let rule = BrokenImageRule(options: RuleOptions(defaultsOf: BrokenImageRule.metadata))

    @Test func everyMissingImageAtItsOwnPositionAndNothingInCode() {
        let text = """
            ---
            title: Trip
            ---
            Intro ![ok](img/ok.png) and ![gone](img/gone.png).

            ```
            ![fenced](img/fenced.png)
            ```

            `![span](img/span.png)` <!-- ![comment](img/comment.png) -->

            ![ref gone][r] and ![ok again][ok]

            <div>
              <img src="img/html-gone.png"> <img src="img/ok.png">
            </div>

            [r]: img/ref-gone.png
            [ok]: img/ok.png

            """
        let files = MemoryFileSystem(["content/img/ok.png": ""])
        let run = BodyRuleRun(rule, text: text, fileSystem: files)
        #expect(run.positions == ["4:29", "12:1", "15:3"])
        #expect(run.covered == ["![gone](img/gone.png)", "![ref gone][r]", "<img src=\"img/html-gone.png\">"])
        #expect(run.messages.first == "image \"img/gone.png\" not found (looked for content/img/gone.png)")
        #expect(run.diagnostics.allSatisfy { $0.severity == .error && $0.ruleID == "broken-image" })
    }

    @Test func relativePathsResolveAgainstThePostsFolder() {
        let files = MemoryFileSystem(["blog/2024/trip/map.png": "", "blog/shared/logo.png": ""])
        let text = "![map](map.png) ![logo](../../shared/logo.png) ![here](./map.png) ![no](../map.png)\n"
        let run = BodyRuleRun(rule, path: "blog/2024/trip/index.md", text: text, fileSystem: files)
        #expect(run.covered == ["![no](../map.png)"])
        #expect(run.messages == ["image \"../map.png\" not found (looked for blog/2024/map.png)"])
    }

    @Test func rootRelativePathsResolveAgainstEverySiteRoot() {
        let files = MemoryFileSystem(["site/static/images/a.png": "", "site/public/b.png": ""])
        let text = "![a](/images/a.png) ![b](/b.png) ![c](/images/c.png)\n"
        let run = BodyRuleRun(
            rule, path: "site/content/post.md", text: text, fileSystem: files,
            siteRoots: ["site", "site/static", "site/public"])
        #expect(run.covered == ["![c](/images/c.png)"])
    }

    @Test func rootRelativePathsWithoutSiteRootsAreNotGuessed() {
        let run = BodyRuleRun(rule, text: "![a](/images/a.png)\n", fileSystem: MemoryFileSystem([:]))
        #expect(run.diagnostics.isEmpty)
    }

    @Test func percentEscapesQueryAndFragment() {
        let files = MemoryFileSystem(["content/my pic.png": "", "content/é.png": "", "content/bad%zz.png": ""])
        let text = "![a](my%20pic.png?v=2#x) ![b](%C3%A9.png) ![c](bad%zz.png) ![d](<my pic.png>) ![e](my%20pict.png)\n"
        let run = BodyRuleRun(rule, text: text, fileSystem: files)
        #expect(run.covered == ["![e](my%20pict.png)"])
        #expect(run.messages == ["image \"my%20pict.png\" not found (looked for content/my pict.png)"])
    }

    @Test func letterCaseOnCaseSensitiveAndInsensitiveFileSystems() {
        let text = "![a](Images/Photo.PNG) ![b](images/photo.png)\n"
        for caseInsensitive in [false, true] {
            let files = MemoryFileSystem(["content/images/photo.png": ""], caseInsensitive: caseInsensitive)
            let run = BodyRuleRun(rule, text: text, fileSystem: files)
            #expect(run.covered == ["![a](Images/Photo.PNG)"], "case-insensitive: \(caseInsensitive)")
            #expect(
                run.messages == [
                    "image \"Images/Photo.PNG\" differs in letter case from the file on disk: "
                        + "\"Images\" is \"images\""
                ])
        }
    }

    @Test func pathsClimbingOutOfEveryRoot() {
        let files = MemoryFileSystem(["etc/secret.png": "", "site/content/a.png": ""])
        let text = "![a](../../../etc/secret.png) ![b](/../etc/secret.png) ![c](a.png)\n"
        let run = BodyRuleRun(
            rule, path: "site/content/post.md", text: text, fileSystem: files,
            siteRoots: ["site"])
        #expect(run.covered == ["![a](../../../etc/secret.png)", "![b](/../etc/secret.png)"])
        #expect(run.messages.allSatisfy { $0.hasSuffix("points outside the site") })
    }

    @Test func postsOutsideEveryRootAreNotHeldToTheRoots() {
        let files = MemoryFileSystem(["drafts/a.png": ""])
        let text = "![a](a.png) ![b](../b.png)\n"
        let run = BodyRuleRun(rule, path: "drafts/post.md", text: text, fileSystem: files, siteRoots: ["site"])
        #expect(run.messages == ["image \"../b.png\" not found (looked for b.png)"])
    }

    @Test func remoteDataAndTemplateImagesAreNotChecked() {
        let text = """
            ![a](https://example.com/a.png) ![b](//cdn.example.com/b.png) ![c](data:image/gif;base64,R0lG)
            ![d]({{ "/x.png" | relative_url }}) <img src="{% asset y.png %}"> ![e](HTTP://EXAMPLE.COM/e.png)

            """
        let run = BodyRuleRun(rule, text: text, fileSystem: MemoryFileSystem([:]))
        #expect(run.diagnostics.isEmpty, "\(run.messages)")
    }

    @Test func foldersAndEmptyDestinations() {
        let files = MemoryFileSystem(["content/img/a.png": ""])
        let run = BodyRuleRun(rule, text: "![f](img) ![e]()\n", fileSystem: files)
        #expect(run.messages == ["image \"img\" is a folder, not a file", "image has no destination"])
    }

    @Test func frontMatterImageFieldsAtTheirValues() {
        let text = """
            ---
            title: Hello
            cover: "img/cover.png"
            thumbnail: img/ok.png
            image:
              - img/ok.png
              - img/missing.png
            og_image: https://example.com/og.png
            count: 3
            ---
            Body.

            """
        let files = MemoryFileSystem(["content/img/ok.png": ""])
        let run = BodyRuleRun(rule, text: text, fileSystem: files)
        #expect(run.covered == ["\"img/cover.png\"", "img/missing.png"])
        #expect(run.positions == ["3:8", "7:5"])
    }

    @Test func frontMatterFieldsAreConfigurable() {
        let custom = BrokenImageRule(
            options: RuleOptions(
                defaultsOf: BrokenImageRule.metadata,
                overrides: ["fields": .strings(["hero"])]))
        let text = "---\nhero: a.png\ncover: b.png\n---\n"
        let run = BodyRuleRun(custom, text: text, fileSystem: MemoryFileSystem([:]))
        #expect(run.covered == ["a.png"])
    }
}
