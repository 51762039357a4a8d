import Testing
@testable import PostlintRulePacks

/// The step budget of a user pattern is shared by all the values one rule checks in one post.
@Suite struct PatternBudgetPerPostTests {
    @Test func aStopExhaustsTheSharedBudget() throws {
        let pattern = try CompiledPattern("(a+)+$", ignoreCase: false, stepBudget: 200_000)
        let value = String(repeating: "a", count: 60) + "!"
        var budget = pattern.makeBudget()
        #expect(pattern.firstMatch(in: "aaaa", budget: &budget) == .matched("aaaa"))
        #expect(!budget.isExhausted)
        #expect(pattern.firstMatch(in: value, budget: &budget) == .stopped)
        #expect(budget.isExhausted)
        // Nothing is left for the post's next value, however easy.
        #expect(pattern.firstMatch(in: "aaaa", budget: &budget) == .stopped)
    }

    @Test func positionsAreSharedAcrossValues() throws {
        let pattern = try CompiledPattern("needle", ignoreCase: false)
        let hay = String(repeating: "x", count: 8_000)
        var budget = pattern.makeBudget()
        #expect(pattern.firstMatch(in: hay, budget: &budget) == .notMatched)
        #expect(pattern.firstMatch(in: hay, budget: &budget) == .notMatched)
        #expect(budget.positions < CompiledPattern.maximumScannedLength - 15_000)
        // The third value goes past the positions paid for the whole post.
        #expect(pattern.firstMatch(in: hay, budget: &budget) == .stopped)
        // Each value alone is well within a budget of its own.
        #expect(pattern.firstMatch(in: hay) == .notMatched)
    }
}
