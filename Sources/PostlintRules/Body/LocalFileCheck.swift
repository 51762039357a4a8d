import PostlintCore

/// Resolves a local path the way a static site serves it and looks it up through the rule
/// context's file system view: relative paths against the post's folder, root-relative ones
/// (`/images/a.png`) against each site root. Paths are compared lexically (`.` and `..` folded),
/// and every name the destination spells is compared with the folder's entries exactly, so a
/// letter-case difference is found on case-insensitive file systems too.
///
/// One is made per post and rule, and it runs for every image and link, so it is built for that:
/// paths are UTF-8 bytes (`SpelledPath`) in buffers kept from one check to the next, the post's
/// folder is spelled once, the site roots only when a path needs them, and the folder listings a
/// post's paths go through are remembered for the post (`FolderListingMemo`), so the shared file
/// system view is asked once per folder per post rather than once per name of every path.
struct LocalFileCheck {
    enum Outcome: Equatable {
        /// The file or folder exists, spelled exactly.
        case found(path: ResolvedPath, kind: FileKind)
        /// Nothing there.
        case missing(path: ResolvedPath)
        /// It exists only with other letter case: `actual` is the name on disk.
        case letterCase(path: ResolvedPath, written: String, actual: String)
        /// The path climbs out of every site root.
        case outsideRoots
        /// A root-relative path with no site root to resolve it against.
        case unresolvable
    }

    private let fileSystem: any FileSystemView
    private let siteRoots: [String]
    /// Whether a name that differs from the one on disk only in letter case reaches it (the
    /// site's generator finds files so): the look-up goes on with the name on disk.
    private let ignoresLetterCase: Bool
    /// The post's folder, spelled.
    private let documentFolder: [UInt8]
    /// The site roots, spelled; nil until a root-relative path needs them.
    private var roots: [[UInt8]]?
    /// The roots that bound where a relative path may climb to (see `boundingRoots()`); nil until
    /// first needed.
    private var bounds: [[UInt8]]?
    private var listings = FolderListingMemo()
    /// The bytes of the path a destination resolves to, kept between checks so that a check
    /// allocates nothing for them.
    private var joinedBuffer: [UInt8] = []
    /// Whether `joinedBuffer` begins with `documentFolder` (it holds a plain relative path).
    private var joinedHoldsDocumentFolder = false

    init(documentPath: String, context: RuleContext) {
        fileSystem = context.fileSystem
        siteRoots = context.siteRoots
        ignoresLetterCase = context.routes?.fileLinksIgnoreLetterCase ?? false
        documentFolder = SpelledPath.folder(ofFile: documentPath)
    }

    /// Looks up `path` (decoded, without query or fragment).
    mutating func check(_ path: String) -> Outcome {
        var joined: [UInt8] = []
        swap(&joined, &joinedBuffer)
        defer { swap(&joined, &joinedBuffer) }
        var destination = path
        return destination.withUTF8 { check(path, bytes: $0, joined: &joined) }
    }

    private mutating func check(
        _ path: String, bytes destination: UnsafeBufferPointer<UInt8>,
        joined: inout [UInt8]
    ) -> Outcome {
        if ByteScanning.firstIndex(of: 0, in: destination, from: 0) != nil { return .missing(path: ResolvedPath(path)) }
        if destination.first == SpelledPath.slash {
            joinedHoldsDocumentFolder = false
            return checkRootRelative(destination, joined: &joined)
        }
        if SpelledPath.isPlain(destination, from: 0) {
            // Plain names go below the post's folder as written, and the folder stays at the front
            // of the buffer from one such path to the next.
            if joinedHoldsDocumentFolder, joined.count >= documentFolder.count {
                joined.removeLast(joined.count - documentFolder.count)
            } else {
                joined.removeAll(keepingCapacity: true)
                joined.append(contentsOf: documentFolder)
                joinedHoldsDocumentFolder = true
            }
            SpelledPath.append(destination, 0..<destination.count, to: &joined)
            // Names below the post's folder stay inside every root the folder is in: no bound to
            // judge (the roots need not even be spelled).
            return lookUp(joined, base: documentFolder)
        }
        joinedHoldsDocumentFolder = false
        guard SpelledPath.join(destination, to: documentFolder, rootRelative: false, into: &joined) else {
            return .outsideRoots
        }
        let bounds = boundingRoots()
        if !bounds.isEmpty, !bounds.contains(where: { SpelledPath.hasPrefix(joined, $0) }) {
            return .outsideRoots
        }
        return lookUp(joined, base: documentFolder)
    }

    /// `/images/a.png` looked for below every site root: found in one is enough; otherwise a
    /// letter-case difference says more than a missing file.
    private mutating func checkRootRelative(_ destination: UnsafeBufferPointer<UInt8>, joined: inout [UInt8])
        -> Outcome
    {
        let roots = spelledRoots()
        guard !roots.isEmpty else { return .unresolvable }
        var best: Outcome?
        var climbedOut = false
        for root in roots {
            // Joined this way a path stays below its root (it cannot climb above it), so the
            // roots never bound it further.
            guard SpelledPath.join(destination, to: root, rootRelative: true, into: &joined) else {
                climbedOut = true
                continue
            }
            let outcome = lookUp(joined, base: root)
            switch outcome {
            case .found: return outcome
            case .letterCase: best = outcome
            default: if best == nil { best = outcome }
            }
        }
        if let best { return best }
        return climbedOut ? .outsideRoots : .unresolvable
    }

    private mutating func spelledRoots() -> [[UInt8]] {
        if let roots { return roots }
        let spelled = siteRoots.map(SpelledPath.spelling(of:))
        roots = spelled
        return spelled
    }

    /// The roots a relative path must stay below: for a post inside a root, the roots that are
    /// absolute when its folder is (and relative when it is); none for a post kept outside every
    /// root, which is not held to them.
    private mutating func boundingRoots() -> [[UInt8]] {
        if let bounds { return bounds }
        let absolute = documentFolder.first == SpelledPath.slash
        let comparable = siteRoots.filter { ($0.utf8.first == SpelledPath.slash) == absolute }
            .map(SpelledPath.spelling(of:))
        let inside = comparable.contains { SpelledPath.hasPrefix(documentFolder, $0) }
        let found = inside ? comparable : []
        bounds = found
        return found
    }

    /// The spelled `joined` looked up name by name from where it leaves `base`: each name is
    /// looked for in its folder's listing, which also says what the last one is, so a found
    /// image costs no `stat` and leaves nothing behind in a cache. When an earlier path of the
    /// post reached the last name's folder from here with every name found, only the last name
    /// is looked up.
    private mutating func lookUp(_ written: [UInt8], base: [UInt8]) -> Outcome {
        var joined = written
        let namesStart = SpelledPath.namesStart(of: joined)
        let walkStart = SpelledPath.endOfSharedNames(joined, base)
        var start = walkStart
        var lastFolder: Int?
        if let last = SpelledPath.lastNameStart(in: joined), walkStart < last,
            let held = listings.position(of: joined, count: last - 1), listings.wasReached(at: held, from: walkStart)
        {
            start = last
            lastFolder = held
        }
        var known: FileKind?
        while start < joined.count {
            let end = SpelledPath.nameEnd(in: joined, from: start)
            let name = start..<end
            // The folder holding the name: the path up to the slash before it.
            let folderEnd = start == namesStart ? start : start - 1
            let isLast = end == joined.count
            start = end + 1
            if SpelledPath.isDotDot(joined, name) { continue }
            let position = lastFolder ?? listings.position(of: joined, count: folderEnd, from: fileSystem)
            if isLast { listings.markReached(at: position, from: walkStart) }
            guard let listing = listings.listing(at: position) else { break }
            let (listed, kind) = joined.withUnsafeBufferPointer { path -> (Bool, FileKind?) in
                let bytes = UnsafeBufferPointer(rebasing: path[name])
                if isLast, let kind = listing.kind(ofUTF8: bytes) { return (true, kind) }
                return (listing.contains(utf8: bytes), nil)
            }
            if listed {
                if isLast { known = kind }
                continue
            }
            let written = SpelledPath.string(joined, name)
            if let actual = listing.name(matchingIgnoringCase: written) {
                guard ignoresLetterCase else {
                    return .letterCase(path: ResolvedPath(spelled: joined), written: written, actual: actual)
                }
                // The name on disk takes the written one's place, and the look-up goes on below it.
                let onDisk = Array(actual.utf8)
                joined.replaceSubrange(name, with: onDisk)
                start = name.lowerBound + onDisk.count + 1
                if isLast { known = listing.kind(of: actual) }
                continue
            }
            // Not in its folder in any letter case: missing.
            return .missing(path: ResolvedPath(spelled: joined))
        }
        let path = ResolvedPath(spelled: joined)
        let kind = known ?? fileSystem.kind(of: path.string)
        return kind == .missing ? .missing(path: path) : .found(path: path, kind: kind)
    }
}

/// The path a destination resolved to, kept as the bytes it was spelled in until it is shown: most
/// are found images that never are, and making the text costs an allocation.
struct ResolvedPath: Equatable, CustomStringConvertible {
    private let spelled: [UInt8]

    init(spelled: [UInt8]) {
        self.spelled = spelled
    }

    /// A path given as text, kept as it is written.
    init(_ text: String) {
        spelled = Array(text.utf8)
    }

    var string: String { SpelledPath.string(spelled) }

    var description: String { string }

    static func == (one: ResolvedPath, other: ResolvedPath) -> Bool {
        one.string == other.string
    }
}
