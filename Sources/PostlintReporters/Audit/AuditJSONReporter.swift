import PostlintCore
import PostlintJSON

/// The audit as JSON, members in a fixed order: `tool`, `summary` (posts, average score, score
/// distribution by tenths), `posts` (each with its score and failed checks with their findings),
/// `worst` (paths, lowest score first), `checks` (pass rates) and `site` (site-wide findings).
public struct AuditJSONReporter: Sendable {
    public var worstCount: Int
    public var layout: JSONValue.Layout

    public init(worstCount: Int = 5, layout: JSONValue.Layout = .pretty) {
        self.worstCount = worstCount
        self.layout = layout
    }

    public func render(_ report: AuditReport) -> String {
        value(of: report).serialized(layout) + "\n"
    }

    public func value(of report: AuditReport) -> JSONValue {
        .object([
            ("tool", .object([("name", .string("postlint")), ("version", .string(report.toolVersion))])),
            (
                "summary",
                .object([
                    ("posts", .number(String(report.posts.count))),
                    ("averageScore", .number(AuditNumbers.oneDecimal(report.averageScore))),
                    ("distribution", .array(report.distribution.map { .number(String($0)) })),
                ])
            ),
            ("posts", .array(report.posts.map(post))),
            ("worst", .array(report.worstPosts(worstCount).map { .string($0.path) })),
            ("checks", .array(report.checks.map(check))),
            ("site", .array(report.siteFindings.map(finding))),
            ("problems", .array(report.problems.map { .string($0) })),
        ])
    }

    private func post(_ post: AuditReport.Post) -> JSONValue {
        .object([
            ("path", .string(post.path)),
            ("title", post.title.map { .string($0) } ?? .null),
            ("score", .number(String(post.score))),
            ("checksPassed", .number(String(post.checksPassed))),
            ("checksRun", .number(String(post.checksRun))),
            (
                "failed",
                .array(
                    post.failed.map { failed in
                        .object([
                            ("rule", .string(failed.id)),
                            ("weight", .number(String(failed.weight))),
                            ("findings", .array(failed.findings.map(finding))),
                        ])
                    })
            ),
        ])
    }

    private func check(_ check: AuditReport.Check) -> JSONValue {
        .object([
            ("id", .string(check.id)),
            ("summary", .string(check.summary)),
            ("severity", .string(check.severity.rawValue)),
            ("weight", .number(String(check.weight))),
            ("passed", .number(String(check.passed))),
            ("total", .number(String(check.total))),
            ("passRate", .number(AuditNumbers.oneDecimal(check.passRate))),
        ])
    }

    private func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("path", .string(finding.path)),
            ("line", .number(String(finding.start.line))),
            ("column", .number(String(finding.start.column))),
            ("endLine", .number(String(finding.end.line))),
            ("endColumn", .number(String(finding.end.column))),
            ("rule", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
        ])
    }
}
