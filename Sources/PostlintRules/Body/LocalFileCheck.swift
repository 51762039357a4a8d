import PostlintCore

/// Resolves a local path the way a static site serves it and looks it up through the rule
/// context's file system view: relative paths against the post's folder, root-relative ones
/// (`/images/a.png`) against each site root. Paths are compared lexically (`.` and `..` folded),
/// and every name the destination spells is compared with the folder's entries exactly, so a
/// letter-case difference is found on case-insensitive file systems too.
struct LocalFileCheck {
    enum Outcome: Equatable {
        /// The file or folder exists, spelled exactly.
        case found(path: String, kind: FileKind)
        /// Nothing there.
        case missing(path: String)
        /// It exists only with other letter case: `actual` is the name on disk.
        case letterCase(path: String, written: String, actual: String)
        /// The path climbs out of every site root.
        case outsideRoots
        /// A root-relative path with no site root to resolve it against.
        case unresolvable
    }

    let documentPath: String
    let context: RuleContext
    /// The site roots and the post's folder as names, split once per post rather than per look-up.
    private let roots: [PathParts]
    private let documentFolder: PathParts

    init(documentPath: String, context: RuleContext) {
        self.documentPath = documentPath
        self.context = context
        roots = context.siteRoots.map(Self.components)
        documentFolder = Self.components(of: Self.folder(of: documentPath))
    }

    /// Looks up `path` (decoded, without query or fragment).
    func check(_ path: String) -> Outcome {
        if path.utf8.contains(0) { return .missing(path: path) }
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
            // Roots bound where a path may climb to, for posts inside them: a post kept
            // outside every root is not held to them.
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
        let path = joined.string
        // The names the destination spells: those after the part it shares with the base. Each is
        // looked for in its folder's listing (read once per run), which also says what the last
        // one is, so a found image costs no `stat` and leaves nothing behind in a cache.
        var shared = 0
        while shared < min(joined.names.count, base.names.count), joined.names[shared] == base.names[shared],
              joined.absolute == base.absolute {
            shared += 1
        }
        var known: FileKind?
        // The folder holding each name, grown one name a step rather than joined anew.
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
            // Not in its folder in any letter case: missing.
            return .missing(path: path)
        }
        let kind = known ?? context.fileSystem.kind(of: path)
        return kind == .missing ? .missing(path: path) : .found(path: path, kind: kind)
    }

    /// `parent` (as `PathParts.string` spells it) with `name` below it.
    static func appending(_ name: String, to parent: String) -> String {
        if parent == "." { return name }
        if parent == "/" { return "/" + name }
        return parent + "/" + name
    }

    /// A path as its names, `.` dropped and `..` folded where it can be.
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
        forEachName(in: path) { name in
            if name == "." { return }
            if name == "..", let last = parts.names.last, last != ".." {
                parts.names.removeLast()
            } else if name == "..", parts.absolute {
                return
            } else {
                parts.names.append(String(name))
            }
        }
        return parts
    }

    /// `path` joined to `base`; nil when it climbs above the base of a root-relative path or
    /// above the file system's root.
    static func join(_ base: PathParts, _ path: String, rootRelative: Bool) -> PathParts? {
        var parts = base
        var depth = 0
        var climbedOut = false
        forEachName(in: path) { name in
            if climbedOut || name == "." { return }
            if name == ".." {
                if rootRelative, depth == 0 { climbedOut = true; return }
                depth -= 1
                if let last = parts.names.last, last != ".." {
                    parts.names.removeLast()
                } else if parts.absolute {
                    climbedOut = true
                } else {
                    parts.names.append("..")
                }
            } else {
                depth += 1
                parts.names.append(String(name))
            }
        }
        return climbedOut ? nil : parts
    }

    /// Calls `body` with each non-empty name between slashes, found byte by byte.
    private static func forEachName(in path: String, _ body: (Substring) -> Void) {
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x2F {
                if start != index { body(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != index { body(path[start..<index]) }
    }

    /// The folder holding `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }
}
