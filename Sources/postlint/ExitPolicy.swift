import PostlintEngine

/// The exit code policy: 0 clean, 1 errors or too many warnings, 2 when a file could not be read.
enum ExitPolicy {
    static func code(for outcome: LintOutcome, maxWarnings: Int?) -> Int32 {
        if !outcome.problems.isEmpty { return 2 }
        let findings = outcome.findings
        if findings.indices.contains(where: { findings.severity(at: $0) == .error }) { return 1 }
        if let maxWarnings, findings.count(of: .warning) > maxWarnings { return 1 }
        return 0
    }
}
