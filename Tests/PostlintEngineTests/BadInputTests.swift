import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The bad inputs the rule engine promises to survive, each with the behaviour we promise.
@Suite struct BadInputTests {
    private func findings(_ name: String, _ bytes: [UInt8]) throws -> [Finding] {
        let folder = try TemporaryFolder()
        try folder.write(name, bytes: bytes)
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.problems.isEmpty)
        #expect(outcome.files == [name])
        return Array(outcome.findings)
    }

    private func rules(_ text: String) throws -> Set<String> {
        Set(try findings("post.md", Array(text.utf8)).map(\.ruleID))
    }

    @Test func emptyFile() throws {
        #expect(try rules("") == ["front-matter-missing"])
    }

    @Test func onlyFrontMatter() throws {
        let result = try rules("---\ntitle: Only front matter\nslug: only\nexcerpt: x\nkeywords: [k]\n---")
        #expect(result.contains("excerpt-length"))
        #expect(!result.contains("front-matter-syntax"))
    }

    @Test func frontMatterNeverClosed() throws {
        let all = try findings("post.md", Array("---\ntitle: open\n\nBody\n".utf8))
        #expect(all.map(\.ruleID) == ["front-matter-syntax"])
        #expect(all.first?.start == SourceLocation(line: 1, column: 1))
    }

    @Test func tabsInYAMLArePositioned() throws {
        let all = try findings("post.md", Array("---\ntitle: x\nkeywords:\n\t- a\n---\n".utf8))
        let syntax = try #require(all.first { $0.ruleID == "front-matter-syntax" })
        #expect(syntax.start.line == 4)
    }

    @Test func duplicateKeysAreAWarningAtMost() throws {
        let all = try findings("post.md", Array("---\ntitle: a\ntitle: b\n---\n".utf8))
        let duplicate = try #require(all.first { $0.ruleID == "duplicate-key" })
        #expect(duplicate.severity == .warning)
        #expect(!all.contains { $0.ruleID == "front-matter-syntax" })
    }

    @Test func aliasBombAndDeepNestingEndFastWithADiagnostic() throws {
        var bomb = "---\na: &a [x,x,x,x,x,x,x,x,x,x]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h", "i"][index - 1]
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }
        bomb += "---\n"
        #expect(try rules(bomb).contains("front-matter-syntax"))
        let deep = "---\nx: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n---\n"
        #expect(try rules(deep).contains("front-matter-syntax"))
        let deepMaps =
            "---\n" + String(repeating: "{a: ", count: 50_000) + "1" + String(repeating: "}", count: 50_000) + "\n---\n"
        #expect(try rules(deepMaps).contains("front-matter-syntax"))
    }

    @Test func fiveMegabytesOfFrontMatter() throws {
        var text =
            "---\ntitle: Big\nslug: big\nexcerpt: A post with an enormous block of front matter, to check size limits.\nkeywords: [big]\n"
        var index = 0
        while text.utf8.count < 5_000_000 {
            text += "extra\(index): \"filler value number \(index) for a very large front matter block\"\n"
            index += 1
        }
        text += "---\nA big post.\n"
        let result = try rules(text)
        #expect(!result.contains("front-matter-syntax"))
    }

    @Test func crlfAndByteOrderMarkKeepPositions() throws {
        let text =
            "\u{FEFF}---\r\ntitle: CRLF\r\nslug: Bad Slug\r\nexcerpt: A post with Windows line endings and a byte order mark before its front matter.\r\nkeywords: [crlf]\r\n---\r\nCRLF body.\r\n"
        let all = try findings("post.md", Array(text.utf8))
        let slug = try #require(all.first { $0.ruleID == "slug-format" })
        #expect(slug.start == SourceLocation(line: 3, column: 7))
        #expect(!all.contains { $0.ruleID == "front-matter-missing" })
    }

    @Test func invalidUTF8DoesNotStopTheFrontMatterRules() throws {
        var bytes = Array("---\ntitle: caf".utf8)
        bytes += [0xE9]
        bytes += Array("\nslug: Not Valid\n---\n".utf8)
        let all = try findings("post.md", bytes)
        #expect(all.contains { $0.ruleID == "slug-format" && $0.start.line == 3 })
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try findings("noise.md", bytes)
            _ = try findings("noise.md", Array("---\n".utf8) + bytes + Array("\n---\n".utf8))
        }
    }

    @Test func nulBytes() throws {
        let all = try findings("post.md", Array("---\ntitle: a\u{0}b\n---\nbody\u{0}\n".utf8))
        #expect(all.contains { $0.ruleID == "front-matter-syntax" })
    }
}
