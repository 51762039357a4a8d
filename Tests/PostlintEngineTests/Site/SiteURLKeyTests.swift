import Testing
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct SiteURLKeyTests {
    /// A route written as a key is returned as it is (less its final slash), and that is what
    /// taking it apart name by name gives; for any path, `key` gives what the names give.
    @Test func aRouteTakenAsWrittenIsWhatItsNamesGive() {
        let pieces = [
            "/", "/", "/", "docs", "a.md", ".", "..", "...", "index.html", "index.htm", "index.xml", "b.html", "é", "", ".html",
            "index.html", "é.html", "\u{600}.html", "x.html",
        ]
        var random = SeededRandom(seed: 23)
        var asWritten = 0
        for _ in 0..<20_000 {
            let path = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let byNames = SiteURL.keyByNames(path)
            #expect(SiteURL.key(path) == byNames, "\(path.debugDescription)")
            if let key = SiteURL.keyAsWritten(path) {
                asWritten += 1
                #expect(key == byNames, "\(path.debugDescription)")
            }
        }
        // Both kinds were met.
        #expect(asWritten > 1_000 && asWritten < 19_000)
        #expect(SiteURL.keyAsWritten("/docs/install/") == "/docs/install")
        #expect(SiteURL.keyAsWritten("/docs/index.html") == nil && SiteURL.keyAsWritten("/a//b") == nil)
        #expect(SiteURL.keyAsWritten("/") == nil && SiteURL.keyAsWritten("docs/a") == nil)
        #expect(SiteURL.keyAsWritten("/2019/05/15/a.html") == "/2019/05/15/a")
    }
}
