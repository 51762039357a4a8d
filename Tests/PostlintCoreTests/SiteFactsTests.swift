import Testing
@testable import PostlintCore

/// The compact store of site facts, read back through `SiteFacts`.
@Suite struct SiteFactsTests {
    @Test func factsComeBackAsTheyWereGivenInOrder() {
        let location = SourceLocation(line: 3, column: 7)
        let given = [
            SiteFact(path: "a.md", key: "title", value: "Green tea", start: location, end: location),
            SiteFact(path: "a.md", key: "slug", value: "green-tea", start: location, end: SourceLocation(line: 3, column: 16)),
            SiteFact(
                path: "b/c.md", key: "title", value: "Thé vert — ☕", start: SourceLocation(line: 1, column: 1), end: location),
            SiteFact(path: "b/c.md", key: "title", value: "", start: location, end: location),
            SiteFact(path: "a.md", key: "link", value: "/b/c/", start: location, end: location),
        ]
        let facts = SiteFacts(given)
        #expect(facts.count == given.count)
        #expect(Array(facts) == given)
        #expect(facts.indices.map(facts.key(at:)) == given.map(\.key))
        #expect(facts.indices.map(facts.value(at:)) == given.map(\.value))
        #expect(facts.indices.map(facts.path(at:)) == given.map(\.path))
        #expect(facts.samePath(0, 1))
        #expect(facts.samePath(0, 4))
        #expect(!facts.samePath(1, 2))
        #expect(facts.withValueBytes(at: 2) { Array($0) } == Array("Thé vert — ☕".utf8))
    }

    /// Lines and columns are stored in as few bytes as they need: large ones, up to the largest a
    /// location holds, come back whole.
    @Test func largeLocationsAndManyKindsOfFactRoundTrip() {
        var given: [SiteFact] = []
        let numbers = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, Int(UInt32.max)]
        for (index, number) in numbers.enumerated() {
            given.append(
                SiteFact(
                    path: "p\(index % 3).md", key: "k\(index)", value: String(repeating: "v", count: index * 50),
                    start: SourceLocation(line: number, column: numbers[numbers.count - 1 - index]),
                    end: SourceLocation(line: number, column: number)))
        }
        // More kinds of fact than one byte could number.
        for index in 0..<300 {
            given.append(
                SiteFact(
                    path: "many.md", key: "key-\(index)", value: "\(index)",
                    start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 2)))
        }
        #expect(Array(SiteFacts(given)) == given)
    }

    @Test func aStoreReadsPathsFromTheTableItIsGiven() {
        let paths = PathTable(["first.md", "second.md", "third.md"])
        var store = SiteFactStore()
        let origin = SourceLocation(line: 1, column: 1)
        store.append(SiteFact(path: "third.md", key: "slug", value: "x", start: origin, end: origin), path: 2)
        store.append(SiteFact(path: "first.md", key: "slug", value: "x", start: origin, end: origin), path: 0)
        store.reserveCapacity(facts: 10, bytes: 100)
        store.append(SiteFact(path: "first.md", key: "title", value: "T", start: origin, end: origin), path: 0)
        let facts = SiteFacts(store, paths: paths)
        #expect(facts.map(\.path) == ["third.md", "first.md", "first.md"])
        #expect(facts.map(\.key) == ["slug", "slug", "title"])
        #expect(store.byteCount > 0)
    }

    /// What keeps a large site's facts small: a fact with the usual small line and column numbers
    /// costs its value's bytes and five more in the arena (beside its 8-byte record), whatever
    /// its path; the path is the table's.
    @Test func aTypicalFactCostsItsValueAndFiveBytes() {
        var store = SiteFactStore()
        let value = "response-pattern-release-2743"
        for post in 0..<1_000 {
            store.append(
                SiteFact(
                    path: "content/posts/section-\(post / 100)/post-\(post).md", key: "slug", value: value,
                    start: SourceLocation(line: 3, column: 7), end: SourceLocation(line: 3, column: 38)),
                path: post)
        }
        #expect(store.count == 1_000)
        #expect(store.byteCount == 1_000 * (value.utf8.count + 5))
    }
}
