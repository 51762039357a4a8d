import Testing
@testable import PostlintRules

/// How a post's language is told from its path (the front matter's fields are covered by the
/// duplicate rules' examples).
@Suite struct PostLanguageTests {
    @Test(arguments: [
        ("en/news/_posts/2024-01-01-release.md", "en"),
        ("site/pt-br/news/a.md", "pt-br"),
        ("zh_TW/index.md", "zh-tw"),
        ("content/posts/tea.fr.md", "fr"),
        ("content/posts/index.pt-br.md", "pt-br"),
        ("content/fr/posts/tea.de.md", "de"),
    ])
    func languageOfPath(_ path: String, _ expected: String) {
        #expect(PostLanguage().language(ofPath: path) == expected)
    }

    @Test(arguments: [
        "content/posts/tea.md", "js/app.md", "docs/ui/guide.md", "a/jquery.min.md", "v2/post.v2.md",
        "en.md", "api/zz-top/a.md", "english/a.md",
    ])
    func noLanguage(_ path: String) {
        #expect(PostLanguage().language(ofPath: path) == nil)
    }

    @Test func aSiteCanNameItsOwnLanguages() {
        let site = PostLanguage(knownLanguages: ["en", "tlh"])
        #expect(site.language(ofPath: "de/a.md") == nil)
        #expect(site.language(ofPath: "x/a.en.md") == "en")
    }

    /// The path is read as bytes; this holds it to the reading by characters it replaced, over
    /// paths made of segments that are codes, near-codes, dotted names, whitespace, upper case,
    /// underscores and text that is not ASCII, joined by single, doubled and trailing slashes.
    @Test func readingThePathsBytesAgreesWithReadingItsCharacters() {
        let pieces = [
            "en", "EN", "pt-br", "pt_BR", "zh-Hant", "es-419", "fr-", "fr-1x", "fr-ca12", "xx", "d1", "..", ".", "",
            "a.fr.md", "tea.DE.md", "x..fr.md", ".fr.md", "fr..md", "a.b.c.md", "a.pt_br.md", "post.md", " e", "e ",
            "é", "ja\u{301}", "\u{301}", "tlh", "en\r\n", "de\t", "ＥＮ", "fr.md", "a.en.",
        ]
        let languages = [PostLanguage(), PostLanguage(knownLanguages: ["en", "tlh", "pt-br"])]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var compared = 0
        for _ in 0..<4_000 {
            var path = next(4) == 0 ? "/" : ""
            for index in 0..<(1 + next(4)) {
                if index > 0 { path += next(6) == 0 ? "//" : (next(12) == 0 ? "/\u{301}" : "/") }
                path += pieces[next(pieces.count)]
            }
            if next(8) == 0 { path += "/" }
            for language in languages {
                #expect(
                    language.language(ofPath: path) == Self.languageByCharacters(path, known: language.knownLanguages),
                    "\(path.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 8_000)
    }

    /// The reading by characters, as it was: the path split into strings.
    static func languageByCharacters(_ path: String, known: Set<String>) -> String? {
        func normalized(_ text: String) -> String {
            var trimmed = Substring(String(text.lowercased().map { $0 == "_" ? "-" : $0 }))
            while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
            while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
            return String(trimmed)
        }
        func code(_ text: Substring) -> String? {
            let bytes = Array(text.utf8)
            guard bytes.count == 2 || (bytes.count >= 5 && bytes.count <= 7 && (bytes[2] == 0x2D || bytes[2] == 0x5F))
            else { return nil }
            let code = normalized(String(text))
            if known.contains(code) { return code }
            guard bytes.count > 2, known.contains(String(code.prefix(2))),
                bytes[3...].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) })
            else { return nil }
            return code
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if let name = segments.last {
            let parts = name.split(separator: ".")
            if parts.count >= 3, let code = code(parts[parts.count - 2]) { return code }
        }
        for segment in segments.dropLast() {
            if let code = code(segment) { return code }
        }
        return nil
    }
}
