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
        let text =
            "[a](setup.md#install) [b](setup.md#configure-the-server) [c](setup.md#title-setup) "
            + "[d](setup.md#nope) [e](data.csv#row=2)\n"
        let run = BodyRuleRun(rule, text: text, fileSystem: files)
        #expect(run.covered == ["[c](setup.md#title-setup)", "[d](setup.md#nope)"])
        #expect(run.messages.last == "no heading with anchor \"#nope\" in setup.md")
    }

    @Test func anchorsAreNotCheckedWhenTurnedOff() {
        let relaxed = BrokenLinkRule(
            options: RuleOptions(
                defaultsOf: BrokenLinkRule.metadata,
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

    /// The same links judged in the site's anchor style: Jekyll's kramdown drops leading digits
    /// only in its own parser, names footnotes `fn:name`; Hugo keeps a link's address in the id.
    @Test func anchorsFollowTheSiteStyle() {
        let text = """
            ## 1. Install

            ## See [the docs](https://example.com/docs)

            Text.[^note]

            [^note]: A note.

            [a](#1-install) [b](#install) [c](#see-the-docs) [d](#see-the-docshttpsexamplecomdocs) [e](#fn:note)

            """
        func covered(_ style: AnchorStyle) -> [String] {
            BodyRuleRun(rule, text: text, fileSystem: MemoryFileSystem([:]), anchorStyle: style).covered
        }
        #expect(covered(.github) == ["[b](#install)", "[d](#see-the-docshttpsexamplecomdocs)", "[e](#fn:note)"])
        #expect(covered(.kramdownGFM) == ["[b](#install)", "[d](#see-the-docshttpsexamplecomdocs)"])
        #expect(covered(.kramdown) == ["[a](#1-install)", "[c](#see-the-docs)"])
        #expect(covered(.goldmark) == ["[b](#install)", "[c](#see-the-docs)", "[e](#fn:note)"])
    }

    /// A post whose anchors cannot all be known in the style (Zola spells Cyrillic in ASCII words)
    /// gets no finding for a fragment not found: unknown is not broken.
    @Test func unknownAnchorsAreNotReported() {
        let files = MemoryFileSystem(["content/ru.md": "# Привет\n\n## Hello\n"])
        let run = BodyRuleRun(rule, text: "[a](ru.md#privet) [b](ru.md#hello)\n", fileSystem: files, anchorStyle: .zola)
        #expect(run.diagnostics.isEmpty)
        let known = BodyRuleRun(
            rule, text: "[a](ru.md#nope)\n", fileSystem: MemoryFileSystem(["content/ru.md": "# Hello\n"]),
            anchorStyle: .zola)
        #expect(known.covered == ["[a](ru.md#nope)"])
    }
}
