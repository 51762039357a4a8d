#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// Finds the posts to lint below the paths given on the command line.
///
/// Folders are walked recursively with `opendir`/`readdir`, in name order, for `.md` and
/// `.markdown` files; names starting with `.` and `node_modules` are skipped; symbolic links to
/// folders are not followed (so a link loop cannot trap the walk). Files and folders the
/// repository's ignore files ignore (`.gitignore`, `.ignore`, `.git/info/exclude`: see
/// `IgnoreScope`) are skipped unless `honoursIgnoreFiles` is false. A file named explicitly is
/// always linted (unless `skipsIgnoredNamedFiles`, and an ignore file ignores it). Problems (a missing path, an unreadable folder) are collected, and the walk goes on.
public struct FileDiscovery {
    /// One file to lint.
    public struct Candidate: Sendable, Hashable {
        /// The path as reported: the path given joined with the file's path below it.
        public var displayPath: String
        /// The path to open (absolute).
        public var absolutePath: String
        /// Whether it was named explicitly (then config include/exclude do not apply).
        public var isExplicit: Bool
        /// For a file found by a walk in steps: its folder, open, and its name there, so it is
        /// opened by name (see `read()`). Not part of what the candidate is: equal candidates are
        /// equal with or without it.
        public var folder: FolderHandle?
        public var name: String?
        /// Under git's index (`--staged`): the id of the content the index holds for the file,
        /// which is the content read (see `GitChanges.stagedContents`). Not part of what the
        /// candidate is either.
        var indexBlob: GitBlobID?

        public init(displayPath: String, absolutePath: String, isExplicit: Bool) {
            self.displayPath = displayPath
            self.absolutePath = absolutePath
            self.isExplicit = isExplicit
        }

        /// The file's bytes: opened by name in its open folder when the walk kept it, else by
        /// its absolute path.
        public func read() -> Result<[UInt8], PostlintError> {
            if let folder, let name { return FileReader.read(name, in: folder, path: absolutePath) }
            return FileReader.read(absolutePath)
        }

        public static func == (one: Candidate, other: Candidate) -> Bool {
            one.displayPath == other.displayPath && one.absolutePath == other.absolutePath
                && one.isExplicit == other.isExplicit
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(displayPath)
            hasher.combine(absolutePath)
            hasher.combine(isExplicit)
        }
    }

    /// The files found, in the order found, kept compactly: each file's display path in one
    /// `PathTable`, and its absolute path worked out from the walk it came from (the absolute path
    /// of the folder given, shared by every file below it). A `Candidate` is built when one is
    /// read. A file costs its display path's bytes and four more (about 45 bytes for a path like
    /// `content/section-0005/post-2743.md`), where a `Candidate` with its strings took over 100.
    public struct Candidates: RandomAccessCollection, Sendable {
        /// Where a run of files came from: a folder walked, or one file named explicitly.
        private struct Origin: Sendable {
            /// The index of the first file found there.
            var firstIndex: Int
            /// A file's absolute path is this prefix followed by its display path after its
            /// first `displayPrefixLength` bytes.
            var absolutePrefix: String
            var displayPrefixLength: Int
            var isExplicit: Bool
        }

        /// The files' display paths, by index.
        public private(set) var displayPaths = PathTable()
        /// In the order of their first files; an origin that found nothing is followed by one
        /// with the same first index.
        private var origins: [Origin] = []

        public var startIndex: Int { 0 }
        public var endIndex: Int { displayPaths.count }

        public subscript(index: Int) -> Candidate {
            Candidate(
                displayPath: displayPaths[index], absolutePath: absolutePath(at: index),
                isExplicit: origin(of: index).isExplicit)
        }

        /// The path to open for the file at `index`.
        public func absolutePath(at index: Int) -> String {
            let origin = origin(of: index)
            return displayPaths.withUTF8(at: index) { display in
                PathUtilities.concatenated(
                    origin.absolutePrefix,
                    String(decoding: display.dropFirst(origin.displayPrefixLength), as: UTF8.self))
            }
        }

        /// Starts a run of files from one walk or one explicit file.
        mutating func beginOrigin(absolutePrefix: String, displayPrefixLength: Int, isExplicit: Bool) {
            origins.append(
                Origin(
                    firstIndex: displayPaths.count, absolutePrefix: absolutePrefix,
                    displayPrefixLength: displayPrefixLength, isExplicit: isExplicit))
        }

        /// Adds a file of the current origin; false when the paths would pass the table's 4 GB.
        mutating func append(folder: String, name: String) -> Bool {
            displayPaths.append(folder: folder, name: name)
        }

        /// The origin of the file at `index`: the last one whose first file is at or before it.
        private func origin(of index: Int) -> Origin {
            var low = 0
            var high = origins.count
            while low < high {
                let middle = (low + high) / 2
                if origins[middle].firstIndex <= index { low = middle + 1 } else { high = middle }
            }
            return origins[low - 1]
        }
    }

    public static let extensions = [".md", ".markdown"]
    /// Skip what `.gitignore`, `.ignore` and `.git/info/exclude` ignore when walking folders.
    public var honoursIgnoreFiles = true
    /// Skip a file named explicitly that the ignore files ignore too (`--force-exclude`).
    public var skipsIgnoredNamedFiles = false
    public static let skippedNames: Set<String> = ["node_modules"]

    /// The files found by `add(_:)` (empty for a discovery that hands its files out in steps).
    public private(set) var candidates = Candidates()
    public private(set) var problems: [PostlintError] = []
    /// Absolute paths already found, for when several paths are given (they may overlap); built
    /// on the second `add`, so a single folder's walk keeps no set of its files.
    private var seen: Set<String>?
    private var added = 0
    /// Set when the paths found passed what the list holds (4 GB of path bytes): nothing more is
    /// added, and one problem says so.
    private var isFull = false
    private let workingDirectory: String
    /// A discovery made by `inSteps(paths:workingDirectory:)` hands its files out from
    /// `nextFiles()` instead of keeping them in `candidates`.
    private var handsOutFiles = false
    /// The paths given and not yet started, the next one last.
    private var pathsToStart: [String] = []
    /// The folder walk in progress: the folders still to visit and where its files' absolute
    /// paths come from.
    private var walkInProgress: Walk?
    /// The files found by the current step, for `nextFiles()`.
    private var found: [Candidate] = []
    /// How a folder's entries are read.
    private var readEntries: @Sendable (String) -> FolderPrefetcher.Listing = Self.entriesThatMayMatter
    /// How many folders the walk reads ahead: a walk through the listing cache keeps whole
    /// listings there, and reads only a few ahead, so they do not push out those in use.
    private var foldersReadAhead = Self.foldersReadAheadAlone

    private struct Walk {
        var pending: [Pending]
        let prefetcher: FolderPrefetcher
        let absolutePrefix: String
        let displayPrefixLength: Int
        /// The folder a step left part-way through (a walk in steps hands out at most
        /// `filesPerStep` posts a step, so the first posts are linted while their folder's others
        /// are still being listed).
        var current: Visit?
    }

    /// A folder still to visit. In a walk in steps a subfolder is opened in its parent's open
    /// folder (`parent`, by `name`) without following a link, so a folder swapped for a link
    /// while the walk runs cannot lead it out of the tree.
    private struct Pending {
        var absolute: String
        var display: String
        var parent: FolderHandle?
        var name: String
        /// The ignore files that apply to its entries, but for its own.
        var ignores = IgnoreScope()
    }

    /// A folder being visited: its entries, how far the visit has got, and its subfolders so far.
    private struct Visit {
        let folder: String
        let shown: String
        let entries: [(name: String, type: UInt8)]
        var next = 0
        var subfolders: [Pending] = []
        /// A walk in steps opens a folder with posts once, and its posts are opened by name in it.
        var openFolder: FolderHandle?
        /// The ignore files that apply to its entries, its own included.
        var ignores = IgnoreScope()
    }

    /// Whether the folders the walk lists are recorded in `listedFolders` (what a site snapshot
    /// watches).
    var recordsListedFolders = false
    /// The absolute paths of the folders listed so far, in the order they were, when recorded.
    private(set) var listedFolders: [String] = []

    /// At most this many posts a step of a walk in steps.
    static let filesPerStep = 128

    public init(workingDirectory: String = PathUtilities.currentDirectory()) {
        self.workingDirectory = workingDirectory
    }

    /// A discovery of the files below `paths` that finds them a folder at a time, as
    /// `nextFiles()` is called, keeping none of them: linting starts on the first folder's posts
    /// while the rest are still being found, and a site's list of files is never held whole.
    ///
    /// With `listings`, folders are read through it: the rules that look up images then find the
    /// folders the walk read (and the walk those the rules read), so each is read once.
    public static func inSteps(
        paths: [String], workingDirectory: String = PathUtilities.currentDirectory(),
        listings: CachingFileSystem? = nil
    ) -> FileDiscovery {
        var discovery = FileDiscovery(workingDirectory: workingDirectory)
        discovery.handsOutFiles = true
        if let listings {
            discovery.foldersReadAhead = foldersReadAheadThroughCache
            discovery.readEntries = { folder in listings.readListing(of: folder).map(entriesThatMayMatter(in:)) }
        }
        discovery.pathsToStart = paths.reversed()
        if paths.count > 1 { discovery.seen = [] }
        return discovery
    }

    /// The files found in the next step (one folder of a walk, or one path given), in the order
    /// `add(_:)` would list them; nil once every path is done. A step may find no file.
    public mutating func nextFiles() -> [Candidate]? {
        found.removeAll()
        if walkInProgress != nil {
            visitNextFolder(upTo: Self.filesPerStep)
        } else if let path = pathsToStart.popLast() {
            start(path)
        } else {
            return nil
        }
        return found
    }

    /// Finds the files below `path` (walking it whole) and adds them to `candidates`.
    public mutating func add(_ path: String) {
        added += 1
        if added == 2 { seen = Set(candidates.indices.map(candidates.absolutePath(at:))) }
        start(path)
        while walkInProgress != nil { visitNextFolder() }
    }

    /// Starts on a path given: a file is found at once, a folder's walk begins with the folder.
    private mutating func start(_ path: String) {
        let absolute = PathUtilities.absolute(path, base: workingDirectory)
        var info = stat()
        guard FileNameBytes.withCString(absolute, { stat($0, &info) }) == 0 else {
            problems.append(PostlintError(path: path, message: FileReader.describe(errno)))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var display = path
            while display.count > 1, display.hasSuffix("/") { display.removeLast() }
            if display == "." { display = "" }
            if display.hasPrefix("./") { display.removeFirst(2) }
            walk(directory: absolute, display: display)
        } else {
            guard isNew(absolute) else { return }
            if honoursIgnoreFiles, skipsIgnoredNamedFiles, IgnoreScope.ignores(file: absolute) { return }
            if handsOutFiles {
                found.append(Candidate(displayPath: path, absolutePath: absolute, isExplicit: true))
                return
            }
            // Its absolute path is the prefix itself: the whole display path is dropped.
            candidates.beginOrigin(absolutePrefix: absolute, displayPrefixLength: path.utf8.count, isExplicit: true)
            append(folder: "", name: path)
        }
    }

    /// Whether the file at `absolute` was not found before (always, for a single path given).
    private mutating func isNew(_ absolute: String) -> Bool {
        guard seen != nil else { return true }
        return seen?.insert(absolute).inserted == true
    }

    private mutating func append(folder: String, name: String, in openFolder: FolderHandle? = nil) {
        if handsOutFiles, let walk = walkInProgress {
            let display = folder.isEmpty ? name : PathUtilities.concatenated(folder, "/", name)
            let absolute = PathUtilities.concatenated(
                walk.absolutePrefix, String(decoding: display.utf8.dropFirst(walk.displayPrefixLength), as: UTF8.self))
            var candidate = Candidate(displayPath: display, absolutePath: absolute, isExplicit: false)
            if let openFolder {
                candidate.folder = openFolder
                candidate.name = name
            }
            found.append(candidate)
            return
        }
        guard !isFull else { return }
        guard candidates.append(folder: folder, name: name) else {
            isFull = true
            problems.append(
                PostlintError(
                    path: PathUtilities.join(folder, name),
                    message: "too many files: the list of posts is full (4 GB of paths); "
                        + "this file and those after it are not linted"))
            return
        }
    }

    private mutating func walk(directory: String, display: String) {
        // Every file below shares the folder's absolute path: its own is that prefix followed by
        // its display path after the display's prefix.
        let prefix = display.isEmpty ? (directory == "/" ? "/" : directory + "/") : (directory == "/" ? "" : directory)
        if !handsOutFiles {
            candidates.beginOrigin(absolutePrefix: prefix, displayPrefixLength: display.utf8.count, isExplicit: false)
        }
        var root = Pending(absolute: directory, display: display, parent: nil, name: "")
        if honoursIgnoreFiles { root.ignores = IgnoreScope.above(directory).scope }
        walkInProgress = Walk(
            pending: [root],
            prefetcher: FolderPrefetcher(window: foldersReadAhead, readEntries: readEntries),
            absolutePrefix: prefix, displayPrefixLength: display.utf8.count)
        visitNextFolder(upTo: handsOutFiles ? Self.filesPerStep : .max)
    }

    /// Visits the next folder of the walk in progress, or goes on with the one a step left: finds
    /// its posts, up to `maximumFiles` of them, and once it is done, queues its subfolders.
    private mutating func visitNextFolder(upTo maximumFiles: Int = .max) {
        guard var walk = walkInProgress else { return }
        defer { walkInProgress = walk.pending.isEmpty && walk.current == nil ? nil : walk }
        var visit: Visit
        if let current = walk.current {
            visit = current
        } else {
            guard let next = walk.pending.popLast() else { return }
            let (folder, shown) = (next.absolute, next.display)
            switch walk.prefetcher.listing(of: folder) {
            case .success(let listed):
                visit = Visit(folder: folder, shown: shown, entries: listed, ignores: next.ignores)
                if recordsListedFolders { listedFolders.append(folder) }
            case .failure(let error):
                problems.append(PostlintError(path: shown.isEmpty ? "." : shown, message: FileReader.describe(error.code)))
                return
            }
            if handsOutFiles {
                if let parent = next.parent {
                    // Its posts are read, and its subfolders opened, through this descriptor
                    // only: if the name is now a link (or no folder), nothing below it is read.
                    guard let handle = FolderHandle(name: next.name, in: parent) else {
                        let code = errno
                        let message =
                            code == ELOOP || code == ENOTDIR || code == ENOENT
                            ? "was replaced or removed during the walk (it is no longer a folder here); not walked"
                            : FileReader.describe(code)
                        problems.append(PostlintError(path: shown.isEmpty ? "." : shown, message: message))
                        return
                    }
                    visit.openFolder = handle
                } else {
                    // The folder named on the command line: links in its path are followed.
                    visit.openFolder = FolderHandle(path: folder)
                }
            }
            if honoursIgnoreFiles { enterIgnoreFiles(of: &visit) }
        }
        var filesFound = 0
        while visit.next < visit.entries.count, filesFound < maximumFiles {
            let entry = visit.entries[visit.next]
            visit.next += 1
            // Kept in the listing for the ignore files only.
            if entry.name.utf8.first == UInt8(ascii: ".") { continue }
            // Made only when needed: a post's own path is made when it is handed out.
            let folder = visit.folder
            func absolute() -> String { FolderPrefetcher.path(of: entry.name, in: folder) }
            var type = entry.type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                if type == UInt8(DT_UNKNOWN) {
                    guard FileNameBytes.withCString(absolute(), { lstat($0, &info) }) == 0 else { continue }
                    let format = info.st_mode & S_IFMT
                    type =
                        format == S_IFDIR
                        ? UInt8(DT_DIR)
                        : (format == S_IFREG ? UInt8(DT_REG) : (format == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_UNKNOWN)))
                }
                if type == UInt8(DT_LNK) {
                    // Follow links to files, never links to folders.
                    guard FileNameBytes.withCString(absolute(), { stat($0, &info) }) == 0 else { continue }
                    if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                    type = (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
                }
                if type == UInt8(DT_UNKNOWN), Self.isMarkdown(entry.name) {
                    // A FIFO, device or socket named like a post (or a link to one): never opened
                    // (a FIFO would wait for a writer or read as an empty post), reported.
                    let shown = visit.shown.isEmpty ? entry.name : PathUtilities.concatenated(visit.shown, "/", entry.name)
                    problems.append(PostlintError(path: shown, message: Self.notARegularFile(info.st_mode)))
                    continue
                }
            }
            if honoursIgnoreFiles, type == UInt8(DT_DIR) || type == UInt8(DT_REG),
                visit.ignores.isIgnored(absolutePath: absolute(), isFolder: type == UInt8(DT_DIR))
            {
                continue
            }
            if type == UInt8(DT_DIR) {
                let shown = visit.shown.isEmpty ? entry.name : PathUtilities.concatenated(visit.shown, "/", entry.name)
                visit.subfolders.append(
                    Pending(
                        absolute: absolute(), display: shown, parent: visit.openFolder,
                        name: entry.name, ignores: visit.ignores))
            } else if type == UInt8(DT_REG), Self.isMarkdown(entry.name), seen == nil || isNew(absolute()) {
                append(folder: visit.shown, name: entry.name, in: visit.openFolder)
                filesFound += 1
            }
        }
        guard visit.next == visit.entries.count else {
            walk.current = visit
            // Its subfolders found so far are visited next, after it: read them meanwhile (the
            // posts handed out may need them, as a section's posts need its images folder).
            walk.prefetcher.prefetch(visit.subfolders.lazy.prefix(foldersReadAhead).map(\.absolute))
            return
        }
        walk.current = nil
        // Depth-first in name order: push in reverse so the first name is walked first.
        walk.pending.append(contentsOf: visit.subfolders.reversed())
        // The folders visited next sit at the top of the stack.
        walk.prefetcher.prefetch(walk.pending.reversed().lazy.prefix(foldersReadAhead).map(\.absolute))
    }

    /// Reads the ignore files among a folder's entries (the listing keeps their names) into its
    /// scope: through the open folder when the walk has one, so a name swapped for a link is not
    /// followed out of the tree.
    private func enterIgnoreFiles(of visit: inout Visit) {
        var present: Set<String> = []
        for entry in visit.entries where entry.name.utf8.first == UInt8(ascii: ".") {
            if IgnoreScope.names.contains(entry.name) { present.insert(entry.name) }
        }
        guard !present.isEmpty else { return }
        let (folder, handle) = (visit.folder, visit.openFolder)
        visit.ignores = visit.ignores.entering(folder: folder, present: present) { name in
            let path = FolderPrefetcher.path(of: name, in: folder)
            let read = handle.map { FileReader.read(name, in: $0, path: path) } ?? FileReader.read(path)
            if case .success(let bytes) = read { return bytes }
            return nil
        }
    }

    /// How many folders the walk reads ahead on other threads (listings read and not yet taken
    /// are kept, a few kilobytes each: only folders and posts are listed).
    static let foldersReadAheadAlone = 16
    static let foldersReadAheadThroughCache = 4

    /// A folder's entries that may matter to the walk, in name order: folders, posts, and what
    /// must be looked at to know (links and entries of unknown type, which the walk looks at with
    /// `lstat`), or the `errno` of opening it.
    @Sendable static func entriesThatMayMatter(in folder: String) -> FolderPrefetcher.Listing {
        LocalFileSystem().readListing(of: folder).map(entriesThatMayMatter(in:))
    }

    /// The entries of a folder's listing that may matter to the walk, in name order. Judged on
    /// each name's bytes in the listing, so a folder of images costs no string.
    static func entriesThatMayMatter(in listing: FolderListing) -> [(name: String, type: UInt8)] {
        let kept = listing.sortedEntries { nameBytes, kind in
            guard let first = nameBytes.first else { return false }
            // Of the hidden names, only those that make the folder's ignore scope.
            if first == UInt8(ascii: ".") { return isIgnoreScopeName(nameBytes) }
            return kind != .file || isMarkdown(nameBytes)
        }
        var entries: [(name: String, type: UInt8)] = []
        entries.reserveCapacity(kept.count)
        for (name, kind) in kept where !skippedNames.contains(name) {
            entries.append((name, kind == .directory ? UInt8(DT_DIR) : (kind == .file ? UInt8(DT_REG) : UInt8(DT_UNKNOWN))))
        }
        return entries
    }

    private static func isIgnoreScopeName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        ignoreScopeNameBytes.contains { name.elementsEqual($0) }
    }

    private static let ignoreScopeNameBytes: [[UInt8]] = IgnoreScope.names.map { Array($0.utf8) }

    /// Why a special file named like a post is not read.
    static func notARegularFile(_ mode: mode_t) -> String {
        let what: String
        switch mode & S_IFMT {
        case S_IFIFO: what = "a FIFO"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        return what == "not a regular file" ? "is not a regular file; not read" : "is \(what), not a regular file; not read"
    }

    static func isMarkdown(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isMarkdown($0) }
    }

    /// Whether a name's bytes end in a Markdown extension after at least one other byte.
    static func isMarkdown(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        markdownExtensionBytes.contains { suffix in
            name.count > suffix.count && name[(name.count - suffix.count)...].elementsEqual(suffix)
        }
    }

    private static let markdownExtensionBytes: [[UInt8]] = extensions.map { Array($0.utf8) }
}
