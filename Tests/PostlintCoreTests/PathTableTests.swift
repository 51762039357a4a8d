import Testing
@testable import PostlintCore

/// The table a run keeps every post's path in, as bytes.
@Suite struct PathTableTests {
    @Test func aPathTableGivesBackEachPathByIndex() {
        var table = PathTable()
        let added = [
            table.append("a.md"), table.append(folder: "posts/2024", name: "thé-vert.md"), table.append(""),
            table.append(folder: "", name: "b.md"),
        ]
        #expect(added == [true, true, true, true])
        #expect(Array(table) == ["a.md", "posts/2024/thé-vert.md", "", "b.md"])
        #expect(table.path(at: 1, equals: "posts/2024/thé-vert.md"))
        #expect(!table.path(at: 1, equals: "posts/2024/the-vert.md"))
        #expect(table.path(at: 2, equals: ""))
        #expect(table.utf8Precedes(0, 3))
        #expect(!table.utf8Precedes(3, 0))
        #expect(table.utf8Precedes(2, 0))
        #expect(table == PathTable(["a.md", "posts/2024/thé-vert.md", "", "b.md"]))
    }

    @Test func equalPathsAtTwoIndicesAreTheSamePath() {
        let table = PathTable(["a.md", "b.md", "a.md", "a.mdx"])
        #expect(table.pathsEqual(0, 2))
        #expect(table.pathsEqual(1, 1))
        #expect(!table.pathsEqual(0, 1))
        #expect(!table.pathsEqual(0, 3))
    }

    @Test func gentleGrowthLeavesLittleSpareRoomInALargeArray() {
        var numbers: [UInt32] = []
        for index in 0..<100_000 {
            numbers.reserveGently(forAdding: 1)
            numbers.append(UInt32(index))
        }
        #expect(numbers.count == 100_000)
        // An eighth to spare, plus what malloc rounds a large block up to (a page: 1,024 of these).
        #expect(numbers.capacity < 100_000 + 100_000 / 8 + 1_024)
    }
}
