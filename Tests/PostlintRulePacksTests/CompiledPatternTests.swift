import Testing
@testable import PostlintRulePacks

@Suite struct CompiledPatternTests {
    @Test func matchesAndMisses() throws {
        let pattern = try CompiledPattern("[a-z]+-[0-9]+", ignoreCase: false)
        #expect(pattern.firstMatch(in: "see post-42 and post-7") == .matched("post-42"))
        #expect(pattern.firstMatch(in: "POST-42") == .notMatched)
        let ignoringCase = try CompiledPattern("[a-z]+-[0-9]+", ignoreCase: true)
        #expect(ignoringCase.firstMatch(in: "POST-42") == .matched("POST-42"))
    }

    @Test func matchesAfterAstralCharactersKeepTheirText() throws {
        let pattern = try CompiledPattern("caf.", ignoreCase: false)
        #expect(pattern.firstMatch(in: "🎉🎉 café") == .matched("café"))
    }

    /// `(a+)+$` on a run of `a` followed by another character backtracks exponentially: the match is
    /// stopped by its step budget, with the same count every time.
    @Test func catastrophicBacktrackingIsStoppedByTheStepBudget() throws {
        let pattern = try CompiledPattern("(a+)+$", ignoreCase: false, stepBudget: 200_000)
        let value = String(repeating: "a", count: 60) + "!"
        #expect(pattern.firstMatch(in: value) == .stopped)
        #expect(pattern.firstMatch(in: value) == .stopped)
        // The same pattern on a value it matches quickly is answered normally.
        #expect(pattern.firstMatch(in: "aaaa") == .matched("aaaa"))
    }

    /// A sound pattern over a long value stays far inside the default budget.
    @Test func aLinearScanOfALongValueIsNotStopped() throws {
        let pattern = try CompiledPattern("\\bneedle\\b", ignoreCase: true)
        let value = String(repeating: "hay stack ", count: 1_900) + "Needle"
        #expect(pattern.firstMatch(in: value) == .matched("Needle"))
        #expect(pattern.firstMatch(in: String(repeating: "hay stack ", count: 1_900)) == .notMatched)
    }

    /// Past the scanned length a value that needs one attempt per position is stopped, not scanned
    /// without end; a match found before that is still answered.
    @Test func aValueBeyondTheScannedLengthIsStoppedUnlessItMatchesEarly() throws {
        let pattern = try CompiledPattern("needle", ignoreCase: false)
        let long = String(repeating: "x", count: CompiledPattern.maximumScannedLength + 300_000)
        #expect(pattern.firstMatch(in: long) == .stopped)
        #expect(pattern.firstMatch(in: "needle" + long) == .matched("needle"))
    }

    @Test func anInvalidPatternThrows() {
        #expect(throws: (any Error).self) { try CompiledPattern("(unclosed", ignoreCase: false) }
    }
}
