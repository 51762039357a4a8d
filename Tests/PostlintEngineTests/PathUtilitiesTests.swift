import Testing
import PostlintTestSupport
@testable import PostlintEngine

@Suite struct PathUtilitiesTests {
    /// A path `isNormal` accepts is returned as it is, and that is what taking it apart segment
    /// by segment gives; for any path, `normalize` gives what the segments give.
    @Test func aPathTakenAsNormalIsWhatItsSegmentsGive() {
        let pieces = ["/", "/", "a", "b.md", ".", "..", "...", ".hidden", "é", ""]
        var random = SeededRandom(seed: 17)
        var normal = 0
        for _ in 0..<20_000 {
            let path = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let bySegments = PathUtilities.normalizedBySegments(path)
            #expect(PathUtilities.normalize(path) == bySegments, "\(path.debugDescription)")
            if PathUtilities.isNormal(path) {
                normal += 1
                #expect(bySegments == path, "\(path.debugDescription)")
            }
        }
        // Both kinds were met.
        #expect(normal > 1_000 && normal < 19_000)
        #expect(PathUtilities.isNormal("/site/docs/a.md") && PathUtilities.isNormal("/") && PathUtilities.isNormal("a/.../b"))
        #expect(!PathUtilities.isNormal("a/./b") && !PathUtilities.isNormal("a//b") && !PathUtilities.isNormal("a/"))
        #expect(!PathUtilities.isNormal("/..") && !PathUtilities.isNormal(".") && !PathUtilities.isNormal(""))
    }
}
