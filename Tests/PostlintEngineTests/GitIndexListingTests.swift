import Testing

@testable import PostlintEngine

/// The index as `git ls-files --stage -z` lists it, read into the ids `--staged` trusts facts by.
@Suite struct GitIndexListingTests {
    @Test func objectNamesOfEitherHashAreReadAndAnythingElseIsNot() {
        let sha1 = "0123456789abcdef0123456789abcdef01234567"
        let sha256 = String(repeating: "fedcba9876543210", count: 4)
        let id = GitBlobID(hexadecimal: Array(sha1.utf8))
        #expect(id?.digest == ContentDigest(high: 0x0123_4567_89ab_cdef, low: 0x0123_4567_89ab_cdef))
        #expect(GitBlobID(hexadecimal: Array(sha256.utf8))?.digest.high == 0xfedc_ba98_7654_3210)
        // Names that differ after their first 32 digits are told apart no further, as a digest is not.
        #expect(GitBlobID(hexadecimal: Array((sha1.dropLast() + "8").utf8)) == id)
        for broken in ["", "0123", String(sha1.dropLast(9)), sha1.uppercased(), sha1 + "g", "z" + sha1.dropFirst()] {
            #expect(GitBlobID(hexadecimal: Array(broken.utf8)) == nil, "\(broken)")
        }
    }

    @Test func regularFilesHaveIdsAndLinksSubmodulesAndConflictsHaveNone() {
        let one = "1111111111111111111111111111111111111111"
        let two = "2222222222222222222222222222222222222222"
        let records = [
            "100644 \(one) 0\tposts/a post.md",
            "100755 \(two) 0\tscripts/run.md",
            "120000 \(one) 0\tposts/link.md",
            "160000 \(two) 0\tthemes/theme",
            "100644 \(one) 1\tposts/conflict.md",
            "100644 \(two) 2\tposts/conflict.md",
            "100644 \(one) 3\tposts/conflict.md",
            "100644 \(two) 0\tposts/tab\there.md",
            "no tab in this record",
        ]
        let listing = Array(records.joined(separator: "\u{0}").utf8) + [0]
        let blobs = GitChanges.indexedBlobs(ofListing: listing, root: "/site")
        func id(_ path: String) -> GitBlobID?? { blobs[PathKey("/site/" + path)] }
        #expect(blobs.count == 6)
        #expect(id("posts/a post.md") == .some(GitBlobID(hexadecimal: Array(one.utf8))))
        #expect(id("scripts/run.md") == .some(GitBlobID(hexadecimal: Array(two.utf8))))
        #expect(id("posts/tab\there.md") == .some(GitBlobID(hexadecimal: Array(two.utf8))))
        // In the index, without an id facts could be trusted by.
        for path in ["posts/link.md", "themes/theme", "posts/conflict.md"] {
            #expect(id(path) == .some(nil), "\(path)")
        }
        #expect(id("posts/missing.md") == nil)
    }
}
