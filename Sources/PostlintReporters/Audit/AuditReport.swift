import PostlintCore

/// A site's SEO audit: per post a score from the checks it passes, the site's average, the
/// worst posts and each check's pass rate. Built by the engine, rendered by the audit reporters.
public struct AuditReport: Sendable {
    /// One check (a rule) across the site.
    public struct Check: Sendable, Equatable {
        public var id: String
        public var summary: String
        /// The severity it runs at, which sets its weight.
        public var severity: Severity
        public var weight: Int
        /// Posts that passed it, of the posts it ran on.
        public var passed: Int
        public var total: Int

        public init(id: String, summary: String, severity: Severity, weight: Int, passed: Int, total: Int) {
            self.id = id
            self.summary = summary
            self.severity = severity
            self.weight = weight
            self.passed = passed
            self.total = total
        }

        /// The share of posts that passed, 0 to 100 (100 when it ran on none).
        public var passRate: Double { total == 0 ? 100 : Double(passed) * 100 / Double(total) }
    }

    /// A check a post failed, with the findings that failed it.
    public struct FailedCheck: Sendable, Equatable {
        public var id: String
        public var weight: Int
        public var findings: [Finding]

        public init(id: String, weight: Int, findings: [Finding]) {
            self.id = id
            self.weight = weight
            self.findings = findings
        }
    }

    /// One post's result.
    public struct Post: Sendable, Equatable {
        public var path: String
        public var title: String?
        /// 0 to 100: the weight of the checks passed over the weight of the checks run.
        public var score: Int
        public var checksPassed: Int
        public var checksRun: Int
        public var failed: [FailedCheck]

        public init(path: String, title: String?, score: Int, checksPassed: Int, checksRun: Int, failed: [FailedCheck]) {
            self.path = path
            self.title = title
            self.score = score
            self.checksPassed = checksPassed
            self.checksRun = checksRun
            self.failed = failed
        }
    }

    /// Posts in path order.
    public var posts: [Post]
    /// Checks in the order they are listed (registration order).
    public var checks: [Check]
    /// Findings about the site rather than one post (image files no post uses).
    public var siteFindings: [Finding]
    /// Files that could not be read.
    public var problems: [String]
    public var toolVersion: String

    public init(
        posts: [Post], checks: [Check], siteFindings: [Finding] = [], problems: [String] = [],
        toolVersion: String = ""
    ) {
        self.posts = posts
        self.checks = checks
        self.siteFindings = siteFindings
        self.problems = problems
        self.toolVersion = toolVersion
    }

    /// The mean score of the posts (0 when there are none).
    public var averageScore: Double {
        posts.isEmpty ? 0 : Double(posts.reduce(0) { $0 + $1.score }) / Double(posts.count)
    }

    /// The `count` lowest-scoring posts, lowest first (ties in path order); only posts below 100.
    public func worstPosts(_ count: Int = 5) -> [Post] {
        Array(
            posts.enumerated().filter { $0.element.score < 100 }
                .sorted { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }
                .prefix(max(0, count)).map(\.element))
    }

    /// How many posts scored in each tenth: `[0, 10)`, `[10, 20)`, … `[90, 100]`.
    public var distribution: [Int] {
        var buckets = Array(repeating: 0, count: 10)
        for post in posts { buckets[min(9, max(0, post.score / 10))] += 1 }
        return buckets
    }

    /// The weight of a check of this severity: error 3, warning 2, info 1.
    public static func weight(of severity: Severity) -> Int {
        switch severity {
        case .error: return 3
        case .warning: return 2
        case .info: return 1
        }
    }
}
