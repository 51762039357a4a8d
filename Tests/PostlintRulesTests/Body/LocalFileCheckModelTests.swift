import Testing
import PostlintCore
@testable import PostlintRules

/// `LocalFileCheck` is written for speed (paths as bytes, listings remembered per post); this
/// compares it with the plain lexical model it replaced, over seeded file systems, post paths, site
/// roots and destinations made of awkward names (letter case, `..`, `.`, empty names, the same
/// accented letter composed and decomposed, NUL).
@Suite struct LocalFileCheckModelTests {
    @Test func agreesWithTheLexicalModel() {
        var random = SeededGenerator(seed: 0x5EED_1A6E)
        var reached: Set<String> = []
        for _ in 0..<400 {
            let drawn = Self.files(&random)
            // A case-insensitive disk cannot hold two names that differ only in letter case in one
            // folder: on such a draw the in-memory disk's answers would depend on hash order (which
            // listing it gives for `A` when `A` and `a` both exist), so it stays case-sensitive.
            let caseInsensitive = random.chance(1, in: 3) && !Self.hasNamesDifferingOnlyInCase(Array(drawn.keys))
            let files = MemoryFileSystem(drawn, caseInsensitive: caseInsensitive)
            let documentPath = Self.path(&random, names: 0...3, absolute: random.chance(1, in: 4)) + "/post.md"
            let siteRoots = (0..<random.below(4)).map { _ in
                Self.path(&random, names: 0...2, absolute: random.chance(1, in: 2))
            }
            let context = RuleContext(fileSystem: files, siteRoots: siteRoots)
            var check = LocalFileCheck(documentPath: documentPath, context: context)
            let model = LexicalModel(documentPath: documentPath, context: context)
            for _ in 0..<12 {
                var path = Self.path(&random, names: 1...4, absolute: random.chance(1, in: 3))
                if random.chance(1, in: 40) { path += "\0" }
                let expected = model.check(path)
                let actual = check.check(path)
                #expect(actual == expected, "post \(documentPath), roots \(siteRoots), path \(path)")
                reached.insert(Self.name(of: expected))
            }
        }
        #expect(
            reached == ["file", "folder", "missing", "letter case", "outside", "unresolvable"],
            "the cases reach every outcome")
    }

    /// Cases random ones seldom reach: names equal as strings but spelled with other bytes (a
    /// composed and a decomposed accent, the Kelvin sign and `K`), and a post path whose last slash
    /// carries a combining mark (so it is not a `/` character).
    @Test(arguments: [
        ("cafe\u{301}/post.md", ["Caf\u{E9}/x.png"], [String](), "../caf\u{E9}/x.png"),
        ("\u{212A}/post.md", ["K/x.png"], ["K"], "../y.png"),
        ("\u{212A}/post.md", ["K/x.png"], ["K"], "x.png"),
        ("a/\u{301}post.md", ["a/x.png", "x.png"], [String](), "x.png"),
        ("a/b\u{301}/post.md", ["a/b\u{301}/x.png"], ["/site"], "/x.png"),
    ])
    func agreesWithTheLexicalModelOn(documentPath: String, files: [String], siteRoots: [String], path: String) {
        for caseInsensitive in [false, true] {
            let files = MemoryFileSystem(
                Dictionary(uniqueKeysWithValues: files.map { ($0, "") }),
                caseInsensitive: caseInsensitive)
            let context = RuleContext(fileSystem: files, siteRoots: siteRoots)
            var check = LocalFileCheck(documentPath: documentPath, context: context)
            let expected = LexicalModel(documentPath: documentPath, context: context).check(path)
            #expect(check.check(path) == expected, "case-insensitive: \(caseInsensitive)")
        }
    }

    /// A post whose images sit in more folders than the per-post memo holds, asked about each
    /// folder again after the memo has started over.
    @Test func agreesWithTheLexicalModelPastTheMemosCapacity() {
        let folders = (0..<(3 * FolderListingMemo.capacity)).map { "f\($0)" }
        var files: [String: String] = [:]
        for folder in folders { files["content/img/\(folder)/a.png"] = "" }
        let context = RuleContext(fileSystem: MemoryFileSystem(files), siteRoots: ["/site"])
        var check = LocalFileCheck(documentPath: "content/post.md", context: context)
        let model = LexicalModel(documentPath: "content/post.md", context: context)
        for round in 1...2 {
            for folder in folders {
                for path in ["img/\(folder)/a.png", "img/\(folder)/A.png", "img/\(folder)/b.png", "img/\(folder)"] {
                    #expect(check.check(path) == model.check(path), "round \(round): \(path)")
                }
            }
        }
    }

    /// Whether two of the paths, or of the folders they imply, are the same ignoring letter case
    /// but spelled differently.
    static func hasNamesDifferingOnlyInCase(_ paths: [String]) -> Bool {
        var spellings: [String: String] = [:]
        for path in paths {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for count in 1...parts.count {
                let prefix = parts[0..<count].joined(separator: "/")
                let key = prefix.lowercased()
                if let seen = spellings[key], seen != prefix { return true }
                spellings[key] = prefix
            }
        }
        return false
    }

    static func name(of outcome: LocalFileCheck.Outcome) -> String {
        switch outcome {
        case .found(_, let kind): kind == .directory ? "folder" : "file"
        case .missing: "missing"
        case .letterCase: "letter case"
        case .outsideRoots: "outside"
        case .unresolvable: "unresolvable"
        }
    }

    /// Names that make lexical path handling go wrong when it is careless.
    static let names = [
        "a", "A", "b", "img", "Img", "x.png", "X.png", "caf\u{E9}", "cafe\u{301}", "\u{301}b",
        "..", ".", "",
    ]
    /// Names that files and folders have on the model's disk.
    static let diskNames = ["a", "A", "b", "img", "Img", "x.png", "X.png", "caf\u{E9}", "post.md"]

    static func path(_ random: inout SeededGenerator, names range: ClosedRange<Int>, absolute: Bool) -> String {
        let count = range.lowerBound + random.below(range.count)
        let joined = (0..<count).map { _ in names[random.below(names.count)] }.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    static func files(_ random: inout SeededGenerator) -> [String: String] {
        var files: [String: String] = [:]
        for _ in 0..<(3 + random.below(10)) {
            let depth = 1 + random.below(4)
            let joined = (0..<depth).map { _ in diskNames[random.below(diskNames.count)] }.joined(separator: "/")
            files[random.chance(1, in: 4) ? "/" + joined : joined] = ""
        }
        return files
    }
}

/// A 64-bit linear congruential generator: the same seed gives the same cases on every run.
struct SeededGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func chance(_ count: Int, in total: Int) -> Bool {
        below(total) < count
    }
}

/// The lexical model of `LocalFileCheck`: paths as arrays of names, every listing asked of the file
/// system view. Slow, and plainly right by construction; kept as the reference the fast one is
/// compared with.
private struct LexicalModel {
    typealias Outcome = LocalFileCheck.Outcome

    let context: RuleContext
    private let roots: [PathParts]
    private let documentFolder: PathParts

    init(documentPath: String, context: RuleContext) {
        self.context = context
        roots = context.siteRoots.map(Self.components)
        documentFolder = Self.components(of: Self.folder(of: documentPath))
    }

    func check(_ path: String) -> Outcome {
        if path.utf8.contains(0) { return .missing(path: ResolvedPath(path)) }
        let rootRelative = path.utf8.first == 0x2F
        let bases = rootRelative ? roots : [documentFolder]
        guard !bases.isEmpty else { return .unresolvable }
        var best: Outcome?
        var climbedOut = 0
        for baseParts in bases {
            guard let joined = Self.join(baseParts, path, rootRelative: rootRelative) else {
                climbedOut += 1
                continue
            }
            let comparable = roots.filter { $0.absolute == joined.absolute }
            let baseIsInside = rootRelative || comparable.contains { baseParts.hasPrefix($0) }
            if baseIsInside {
                if !comparable.isEmpty, !comparable.contains(where: { joined.hasPrefix($0) }) {
                    climbedOut += 1
                    continue
                }
            }
            let outcome = lookUp(joined, base: baseParts)
            switch outcome {
            case .found: return outcome
            case .letterCase: best = outcome
            default: if best == nil { best = outcome }
            }
        }
        if let best { return best }
        return climbedOut > 0 ? .outsideRoots : .unresolvable
    }

    private func lookUp(_ joined: PathParts, base: PathParts) -> Outcome {
        let path = ResolvedPath(joined.string)
        var shared = 0
        while shared < min(joined.names.count, base.names.count), joined.names[shared] == base.names[shared],
            joined.absolute == base.absolute
        {
            shared += 1
        }
        var known: FileKind?
        var parent = PathParts(absolute: joined.absolute, names: Array(joined.names[..<shared])).string
        for index in shared..<joined.names.count {
            let name = joined.names[index]
            defer { parent = Self.appending(name, to: parent) }
            if name == ".." { continue }
            guard let listing = context.fileSystem.listing(of: parent) else { break }
            if listing.contains(name) {
                if index == joined.names.count - 1 { known = listing.kind(of: name) }
                continue
            }
            if let actual = listing.name(matchingIgnoringCase: name) {
                return .letterCase(path: path, written: name, actual: actual)
            }
            return .missing(path: path)
        }
        let kind = known ?? context.fileSystem.kind(of: joined.string)
        return kind == .missing ? .missing(path: path) : .found(path: path, kind: kind)
    }

    static func appending(_ name: String, to parent: String) -> String {
        if parent == "." { return name }
        if parent == "/" { return "/" + name }
        return parent + "/" + name
    }

    struct PathParts: Equatable {
        var absolute: Bool
        var names: [String]

        var string: String {
            let joined = names.joined(separator: "/")
            if absolute { return "/" + joined }
            return joined.isEmpty ? "." : joined
        }

        func hasPrefix(_ other: PathParts) -> Bool {
            absolute == other.absolute && names.count >= other.names.count
                && zip(names, other.names).allSatisfy { $0 == $1 }
        }
    }

    static func components(of path: String) -> PathParts {
        var parts = PathParts(absolute: path.utf8.first == 0x2F, names: [])
        for name in names(in: path) {
            if name == "." { continue }
            if name == "..", let last = parts.names.last, last != ".." {
                parts.names.removeLast()
            } else if name == "..", parts.absolute {
                continue
            } else {
                parts.names.append(String(name))
            }
        }
        return parts
    }

    static func join(_ base: PathParts, _ path: String, rootRelative: Bool) -> PathParts? {
        var parts = base
        var depth = 0
        for name in names(in: path) {
            if name == "." { continue }
            if name == ".." {
                if rootRelative, depth == 0 { return nil }
                depth -= 1
                if let last = parts.names.last, last != ".." {
                    parts.names.removeLast()
                } else if parts.absolute {
                    return nil
                } else {
                    parts.names.append("..")
                }
            } else {
                depth += 1
                parts.names.append(String(name))
            }
        }
        return parts
    }

    /// The non-empty names between slashes, split at the slash bytes.
    static func names(in path: String) -> [String] {
        path.utf8.split(separator: 0x2F).map { String(decoding: $0, as: UTF8.self) }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }
}
