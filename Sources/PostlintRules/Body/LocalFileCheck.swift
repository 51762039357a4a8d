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

    /// Looks up `path` (decoded, without query or fragment).
    func check(_ path: String) -> Outcome {
        if path.utf8.contains(0) { return .missing(path: path) }
        let rootRelative = path.hasPrefix("/")
        let bases = rootRelative ? context.siteRoots : [Self.folder(of: documentPath)]
        guard !bases.isEmpty else { return .unresolvable }
        let roots = context.siteRoots.map(Self.components)
        var best: Outcome?
        var climbedOut = 0
        for base in bases {
            let baseParts = Self.components(of: base)
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
        let kind = context.fileSystem.kind(of: path)
        // The names the destination spells: those after the part it shares with the base.
        var shared = 0
        while shared < min(joined.names.count, base.names.count), joined.names[shared] == base.names[shared],
              joined.absolute == base.absolute {
            shared += 1
        }
        for index in max(shared, 0)..<joined.names.count {
            let name = joined.names[index]
            if name == ".." { continue }
            let parent = PathParts(absolute: joined.absolute, names: Array(joined.names[..<index])).string
            guard let listing = context.fileSystem.listing(of: parent) else { break }
            if listing.contains(name) { continue }
            if let actual = listing.name(matchingIgnoringCase: name) {
                return .letterCase(path: path, written: name, actual: actual)
            }
            break
        }
        return kind == .missing ? .missing(path: path) : .found(path: path, kind: kind)
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
        var parts = PathParts(absolute: path.hasPrefix("/"), names: [])
        for name in path.split(separator: "/", omittingEmptySubsequences: true) {
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

    /// `path` joined to `base`; nil when it climbs above the base of a root-relative path or
    /// above the file system's root.
    static func join(_ base: PathParts, _ path: String, rootRelative: Bool) -> PathParts? {
        var parts = base
        var depth = 0
        for name in path.split(separator: "/", omittingEmptySubsequences: true) {
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

    /// The folder holding `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }
}
