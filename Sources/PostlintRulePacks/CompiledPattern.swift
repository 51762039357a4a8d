import Foundation

/// A user's regular expression, compiled once, matched within a step budget.
///
/// A pattern with nested quantifiers such as `(a+)+$` backtracks exponentially on a value that
/// almost matches. The matcher (ICU's, through `NSRegularExpression`) reports progress each time it
/// moves to the next start position and every 10,000 steps within one attempt. The values one rule
/// checks in one post share a `Budget`: one report per start position (up to
/// `maximumScannedLength` in all) plus `stepBudget` steps in all; past that the match is abandoned
/// and the caller told so. The budget counts the matcher's own reports, not seconds, so the outcome
/// is the same on every machine and at every load, and a post with many values costs no more than
/// a post with one.
struct CompiledPattern: Sendable {
    // NSRegularExpression is immutable after construction and Foundation declares it Sendable.
    private let regex: NSRegularExpression

    /// The matcher's steps between two progress reports within one attempt (ICU's fixed tick).
    static let stepsPerReport = 10_000
    /// Steps allowed beyond one per start position: far above what a sound pattern needs on a front
    /// matter value, and about a tenth of a second of matching.
    static let defaultStepBudget = 2_000_000
    /// Start positions paid for: a longer value (no front matter field is this long) is scanned
    /// this far within the budget and then reported as stopped.
    static let maximumScannedLength = 20_000

    let stepBudget: Int

    enum Outcome: Equatable {
        case matched(String)
        case notMatched
        /// The matcher gave up without an answer: the budget ran out.
        case stopped
    }

    init(_ pattern: String, ignoreCase: Bool, stepBudget: Int = CompiledPattern.defaultStepBudget) throws {
        regex = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        self.stepBudget = stepBudget
    }

    /// What is left of the matcher reports one rule may use on one post.
    struct Budget: Equatable {
        /// Reports paid as start positions, over all the values.
        var positions: Int
        /// Reports paid as steps within attempts, over all the values.
        var stepReports: Int

        /// Once a match has been stopped, nothing is left for steps and no other value is tried.
        var isExhausted: Bool { stepReports <= 0 }
    }

    /// A fresh budget for one post.
    func makeBudget() -> Budget {
        Budget(positions: Self.maximumScannedLength, stepReports: max(1, stepBudget / Self.stepsPerReport))
    }

    /// The first match in `text` with a budget of its own.
    func firstMatch(in text: String) -> Outcome {
        var budget = makeBudget()
        return firstMatch(in: text, budget: &budget)
    }

    /// The first match in `text`, no match, or a stop when `budget` (shared with the post's other
    /// values) ran out. The reports used are taken from it, as start positions first.
    func firstMatch(in text: String, budget: inout Budget) -> Outcome {
        guard !budget.isExhausted else { return .stopped }
        let length = text.utf16.count
        let positionAllowance = min(length, budget.positions)
        let allowedReports = positionAllowance + budget.stepReports
        var reports = 0
        defer {
            let asPositions = min(reports, positionAllowance)
            budget.positions -= asPositions
            budget.stepReports -= min(reports - asPositions, budget.stepReports)
            if reports >= allowedReports { budget.stepReports = 0 }
        }
        var found: NSRange?
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        regex.enumerateMatches(in: text, options: [.reportProgress], range: whole) { result, _, stop in
            if let result {
                found = result.range
                stop.pointee = true
                return
            }
            reports += 1
            if reports >= allowedReports { stop.pointee = true }
        }
        if let found {
            guard let range = Range(found, in: text) else { return .matched("") }
            return .matched(String(text[range]))
        }
        return reports >= allowedReports ? .stopped : .notMatched
    }
}
