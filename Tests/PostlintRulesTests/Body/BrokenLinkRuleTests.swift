import Testing
import PostlintCore
import PostlintRules

@Suite struct BrokenLinkRuleTests {
    let rule = BrokenLinkRule(options: RuleOptions(defaultsOf: BrokenLinkRule.metadata))

    @Test func missingLocalFilesAreReported() {
        let files = MemoryFileSystem(["docs/guide.md": "# Guide\n", "docs/files/talk.pdf": "", "docs/old/x.md": ""])
        let text = """
            See [guide](guide.md), [slides](files/talk.pdf), [gone](files/gone.pdf),
            [folder](old/), [remote](https://example.com/x.md), [mail](mailto:a@example.com),
            <https://example.com> and [ref][r].

            [r]: ../missing.md

            """
        let run = BodyRuleRun(rule, path: "docs/index.md", text: text, fileSystem: files)
        #expect(run.covered == ["[gone](files/gone.pdf)", "[ref][r]"])
        #expect(run.positions == ["1:50", "3:27"])
        #expect(run.messages.first == "linked file \"files/gone.pdf\" not found (looked for docs/files/gone.pdf)")
    }

    @Test func anchorsInTheSameDocument() {
        let text = """
            # Getting Started!

            ## What's new in 2.0?

            ## Notes
            ## Notes

            ### Custom {#my-id}

            <a id="legacy"></a>

            [a](#getting-started) [b](#whats-new-in-20) [c](#notes-1) [d](#my-id) [e](#legacy)
            [f](#top) [g](#) [h](#missing) [i](#notes-2)

            """
        let run = BodyRuleRun(rule, text: text, fileSystem: MemoryFileSystem([:]))
        #expect(run.covered == ["[h](#missing)", "[i](#notes-2)"])
        #expect(run.messages.first == "no heading with anchor \"#missing\" in this post")
    }

    @Test func anchorsInAnotherMarkdownFile() {
        let other = "---\ntitle: Setup\n---\n# Install\n\n## Configure the `server`\n"
        let files = MemoryFileSystem(["content/setup.md": other, "content/data.csv": ""])
        let text = "[a](setup.md#install) [b](setup.md#configure-the-server) [c](setup.md#title-setup) "
            + "[d](setup.md#nope) [e](data.csv#row=2)\n"
        let run = BodyRuleRun(rule, text: text, fileSystem: files)
        #expect(run.covered == ["[c](setup.md#title-setup)", "[d](setup.md#nope)"])
        #expect(run.messages.last == "no heading with anchor \"#nope\" in setup.md")
    }

    @Test func anchorsAreNotCheckedWhenTurnedOff() {
        let relaxed = BrokenLinkRule(options: RuleOptions(defaultsOf: BrokenLinkRule.metadata,
                                                          overrides: ["check-anchors": .bool(false)]))
        let run = BodyRuleRun(relaxed, text: "[x](#nowhere)\n", fileSystem: MemoryFileSystem([:]))
        #expect(run.diagnostics.isEmpty)
    }

    @Test func letterCaseOfLinkedFiles() {
        let files = MemoryFileSystem(["content/Notes.md": ""], caseInsensitive: true)
        let run = BodyRuleRun(rule, text: "[n](notes.md)\n", fileSystem: files)
        #expect(run.messages == ["link \"notes.md\" differs in letter case from the file on disk: \"notes.md\" is \"Notes.md\""])
    }

    @Test func linksInCodeAreIgnored() {
        let run = BodyRuleRun(rule, text: "```\n[x](gone.md)\n```\n\n`[y](gone.md)`\n", fileSystem: MemoryFileSystem([:]))
        #expect(run.diagnostics.isEmpty)
    }
}
