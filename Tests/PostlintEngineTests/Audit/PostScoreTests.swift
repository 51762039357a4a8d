import Testing
import PostlintCore
import PostlintReporters
@testable import PostlintEngine

@Suite struct PostScoreTests {
    private func finding(_ rule: String, line: Int) -> Finding {
        Finding(
            path: "a.md", start: SourceLocation(line: line, column: 1), end: SourceLocation(line: line, column: 2),
            ruleID: rule, severity: .warning, message: "m")
    }

    @Test func errorsWeighThreeWarningsTwoInfosOne() {
        let checks: [(id: String, severity: Severity)] = [("e", .error), ("w", .warning), ("i", .info)]
        #expect(PostScore.post(path: "a.md", title: nil, checks: checks, findings: []).score == 100)
        #expect(PostScore.post(path: "a.md", title: nil, checks: checks, findings: [finding("e", line: 1)]).score == 50)
        #expect(PostScore.post(path: "a.md", title: nil, checks: checks, findings: [finding("i", line: 1)]).score == 83)
        let all = PostScore.post(
            path: "a.md", title: nil, checks: checks,
            findings: [finding("e", line: 1), finding("w", line: 2), finding("i", line: 3)])
        #expect(all.score == 0)
        #expect(all.checksPassed == 0 && all.checksRun == 3)
    }

    @Test func findingsOfRulesThatAreNotChecksAreIgnoredAndFindingsAreGroupedInOrder() {
        let post = PostScore.post(
            path: "a.md", title: "T", checks: [("w", .warning)],
            findings: [finding("w", line: 9), finding("other", line: 1), finding("w", line: 2)])
        #expect(post.failed.map(\.id) == ["w"])
        #expect(post.failed[0].findings.map(\.start.line) == [2, 9])
        #expect(post.score == 0)
    }

    @Test func aPostWithNoChecksScoresFull() {
        #expect(PostScore.post(path: "a.md", title: nil, checks: [], findings: []).score == 100)
    }
}
