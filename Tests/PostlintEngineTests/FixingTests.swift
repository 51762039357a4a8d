import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct FixingTests {
    @Test func appliesNonOverlappingEditsBackToFront() {
        let bytes = Array("abcdef".utf8)
        let fixes = [
            Fix(title: "one", edits: [TextEdit(range: 0..<1, replacement: "A")]),
            Fix(title: "overlap", edits: [TextEdit(range: 0..<2, replacement: "zz")]),
            Fix(title: "two", edits: [TextEdit(range: 4..<6, replacement: "EF!")]),
        ]
        let (result, applied) = FixApplier.apply(fixes, to: bytes)
        #expect(String(decoding: result, as: UTF8.self) == "AbcdEF!")
        #expect(applied == 2)
    }

    @Test func ignoresEditsOutsideTheText() {
        let (result, applied) = FixApplier.apply(
            [Fix(title: "bad", edits: [TextEdit(range: 3..<9, replacement: "")])],
            to: Array("abc".utf8))
        #expect(result == Array("abc".utf8))
        #expect(applied == 0)
    }

    @Test func atomicWriteKeepsPermissions() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.md", "old\n")
        chmod(path, 0o640)
        try AtomicWriter.replace(path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        #expect(try folder.read("a.md") == Array("new\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["a.md"])
    }

    @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.md", "changed meanwhile\n")
        #expect(throws: PostlintError.self) {
            try AtomicWriter.replace(path, with: Array("fixed\n".utf8), expecting: Array("as read\n".utf8))
        }
        #expect(try folder.read("a.md") == Array("changed meanwhile\n".utf8))
    }

    @Test func aReadOnlyFileIsReportedAndUntouched() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.md", "old\n")
        chmod(path, 0o444)
        #expect(throws: PostlintError.self) {
            try AtomicWriter.replace(path, with: Array("new\n".utf8), expecting: nil)
        }
        #expect(try folder.read("a.md") == Array("old\n".utf8))
    }

    @Test func unifiedDiffShowsChangedLinesWithContext() {
        let old = Array("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n".utf8)
        let new = Array("one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\n".utf8)
        let diff = UnifiedDiff.make(old: old, new: new, path: "p.md")
        #expect(
            diff == """
                --- a/p.md
                +++ b/p.md
                @@ -1,7 +1,7 @@
                 one
                 two
                 three
                -four
                +FOUR
                 five
                 six
                 seven

                """)
        #expect(UnifiedDiff.make(old: old, new: old, path: "p.md").isEmpty)
    }

    @Test func unifiedDiffOfAHugeChangeStaysBounded() {
        let old = Array(String(repeating: "line\n", count: 50_000).utf8)
        let new = Array(String(repeating: "line\r\n", count: 50_000).utf8)
        let diff = UnifiedDiff.make(old: old, new: new, path: "p.md")
        #expect(diff.hasPrefix("--- a/p.md\n+++ b/p.md\n@@ -1,50000 +1,50000 @@\n"))
    }
}
