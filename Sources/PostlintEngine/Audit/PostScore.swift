import PostlintCore
import PostlintReporters

/// Scores one post from the checks that ran on it and the findings it got: a post passes a
/// check when that rule reported nothing for it. Each check weighs by its severity (error 3,
/// warning 2, info 1); the score is the passed weight over the total weight, 0 to 100, rounded
/// down so that only a post that passes everything scores 100.
enum PostScore {
    static func post(
        path: String, title: String?, checks: [(id: String, severity: Severity)],
        findings: [Finding]
    ) -> AuditReport.Post {
        var byRule: [String: [Finding]] = [:]
        for finding in findings { byRule[finding.ruleID, default: []].append(finding) }
        var total = 0
        var passedWeight = 0
        var passed = 0
        var failed: [AuditReport.FailedCheck] = []
        for check in checks {
            let weight = AuditReport.weight(of: check.severity)
            total += weight
            if let found = byRule[check.id], !found.isEmpty {
                failed.append(
                    AuditReport.FailedCheck(id: check.id, weight: weight, findings: found.sorted(by: Finding.reportOrder)))
            } else {
                passed += 1
                passedWeight += weight
            }
        }
        let score = total == 0 ? 100 : passedWeight * 100 / total
        return AuditReport.Post(
            path: path, title: title, score: score, checksPassed: passed, checksRun: checks.count,
            failed: failed)
    }
}
