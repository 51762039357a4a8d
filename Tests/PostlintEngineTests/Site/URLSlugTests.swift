import Testing
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

    @Test func slugs() {
        #expect(URLSlug.hugo("Garden Tools & Soil!") == "garden-tools--soil")
        #expect(URLSlug.slugify("First Post: Rust 1.0!") == "first-post-rust-1-0")
        #expect(URLSlug.slugify("--") == "")
    }
}
