import Testing
import PostlintCore
@testable import PostlintEngine

/// A worker's memo of route answers: the same answers as the site's resolver, each asked of it
/// once per post and path, and nothing of one post's answers given for another's links.
@Suite struct WorkerRouteMemoTests {
    /// A resolver that counts its questions and answers with the asking post in the answer.
    private final class CountingResolver: RouteResolving, Sendable {
        let questions = Locked(0)

        func resolve(_ path: String, from documentPath: String) -> RouteResolution {
            questions.withLock { $0 += 1 }
            return path.hasPrefix("/missing") ? .missing(route: path) : .post(path: documentPath + "→" + path)
        }

        func unservedSource(_ file: String, linkedFrom documentPath: String) -> String? { "/page-of/" + file }
        var fileLinksIgnoreLetterCase: Bool { true }
        var definitionTermIDs: Bool { true }
        func includedPageCandidates(_ argument: String, from documentPath: String) -> [String] { [argument + ".md"] }
        var tabbedContentHeadings: Bool { true }
    }

    @Test func asksTheResolverOncePerPostAndPath() {
        let base = CountingResolver()
        let memo = WorkerRouteMemo(base: base)
        #expect(memo.resolve("/a/", from: "one.md") == .post(path: "one.md→/a/"))
        #expect(memo.resolve("/a/", from: "one.md") == .post(path: "one.md→/a/"))
        #expect(memo.resolve("/missing/", from: "one.md") == .missing(route: "/missing/"))
        #expect(memo.resolve("/missing/", from: "one.md") == .missing(route: "/missing/"))
        #expect(base.questions.withLock { $0 } == 2)
        // Another post's link to the same path is its own question, with its own answer.
        #expect(memo.resolve("/a/", from: "two.md") == .post(path: "two.md→/a/"))
        #expect(memo.resolve("/a/", from: "one.md") == .post(path: "one.md→/a/"))
        #expect(base.questions.withLock { $0 } == 4)
    }

    /// Every other question goes to the resolver: none falls back to the protocol's defaults.
    @Test func passesEveryOtherQuestionOn() {
        let memo = WorkerRouteMemo(base: CountingResolver())
        #expect(memo.unservedSource("a.md", linkedFrom: "one.md") == "/page-of/a.md")
        #expect(memo.fileLinksIgnoreLetterCase)
        #expect(memo.definitionTermIDs)
        #expect(memo.includedPageCandidates("part", from: "one.md") == ["part.md"])
        #expect(memo.tabbedContentHeadings)
    }
}
