import PostlintEngine

/// The exit code policy: 0 clean, 1 errors or too many warnings, 2 when a file could not be read.
enum ExitPolicy {
    static func code(for outcome: LintOutcome, maxWarnings: Int?) -> Int32 {
        if !outcome.problems.isEmpty { return 2 }
        if outcome.findings.contains(where: { $0.severity == .error }) { return 1 }
        if let maxWarnings, outcome.findings.filter({ $0.severity == .warning }).count > maxWarnings { return 1 }
        return 0
    }
}
