import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintRules

/// Each anchor style against ids the generators themselves gave this post (hugo 0.111, jekyll
/// 4.3 with kramdown 2.4 and kramdown-parser-gfm 1.1, pandoc 2.17; `scripts/anchor-differential.py`
/// compares many more posts when the tools are installed).
@Suite struct DocumentAnchorsTests {
    static let post = """
        ---
        title: Anchors
        ---
        # Hello World

        ## Hello World

        ## Hello World-1

        ## hello-world

        ## 1. Getting Started!

        ## See [the docs](http://example.com/x)

        ## Tom &amp; Jerry's <span>html</span>

        ## Café -- naïve

        ## हिन्दी

        ## ???

        ## ???

        ## x² and Ⓐ

        ## Custom {#my-id}

        ## Note[^n] here

        [^n]: The note.

        """

    static func ids(_ style: AnchorStyle) -> [String] {
        DocumentAnchors(fileBytes: Array(post.utf8), style: style).ids.sorted()
    }

    static func words(_ list: String) -> [String] {
        list.split(separator: " ").map(String.init).sorted()
    }

    @Test func hugoGoldmark() {
        #expect(
            Self.ids(.goldmark)
                == Self.words(
                    """
                    1-getting-started café----naïve fn:1 fnref:1 heading heading-1 hello-world hello-world-1 hello-world-1-1 \
                    hello-world-2 my-id noten-here see-the-docshttpexamplecomx tom-amp-jerrys-spanhtmlspan x-and- हनद
                    """))
        #expect(
            Self.ids(.githubASCII)
                == Self.words(
                    """
                    1-getting-started cafe----naive fn:1 fnref:1 heading heading-1 heading-2 hello-world hello-world-1 \
                    hello-world-1-1 hello-world-2 my-id noten-here see-the-docshttpexamplecomx tom-amp-jerrys-spanhtmlspan x-and-
                    """))
        #expect(
            Self.ids(.blackfriday)
                == Self.words(
                    """
                    1-getting-started café-naïve fn:1 fnref:1 heading heading-1 hello-world hello-world-1 hello-world-1-1 \
                    hello-world-2 my-id note-n-here see-the-docs-http-example-com-x tom-amp-jerry-s-span-html-span x²-and ह-न-द
                    """))
    }

    @Test func jekyllKramdown() {
        #expect(
            Self.ids(.kramdownGFM)
                == Self.words(
                    """
                    -1 1-getting-started café--naïve fn:n fnref:n hello-world hello-world-1 hello-world-2 my-id note-here \
                    see-the-docs tom--jerrys-html x-and-ⓐ हिन्दी
                    """))
        #expect(
            Self.ids(.kramdown)
                == Self.words(
                    """
                    caf----nave fn:n fnref:n getting-started hello-world hello-world-1 hello-world-2 my-id noten-here section \
                    section-1 section-2 see-the-docshttpexamplecomx tom-amp-jerrys-spanhtmlspan x-and-
                    """))
    }

    @Test func pandoc() {
        #expect(
            Self.ids(.pandoc)
                == Self.words(
                    """
                    café-naïve fn1 fnref1 getting-started hello-world hello-world-1 hello-world-1-1 hello-world-2 my-id \
                    noten-here section section-1 see-the-docs tom-jerrys-html x²-and हनद
                    """))
        #expect(
            Self.ids(.pandocGFM)
                == Self.words(
                    """
                    -1 1-getting-started café----naïve custom-my-id fn1 fnref1 hello-world hello-world-1 hello-world-2 \
                    note-here see-the-docs tom--jerrys-html x²-and- हिन्दी
                    """))
    }

    /// github-slugger's own test cases: repeats skip ids already given, dashes and underscores
    /// stay, other punctuation and emoji go, other scripts stay.
    @Test func githubSlugger() {
        let text =
            "---\ntitle: t\n---\n"
            + [
                "echo", "echo", "echo 1", "echo-1", "echo", "heading with a - dash", "apostrophe’s should be trimmed",
                "😄 - an emoji", "Привет non-latin 你好", "exchange.bind_headers(exchange, routing [, bindCallback])",
            ].map { "# \($0)\n\n" }.joined()
        let anchors = DocumentAnchors(fileBytes: Array(text.utf8), style: .docusaurus)
        #expect(
            anchors.ids.sorted()
                == Self.words(
                    """
                    echo echo-1 echo-1-1 echo-1-2 echo-2 heading-with-a---dash apostrophes-should-be-trimmed ---an-emoji \
                    привет-non-latin-你好 exchangebind_headersexchange-routing--bindcallback
                    """))
    }

    /// Zola transliterates to ASCII (Latin, Greek and Cyrillic as deunicode spells them); a heading
    /// in a script it spells out in words (CJK) is not known here, so the post's anchors are
    /// incomplete and a fragment not found is not reported.
    @Test func zolaTransliteratesOrAdmitsNotKnowing() {
        let latin = "# Café Ünïcödé -- naïve\n\n# Straße & Ærø\n\n# Straße & Ærø\n\n## Own {#own}\n\n# own\n"
        let anchors = DocumentAnchors(fileBytes: Array(latin.utf8), style: .zola)
        #expect(anchors.isComplete)
        #expect(anchors.ids.sorted() == Self.words("cafe-unicode-naive strasse-aero strasse-aero-1 own own-1"))
        let greekCyrillic = "# Привет, мир\n\n# Щука и ёж\n\n# Объект\n\n# Αθήνα\n\n# Ελληνικά νέα\n\n# Ξένος ξένος\n"
        let known = DocumentAnchors(fileBytes: Array(greekCyrillic.utf8), style: .zola)
        #expect(known.isComplete)
        #expect(known.ids.sorted() == Self.words("privet-mir shchuka-i-iozh ob-ekt athena ellenika-nea ksenos-xenos"))
        let cjk = DocumentAnchors(fileBytes: Array("# 你好\n\n# Hello\n".utf8), style: .zola)
        #expect(!cjk.isComplete)
        #expect(!cjk.lacks("ni-hao"))
    }

    @Test func kramdownAttributeListsAndHTML() {
        let text = "Para\n{: #para-id .note}\n\n<div id=\"box\"></div>\n\n## Title\n{: #title-id}\n"
        let anchors = DocumentAnchors(fileBytes: Array(text.utf8), style: .kramdownGFM)
        #expect(["para-id", "box", "title-id", "title"].allSatisfy(anchors.ids.contains))
    }

    /// Hugo's `autoDefinitionTermID`: each term of a definition list gets an id slugged as a
    /// heading's, numbered after the headings; a fragment may name one only where the site says so.
    @Test func definitionTermsInTheGoldmarkStyles() {
        let text = """
            # Settings

            `publishDir`
            : Where the site is written.

            Base URL
            Settings
              : Two terms, one definition.

            Not a term: the colon is not at the start.

            ```
            `inCode`
            : not a list
            ```

            """
        let anchors = DocumentAnchors(fileBytes: Array(text.utf8), style: .goldmark)
        #expect(anchors.ids == ["settings"])
        #expect(anchors.definitionTermIDs == ["publishdir", "base-url", "settings-1"])
        #expect(anchors.lacks("publishdir"))
        #expect(!anchors.lacks("publishdir", definitionTerms: true))
        #expect(anchors.lacks("incode", definitionTerms: true))
        #expect(DocumentAnchors(fileBytes: Array(text.utf8), style: .github).definitionTermIDs.isEmpty)
    }

    /// A definition term is trimmed as Foundation trims `CharacterSet.whitespaces`: spaces, tabs
    /// and the other space separators at either end, nothing else (not a carriage return).
    @Test func definitionTermsAreTrimmedAsFoundationTrimsWhitespace() {
        let pieces = [" ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "\r", "a", "é", "\u{301}", "漢", "-", "\u{200B}"]
        var random = SeededRandom(seed: 17)
        var nonASCIIEnds = 0
        for _ in 0..<5_000 {
            let line = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let bytes = Array(line.utf8)
            let expected = line.trimmingCharacters(in: .whitespaces)
            #expect(
                DocumentAnchors.trimmedTerm(bytes, 0..<bytes.count) == (expected.isEmpty ? nil : expected),
                "\(line.debugDescription)")
            if let first = expected.utf8.first, let last = expected.utf8.last, first >= 0x80 || last >= 0x80 { nonASCIIEnds += 1 }
        }
        #expect(nonASCIIEnds > 500)
    }
}
