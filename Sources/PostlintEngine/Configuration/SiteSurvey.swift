#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore
import PostlintParsing

/// What `postlint init` learns from a site before writing its configuration: which front matter
/// fields its posts use (so the canonical fields map onto the site's own names), and roughly
/// which generator builds it.
public struct SiteSurvey: Sendable {
    /// How many posts were read, and how many of them have front matter that parsed as a mapping.
    public private(set) var postCount = 0
    public private(set) var postsWithFrontMatter = 0
    /// For each top-level field name: how many posts give it a value (not empty, not null).
    public private(set) var fieldCounts: [String: Int] = [:]
    /// The generator, and the file that says so; nil when none is recognised.
    public private(set) var generator: (name: String, evidence: String)?

    /// The site's names a canonical field may go by, most usual first.
    public static let candidates: [(canonical: String, names: [String])] = [
        ("title", ["title", "name", "linkTitle"]),
        ("slug", ["slug"]),
        ("excerpt", ["excerpt", "description", "summary", "meta_description", "abstract", "subtitle"]),
        ("keywords", ["keywords", "tags", "categories", "topics"]),
    ]

    /// The share of posts at or above which a field is required of every post: nine in ten, so
    /// that a field only some posts use (a `summary` on a third of them) is mapped but not
    /// required, and the first run does not report every other post for a convention.
    public static let requiredShare = 0.9

    /// One canonical field's outcome.
    public struct Inference: Sendable, Equatable {
        public var canonical: String
        /// The site's name for it (the canonical name when the posts use that), or nil when
        /// no post uses any of its names.
        public var field: String?
        /// How many posts have it.
        public var count: Int
        /// Whether `required-fields` should ask for it.
        public var isRequired: Bool
    }

    public init() {}

    /// Surveys the posts below `folder` (as `check` would find them, ignore files honoured) and
    /// the generator's files in it.
    public static func of(folder: String) -> SiteSurvey {
        var survey = SiteSurvey()
        var discovery = FileDiscovery(workingDirectory: folder)
        discovery.add(".")
        for candidate in discovery.candidates {
            guard case .success(let bytes) = candidate.read() else { continue }
            survey.add(DocumentLoader.load(path: candidate.displayPath, bytes: bytes, parts: [.frontMatter]))
        }
        survey.generator = GeneratorGuess.guess(in: folder)
        return survey
    }

    /// Counts one post's fields.
    public mutating func add(_ document: Document) {
        postCount += 1
        guard let root = document.frontMatter?.root, case .mapping(let entries) = root.value else { return }
        postsWithFrontMatter += 1
        var seen: Set<String> = []
        for entry in entries where seen.insert(entry.key).inserted && Self.hasValue(entry.value) {
            fieldCounts[entry.key, default: 0] += 1
        }
    }

    private static func hasValue(_ node: FrontMatterNode) -> Bool {
        if let items = node.items { return !items.isEmpty }
        if let text = node.scalarText { return !text.isEmpty && text != "null" && text != "~" }
        return true
    }

    /// For each canonical field, the site's most used name for it and whether most posts have it.
    public func inferences() -> [Inference] {
        Self.candidates.map { canonical, names in
            // The most used name; on a tie, the one listed first.
            var best: (String, Int)?
            for name in names {
                let count = fieldCounts[name] ?? 0
                if count > (best?.1 ?? 0) { best = (name, count) }
            }
            guard let best else {
                return Inference(canonical: canonical, field: nil, count: 0, isRequired: postsWithFrontMatter == 0)
            }
            let share = Double(best.1) / Double(max(1, postsWithFrontMatter))
            return Inference(canonical: canonical, field: best.0, count: best.1, isRequired: share >= Self.requiredShare)
        }
    }
}
