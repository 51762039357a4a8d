import Testing
import PostlintTestSupport
@testable import PostlintEngine

/// Dates in file names and front matter, and the slug functions, on ordinary and hostile text.
@Suite struct URLSlugTests {
    @Test func datePrefixesAndDates() {
        let dated = URLSlug.datePrefix(of: "2020-01-31-título")
        #expect(dated?.year == "2020")
        #expect(dated?.month == "01")
        #expect(dated?.day == "31")
        #expect(dated?.rest == "título")
        #expect(URLSlug.datePrefix(of: "2020-01-31_a")?.rest == "a")
        #expect(URLSlug.datePrefix(of: "2020-01-3x-a") == nil)
        #expect(URLSlug.datePrefix(of: "2020-01-31") == nil)
        #expect(URLSlug.datePrefix(of: "2020-01-é1-a") == nil)
        #expect(URLSlug.date(of: " 2024-03-09T10:00:00Z")?.day == "09")
        #expect(URLSlug.date(of: "March 9") == nil)
        #expect(URLSlug.date(of: "") == nil)
    }

    /// Hugo's slug of an ASCII text made a byte at a time is the one made a character at a time,
    /// for every ASCII byte (CR LF, one character, included); other text is left to the latter.
    @Test func hugoSlugOfASCIIByBytes() {
        var random = SeededRandom(seed: 41)
        for _ in 0..<5_000 {
            let bytes = (0..<Int(random.next() % 12)).map { _ in UInt8(random.next() % 128) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(URLSlug.hugoASCII(text) == URLSlug.hugoByCharacters(text), "\(text.debugDescription)")
        }
        #expect(URLSlug.hugoASCII("A\r\nB c_D/") == "ab-c_d/")
        #expect(URLSlug.hugoASCII("Café") == nil)
        #expect(URLSlug.hugo("Café Über") == "café-über")
    }

    @Test func slugs() {
        #expect(URLSlug.hugo("Garden Tools & Soil!") == "garden-tools--soil")
        #expect(URLSlug.slugify("First Post: Rust 1.0!") == "first-post-rust-1-0")
        #expect(URLSlug.slugify("--") == "")
    }
}
