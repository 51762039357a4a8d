import Testing

@testable import PostlintEngine

@Suite struct RawDiffTests {
    @Test func readsChangesRenamesAndPathsWithAnyBytes() {
        let zero = String(repeating: "0", count: 40)
        let old = String(repeating: "a", count: 40)
        let new = String(repeating: "b", count: 40)
        let text =
            ":100644 100644 \(old) \(new) M\u{0}posts/a post.md\u{0}"
            + ":100644 100644 \(old) \(new) R087\u{0}posts/old.md\u{0}posts/new\nline.md\u{0}"
            + ":000000 100644 \(zero) \(new) A\u{0}images/cover.png\u{0}"
            + ":100644 120000 \(old) \(new) T\u{0}posts/link.md\u{0}"
            + ":160000 160000 \(old) \(new) M\u{0}themes/theme\u{0}"
        let records = RawDiff.records(Array(text.utf8))
        #expect(
            records.map(\.path) == ["posts/a post.md", "posts/new\nline.md", "images/cover.png", "posts/link.md", "themes/theme"])
        #expect(records.map(\.status) == ["M", "R", "A", "T", "M"])
        #expect(records[1].oldPath == "posts/old.md")
        #expect(records.map { $0.newBlob?.id } == [new, new, new, nil, nil])
        #expect(records.map { $0.oldBlob?.id } == [old, old, nil, old, nil])
        // A record cut short (no path) is left out, not read past the end.
        #expect(RawDiff.records(Array(":100644 100644 \(old) \(new) M\u{0}".utf8)).isEmpty)
        #expect(RawDiff.records(Array(":100644 100644 \(old) \(new) R100\u{0}only-one\u{0}".utf8)).isEmpty)
    }
}
