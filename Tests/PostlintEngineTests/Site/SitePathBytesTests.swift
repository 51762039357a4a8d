import PostlintTestSupport
import Testing

@testable import PostlintEngine

/// The route table reads paths, keys and names for Hugo's slugs a byte at a time when they are
/// ASCII, and a character at a time otherwise. Over every arrangement of ASCII characters the
/// seeded generator gives (slashes, spaces, tabs, CR LF, upper case, punctuation, controls), the
/// bytes must give what the characters give.
@Suite struct SitePathBytesTests {
    /// Seeded ASCII strings, and the same with more slashes, spaces and CR LF in them.
    static let texts: [String] = {
        let plain = SeededASCII.strings(seed: 0x5157_E9A7, lengths: (0..<4_000).map { $0 % 40 })
        let dense = plain.map { text in
            String(
                text.map { character -> Character in
                    switch character.asciiValue.map({ $0 % 7 }) {
                    case 0: return "/"
                    case 1: return " "
                    default: return character
                    }
                })
        }
        return plain + dense + ["", "/", "//", "a\r\nb", "A B\tC", "/Docs//Guide/", "\r\n/x"]
    }()

    /// A file name's last dot, found on the bytes of an ASCII name, is the last `.` character;
    /// names with dots, and a dot with a mark after it (another character), are among them.
    @Test func lastDotsAgreeWithTheCharacters() {
        let dotted = Self.texts.map { String($0.map { $0 == "/" ? "." : $0 }) }
        for name in Self.texts + dotted + ["a.b.c", ".", "x.", ".\u{301}md", "post.fr.\u{301}", "é.md"] {
            #expect(PathUtilities.lastDot(in: name) == name.lastIndex(of: "."), "\(Array(name.utf8))")
        }
    }

    /// Spaces and tabs trimmed from a front matter value's bytes leave what trimming its
    /// characters leaves, also next to a mark after a space or a prepended sign before one.
    @Test func trimmedValuesAgreeWithTheCharacters() {
        let pieces = [" ", "\t", "a", "Z", ".", "x y", "é", "\u{301}", "\u{600}", "\r\n", "漢"]
        var random = SeededRandom(seed: 23)
        var trimmed = 0
        for text in Self.texts {
            #expect(SitePost.trimmingSpacesAndTabs(text) == SitePost.trimmingSpacesAndTabsByCharacters(text))
        }
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = SitePost.trimmingSpacesAndTabsByCharacters(text)
            if let expected, expected != text { trimmed += 1 }
            #expect(SitePost.trimmingSpacesAndTabs(text) == expected, "\(text.debugDescription)")
        }
        #expect(trimmed > 1_000)
        #expect(SitePost.trimmingSpacesAndTabs(" \u{301}x ") == " \u{301}x")
    }

    @Test func hugoSlugsOfASCIIAgreeWithTheCharacters() {
        for text in Self.texts {
            #expect(URLSlug.hugo(text) == URLSlug.hugoByCharacters(text), "\(Array(text.utf8))")
        }
        #expect(URLSlug.hugo("Garden Tools & Soil!") == "garden-tools--soil")
        #expect(URLSlug.hugo("Straße Ünter") == URLSlug.hugoByCharacters("Straße Ünter"))
    }

    @Test func slugifiedASCIIAgreesWithTheCharacters() {
        for text in Self.texts {
            for keepCase in [false, true] {
                #expect(
                    URLSlug.slugify(text, keepCase: keepCase) == URLSlug.slugifyByCharacters(text, keepCase: keepCase),
                    "\(Array(text.utf8))")
            }
        }
        #expect(URLSlug.slugify("First Post: Rust 1.0!") == "first-post-rust-1-0")
        #expect(URLSlug.slugify("a\r\nB", keepCase: true) == "a-B")
        #expect(URLSlug.slugify("Ünter Straße") == URLSlug.slugifyByCharacters("Ünter Straße"))
    }

    @Test func foldedSlashesOfASCIIAgreeWithTheCharacters() {
        for text in Self.texts {
            #expect(SiteURL.foldingSlashes(text) == SiteURL.foldingSlashesByCharacters(text), "\(Array(text.utf8))")
        }
        #expect(SiteURL.foldingSlashes("//2024///a/") == "/2024/a/")
        #expect(SiteURL.foldingSlashes("/\u{301}/") == SiteURL.foldingSlashesByCharacters("/\u{301}/"))
        #expect(SiteURL.foldingSlashes("//\u{301}") == SiteURL.foldingSlashesByCharacters("//\u{301}"))
    }

    @Test func expandedASCIIPatternsAgreeWithTheCharacters() {
        let known: Set<Substring> = ["title", "titles", "year", "y", "categories", "output_ext", "i_day", "a", "_", "9"]
        let value: (Substring) -> String? = { known.contains($0) ? "<\($0)>" : nil }
        let tokens = known.map { ":" + $0 } + [":", "::", ":x", ":titlex"]
        var patterns: [String] = []
        for (index, text) in Self.texts.enumerated() {
            var pattern = ""
            for (offset, character) in text.enumerated() {
                pattern.append(character)
                if (index + offset) % 5 == 0 { pattern += tokens[(index + offset) % tokens.count] }
            }
            patterns.append(pattern)
        }
        for pattern in patterns {
            #expect(
                PermalinkPattern.expand(pattern, value: value) == PermalinkPattern.expandByCharacters(pattern, value: value),
                "\(Array(pattern.utf8))")
        }
        #expect(PermalinkPattern.expand("/:year/:titles:output_ext", value: value) == "/<year>/<titles><output_ext>")
        #expect(PermalinkPattern.expand("/:yé", value: value) == PermalinkPattern.expandByCharacters("/:yé", value: value))
    }

    @Test func firstNamesOfASCIIKeysAgreeWithTheCharacters() {
        for text in Self.texts {
            let key = "/" + text
            #expect(SiteURL.firstName(ofKey: key) == SiteURL.firstNameByCharacters(ofKey: key), "\(Array(key.utf8))")
        }
        #expect(SiteURL.firstName(ofKey: "//blog/a") == "blog")
        #expect(SiteURL.firstName(ofKey: "/") == nil)
        #expect(SiteURL.firstName(ofKey: "/café/a") == "café")
    }

    @Test func namesOfASCIIPathsAgreeWithTheCharacters() {
        for text in Self.texts {
            #expect(SitePost.names(of: text) == SitePost.namesByCharacters(of: text), "\(Array(text.utf8))")
        }
        #expect(SitePost.names(of: "docs//guide/a.md") == ["docs", "guide", "a.md"])
        // A combining mark after a slash joins it in one character: not split there, as before.
        #expect(SitePost.names(of: "a/\u{301}b/c.md") == SitePost.namesByCharacters(of: "a/\u{301}b/c.md"))
    }
}
