import Testing
import PostlintParsing
import PostlintTestSupport
@testable import PostlintEngine

/// The route table reads a post's front matter from the lines up to its closing fence only.
@Suite struct SitePostTests {
    /// Texts made of fences (real and near), line breaks of every kind, fields, a byte order mark,
    /// non-ASCII and invalid bytes: the front matter read from the prefix is the one read from
    /// the whole text, and the prefix is taken often enough to be tested.
    @Test func frontMatterFromThePrefixIsTheWholeTextsFrontMatter() {
        let pieces: [[UInt8]] = [
            Array("---".utf8), Array("+++".utf8), Array("...".utf8), Array("--- x".utf8), Array("---  ".utf8),
            Array("-- -".utf8), [0x0A], [0x0A], [0x0A], [0x0D, 0x0A], [0x0D], Array("title: a".utf8),
            Array("title = \"b\"".utf8), Array("slug: c".utf8), Array("  - d".utf8), Array("aliases: [/e]".utf8),
            Array("é".utf8), [0xFF], Array("body text".utf8),
        ]
        var random = SeededRandom(seed: 7)
        var fromPrefix = 0
        for round in 0..<20_000 {
            var bytes: [UInt8] = round % 5 == 0 ? [0xEF, 0xBB, 0xBF] : []
            bytes += pieces[Int(random.next() % 5)]
            bytes += [0x0A]
            for _ in 0..<Int(random.next() % 12) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let whole = SitePost.frontMatter(ofWholeText: bytes)
            #expect(
                String(describing: SitePost.frontMatter(of: bytes)) == String(describing: whole),
                "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if let end = FrontMatterSplitter.probableEnd(of: bytes), end < bytes.count { fromPrefix += 1 }
        }
        #expect(fromPrefix > 1_000)
    }

    @Test func probableEnds() {
        #expect(FrontMatterSplitter.probableEnd(of: Array("---\ntitle: a\n---\nbody\n".utf8)) == 17)
        #expect(FrontMatterSplitter.probableEnd(of: Array("+++\na = 1\n+++\r\nbody".utf8)) == 15)
        #expect(FrontMatterSplitter.probableEnd(of: Array("---\na: 1\n...\n".utf8)) == 13)
        #expect(FrontMatterSplitter.probableEnd(of: Array("+++\na = 1\n...\n".utf8)) == nil)
        #expect(FrontMatterSplitter.probableEnd(of: Array("# Title\n---\n".utf8)) == nil)
        #expect(FrontMatterSplitter.probableEnd(of: Array("---\na: 1\n---".utf8)) == nil)
        #expect(FrontMatterSplitter.probableEnd(of: [0xEF, 0xBB, 0xBF] + Array("---\n---\n".utf8)) == 11)
    }
}
