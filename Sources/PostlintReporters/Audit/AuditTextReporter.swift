import PostlintCore

/// The audit as text for a terminal: a table of posts (score, checks passed, path), the worst
/// posts with their failed checks, each check's pass rate, and site-wide findings.
public struct AuditTextReporter: Sendable {
    /// How many of the lowest-scoring posts to list with their failed checks.
    public var worstCount: Int

    public init(worstCount: Int = 5) {
        self.worstCount = worstCount
    }

    public func render(_ report: AuditReport) -> String {
        var output = ""
        let postWord = report.posts.count == 1 ? "post" : "posts"
        output +=
            "SEO audit: \(report.posts.count) \(postWord), average score "
            + "\(AuditNumbers.oneDecimal(report.averageScore)) / 100\n\n"
        guard !report.posts.isEmpty else {
            output += "No posts to audit.\n"
            return output
        }
        output += "Score  Checks  Post\n"
        for post in report.posts {
            output +=
                pad(String(post.score), 5) + "  " + pad("\(post.checksPassed)/\(post.checksRun)", 6) + "  "
                + TerminalText.sanitized(post.path) + "\n"
        }
        let worst = report.worstPosts(worstCount)
        if !worst.isEmpty {
            output += "\nWorst posts\n"
            for post in worst {
                output += pad(String(post.score), 5) + "  " + TerminalText.sanitized(post.path) + "\n"
                for check in post.failed {
                    var seen: Set<Int> = []
                    let lines = check.findings.map(\.start.line).filter { seen.insert($0).inserted }.map(String.init)
                    let at = lines.isEmpty ? "" : " (line\(lines.count == 1 ? "" : "s") \(lines.joined(separator: ", ")))"
                    let message = check.findings.first.map { ": " + TerminalText.sanitized($0.message) } ?? ""
                    output += "       - \(TerminalText.sanitized(check.id))\(at)\(message)\n"
                }
            }
        }
        if !report.checks.isEmpty {
            output += "\nCheck pass rates\n"
            let width = max(5, report.checks.map { $0.id.count }.max() ?? 5)
            output += pad("Check", width, left: true) + "  Weight  Pass rate  Passed\n"
            for check in report.checks {
                output +=
                    pad(TerminalText.sanitized(check.id), width, left: true) + "  "
                    + pad(String(check.weight), 6) + "  " + pad(AuditNumbers.whole(check.passRate) + " %", 9) + "  "
                    + "\(check.passed)/\(check.total)\n"
            }
        }
        if !report.siteFindings.isEmpty {
            output += "\nSite\n"
            for finding in report.siteFindings {
                output += "  " + TerminalText.sanitized(finding.message) + " [" + TerminalText.sanitized(finding.ruleID) + "]\n"
            }
        }
        for problem in report.problems {
            output += "\nnot audited: " + TerminalText.sanitized(problem) + "\n"
        }
        return output
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + padding : padding + text
    }
}
