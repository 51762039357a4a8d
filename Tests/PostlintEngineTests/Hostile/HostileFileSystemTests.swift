import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// Files that vanish, names that are not UTF-8, and listings in any order: each is reported or
/// linted, the rest of the run is unharmed, and the results do not depend on the order.
@Suite struct HostileFileSystemTests {
    static let clean =
        "---\ntitle: Brewing tea\nslug: brewing-tea\nexcerpt: A short guide to brewing tea at the right temperature, with steeping times.\nkeywords: [tea]\n---\nTea is simple.\n"
    static let badSlug =
        "---\ntitle: Bad\nslug: Bad Slug\nexcerpt: A post with a slug that is not fit for a URL, so slug-format reports it.\nkeywords: [bad]\n---\nBad.\n"

    /// A name in the folder whose file is gone (a dangling link: the walk finds the entry, the file
    /// behind it cannot be opened): it is not linted, the run is unharmed, the other posts linted.
    @Test func aNameWhoseFileIsGoneIsNotLintedAndHarmsNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.md", Self.badSlug)
        #expect(symlink(folder.path + "/deleted-target.md", folder.path + "/gone.md") == 0)
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.files == ["ok.md"])
        #expect(outcome.findings.contains { $0.path == "ok.md" && $0.ruleID == "slug-format" })
        #expect(outcome.problems.allSatisfy { $0.path == "gone.md" })
    }

    /// Files deleted while a run reads them: whatever the timing, each post is either linted or
    /// reported, never both, never lost, and the posts nobody deletes are all linted.
    @Test func filesDeletedDuringARunAreLintedOrReportedNeverLost() throws {
        let folder = try TemporaryFolder()
        for index in 0..<300 { try folder.write("posts/p\(index).md", Self.badSlug) }
        let deleter = Thread {
            for index in stride(from: 1, to: 300, by: 2) { unlink(folder.path + "/posts/p\(index).md") }
        }
        deleter.start()
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        let linted = Set(outcome.files)
        let reported = Set(outcome.problems.compactMap(\.path))
        #expect(linted.isDisjoint(with: reported))
        for index in stride(from: 0, to: 300, by: 2) { #expect(linted.contains("posts/p\(index).md")) }
        for path in linted { #expect(outcome.findings.contains { $0.path == path && $0.ruleID == "slug-format" }) }
    }

    /// A file name that is not UTF-8 (Latin-1 `é`, a lone 0xFF): the run goes on and the other
    /// posts are linted; the odd one is linted or reported, not dropped silently.
    @Test func fileNamesThatAreNotUTF8() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.md", Self.badSlug)
        for raw: [UInt8] in [[0x63, 0x61, 0x66, 0xE9], [0xFF, 0xFE]] {
            let name =
                folder.path.utf8CString.dropLast().map { UInt8(bitPattern: $0) } + Array("/".utf8) + raw + Array(".md".utf8)
            let descriptor = name.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { buffer -> Int32 in
                var terminated = Array(buffer)
                terminated.append(0)
                return open(terminated, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
            #expect(descriptor >= 0)
            let bytes = Array(Self.badSlug.utf8)
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.files.contains("ok.md"))
        #expect(outcome.findings.contains { $0.path == "ok.md" && $0.ruleID == "slug-format" })
        // Three posts on disk: each is either linted or named in a problem.
        #expect(outcome.files.count + outcome.problems.count == 3, "\(outcome.files) \(outcome.problems)")
    }

    /// The same posts created in opposite orders (so the folder lists them differently) give the
    /// same findings in the same order.
    @Test func resultsDoNotDependOnTheOrderFilesAreFound() throws {
        func lint(order: [Int]) throws -> [String] {
            let folder = try TemporaryFolder()
            for index in order {
                try folder.write("d\(index % 5)/post-\(index).md", index % 3 == 0 ? Self.badSlug : Self.clean)
            }
            try folder.write("d1/dup.md", Self.clean)
            let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["d4", "d0", ".", "d2"])
            return outcome.findings.map { "\($0.path):\($0.start.line):\($0.start.column):\($0.ruleID):\($0.message)" }
        }
        let forward = try lint(order: Array(0..<40))
        let backward = try lint(order: Array((0..<40).reversed()))
        let shuffled = try lint(order: [
            7, 3, 39, 0, 22, 15, 1, 30, 8, 11, 2, 38, 4, 17, 5, 26, 6, 9, 10, 12, 13, 14,
            16, 18, 19, 20, 21, 23, 24, 25, 27, 28, 29, 31, 32, 33, 34, 35, 36, 37,
        ])
        #expect(forward.count > 10)
        #expect(forward == backward)
        #expect(forward == shuffled)
    }
}
