import Foundation

/// A user's regular expression, compiled once, matched within a step budget.
///
/// A pattern with nested quantifiers such as `(a+)+$` backtracks exponentially on a value that
/// almost matches. The matcher (ICU's, through `NSRegularExpression`) reports progress each time it
/// moves to the next start position and every 10,000 steps within one attempt. A value may use one
/// report per start position (up to `maximumScannedLength`) plus `stepBudget` steps; past that the
/// match is abandoned and the caller told so. The budget counts the matcher's own reports, not
/// seconds, so the outcome is the same on every machine and at every load.
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after construction and documented as safe to share
    // between threads; the box only tells the compiler so.
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

    /// The first match in `text`, no match, or a stop when the budget ran out.
    func firstMatch(in text: String) -> Outcome {
        let length = text.utf16.count
        let allowedReports = min(length, Self.maximumScannedLength) + max(1, stepBudget / Self.stepsPerReport)
        var reports = 0
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
