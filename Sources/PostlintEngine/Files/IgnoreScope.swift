#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// The ignore files that apply to the entries of one folder of a walk, as git, ripgrep and ruff
/// read them: in each folder from the repository's top down, `.gitignore` (inside a git work
/// tree only: a folder with `.git` at or above it) and `.ignore` (anywhere; it wins over
/// `.gitignore` in the same folder), then the repository's `.git/info/exclude` below them all,
/// and git's user-wide `core.excludesFile` below that (`GitExcludesFile`). A
/// deeper file's last matching pattern decides before a shallower one's; a negation
/// (`!pattern`) re-includes. A folder that is ignored is not walked, so nothing below it is
/// re-included (as in git).
///
/// A value per folder, shared with its subfolders: entering a folder without ignore files costs
/// nothing, and each file's patterns are compiled once.
struct IgnoreScope: Sendable {
    /// The innermost ignore file that applies, linked to the ones above it.
    private var innermost: Layer?
    /// Whether the folder is inside a git work tree, so `.gitignore` files apply.
    private(set) var isInRepository = false

    /// One ignore file and the folder it applies below.
    final class Layer: Sendable {
        let file: IgnoreFile
        /// The byte count of the folder's absolute path and the `/` after it: a path below it,
        /// without them, is the path the file's patterns are matched against.
        let prefixLength: Int
        let outer: Layer?

        init(file: IgnoreFile, folder: String, outer: Layer?) {
            self.file = file
            prefixLength = folder == "/" ? 1 : folder.utf8.count + 1
            self.outer = outer
        }
    }

    /// The names in a folder that make a scope: kept by the walk's listings.
    static let names: Set<String> = [".git", ".gitignore", ".ignore"]

    /// A scope with no ignore file, outside any repository.
    init() {}

    /// Whether the entry at `absolutePath` (below every folder of the scope) is ignored.
    func isIgnored(absolutePath: String, isFolder: Bool) -> Bool {
        guard innermost != nil else { return false }
        let bytes = Array(absolutePath.utf8)
        var layer = innermost
        while let current = layer {
            if current.prefixLength < bytes.count,
                let verdict = current.file.verdict(relativePath: bytes[current.prefixLength...], isFolder: isFolder)
            {
                return verdict == .ignored
            }
            layer = current.outer
        }
        return false
    }

    /// The scope inside `folder` (absolute), which holds the entries `present` of `names`;
    /// `read` gives an ignore file's bytes by name (nil when it cannot be read: then it is
    /// passed over, as git passes over an unreadable ignore file).
    func entering(folder: String, present: Set<String>, read: (String) -> [UInt8]?) -> IgnoreScope {
        guard !present.isEmpty else { return self }
        var scope = self
        if present.contains(".git") {
            scope.isInRepository = true
            let gitDirectory = Self.gitCommonDirectory(repositoryRoot: folder)
            // git's user-wide ignore file (core.excludesFile) first, so that info/exclude wins over it.
            if let excludes = GitExcludesFile.patterns(gitDirectory: gitDirectory) {
                scope.push(excludes, folder: folder)
            }
            if let gitDirectory, let bytes = Self.readFile(gitDirectory + "/info/exclude") {
                scope.push(IgnoreFile(bytes: bytes), folder: folder)
            }
        }
        if scope.isInRepository, present.contains(".gitignore"), let bytes = read(".gitignore") {
            scope.push(IgnoreFile(bytes: bytes), folder: folder)
        }
        if present.contains(".ignore"), let bytes = read(".ignore") {
            scope.push(IgnoreFile(bytes: bytes), folder: folder)
        }
        return scope
    }

    private mutating func push(_ file: IgnoreFile, folder: String) {
        guard !file.isEmpty else { return }
        innermost = Layer(file: file, folder: folder, outer: innermost)
    }

    // MARK: Above a walk

    /// The scope of the folder above `folder` (absolute, normalized) as a walk starting at
    /// `folder` finds it: the ignore files from the top of the git work tree it lies in down to
    /// its parent; an empty scope outside a work tree. Also whether one of the folders between
    /// the top and `folder` (and `folder` itself) is ignored on the way.
    static func above(_ folder: String) -> (scope: IgnoreScope, folderIsIgnored: Bool) {
        var chain: [String] = []
        var current = folder
        var root: String?
        while true {
            if exists(FolderPrefetcher.path(of: ".git", in: current)) { root = current; break }
            guard current != "/", !current.isEmpty else { break }
            chain.append(current)
            current = PathUtilities.directory(of: current)
            if current.isEmpty || current == "." { break }
        }
        guard let root else { return (IgnoreScope(), false) }
        // From the top down: enter each folder, then judge the next one below it.
        var scope = IgnoreScope()
        var below = [root] + chain.reversed()
        below.removeLast()
        var ignored = false
        for (index, parent) in below.enumerated() {
            scope = scope.entering(folder: parent, present: presentNames(in: parent)) { name in
                readFile(FolderPrefetcher.path(of: name, in: parent))
            }
            let child = index + 1 < below.count ? below[index + 1] : folder
            if !ignored, scope.isIgnored(absolutePath: child, isFolder: true) { ignored = true }
        }
        return (scope, ignored)
    }

    /// Whether the file at `absolutePath` (normalized) is one the ignore files above it ignore,
    /// or lies in an ignored folder.
    static func ignores(file absolutePath: String) -> Bool {
        let folder = PathUtilities.directory(of: absolutePath)
        let (scope, folderIsIgnored) = above(folder)
        if folderIsIgnored { return true }
        let inside = scope.entering(folder: folder, present: presentNames(in: folder)) { name in
            readFile(FolderPrefetcher.path(of: name, in: folder))
        }
        return inside.isIgnored(absolutePath: absolutePath, isFolder: false)
    }

    private static func presentNames(in folder: String) -> Set<String> {
        names.filter { exists(FolderPrefetcher.path(of: $0, in: folder)) }
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return FileNameBytes.withCString(path) { lstat($0, &info) } == 0
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        if case .success(let bytes) = FileReader.read(path) { return bytes }
        return nil
    }

    /// The git folder holding the `info/exclude` and `config` of the work tree at `root`: its
    /// `.git` folder, or for a linked work tree or submodule (a `.git` file saying `gitdir: …`)
    /// that git folder's common folder.
    static func gitCommonDirectory(repositoryRoot root: String) -> String? {
        let dotGit = FolderPrefetcher.path(of: ".git", in: root)
        var info = stat()
        guard FileNameBytes.withCString(dotGit, { stat($0, &info) }) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR { return dotGit }
        guard let bytes = readFile(dotGit), bytes.count < 65_536 else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first, line.hasPrefix("gitdir:") else { return nil }
        let gitDirectory = PathUtilities.absolute(String(line.dropFirst(7)).trimmingSpaces(), base: root)
        var common = gitDirectory
        if let commonBytes = readFile(gitDirectory + "/commondir") {
            let named = String(decoding: commonBytes, as: UTF8.self).trimmingSpaces()
            if !named.isEmpty { common = PathUtilities.absolute(named, base: gitDirectory) }
        }
        return common
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
