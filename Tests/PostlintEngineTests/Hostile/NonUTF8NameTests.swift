import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// Files and folders whose names are not UTF-8 are walked and linted like any other, and shown
/// with the bytes that are not UTF-8 escaped (`caf\xE9.md`).
@Suite struct NonUTF8NameTests {
    private static func cPath(_ parts: [[UInt8]]) -> [CChar] {
        parts.joined().map { CChar(bitPattern: $0) } + [0]
    }

    private static func create(_ folder: TemporaryFolder, _ relative: [UInt8], _ text: String) {
        let path = cPath([Array(folder.path.utf8), Array("/".utf8), relative])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    @Test func namesThatAreNotUTF8AreLintedAndShownEscaped() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.md", HostileFileSystemTests.clean)
        Self.create(folder, [0x63, 0x61, 0x66, 0xE9] + Array(".md".utf8), HostileFileSystemTests.badSlug)
        Self.create(folder, [0xFF, 0xFE] + Array(".md".utf8), HostileFileSystemTests.clean)
        #expect(mkdir(Self.cPath([Array(folder.path.utf8), Array("/d".utf8), [0xE9]]), 0o755) == 0)
        Self.create(folder, Array("d".utf8) + [0xE9] + Array("/post.md".utf8), HostileFileSystemTests.badSlug)
        let outcome = try Linter(workingDirectory: folder.path).lint(paths: ["."])
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(Set(outcome.files) == ["ok.md", "caf\\xE9.md", "\\xFF\\xFE.md", "d\\xE9/post.md"])
        let slugs = outcome.findings.filter { $0.ruleID == "slug-format" }.map(\.path)
        #expect(Set(slugs) == ["caf\\xE9.md", "d\\xE9/post.md"])
    }

    @Test func theBytesRoundTrip() {
        let raw: [UInt8] = [0x61, 0xE9, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x80, 0xF0, 0x9F, 0x8D, 0xB5]
        let name = FileNameBytes.string(raw)
        #expect(FileNameBytes.shown(name) == "a\\xE9é\\xFF\\xED\\xA0\\x80🍵")
        let back = FileNameBytes.withCString(name) { pointer in
            Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
        }
        #expect(back == raw)
        #expect(FileNameBytes.string(Array("plain.md".utf8)) == "plain.md")
        #expect(!FileNameBytes.hasRawBytes("café.md"))
    }

    /// A kept byte is told from its UTF-8 form's lead byte first: every other scalar with the
    /// same lead byte (the last plane's), before the kept bytes' block or in it, is told apart.
    @Test func keptBytesAreToldFromEveryOtherScalar() {
        for value: UInt32 in [0x10_0000, 0x10_8F7F, 0x10_FEFF, 0x10_FF7F, 0x10_FF80, 0x10_FFBF, 0x10_FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let path = "posts/a" + String(Character(scalar)) + ".md"
            #expect(FileNameBytes.hasRawBytes(path) == (value >= 0x10_FF80), "U+\(String(value, radix: 16))")
        }
        #expect(FileNameBytes.hasRawBytes(FileNameBytes.string([0x61, 0xF4, 0x90])))
        #expect(!FileNameBytes.hasRawBytes("🍵/plain.md"))
    }
}
