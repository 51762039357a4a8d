import PostlintCore

/// Finds a file whatever the letter case of the names in its path, as DocFX does, listing each
/// folder once a run (a site's links into it are looked up by every worker).
final class LetterCaseLookup: Sendable {
    private let files = LocalFileSystem()
    private let listings = Locked<[String: FolderListing?]>([:])

    /// The path on disk of the file at `path` (absolute, `.` and `..` folded) with the names
    /// below `root` matched without regard to case; nil when there is no such file, or `path` is
    /// not under `root`.
    func file(at path: String, under root: String) -> String? {
        guard let relative = PathUtilities.relative(path, to: root), !relative.isEmpty else { return nil }
        if files.kind(of: path) == .file { return path }
        var current = root
        for name in relative.split(separator: "/") {
            guard let actual = actualName(of: String(name), in: current) else { return nil }
            current = PathUtilities.join(current, actual)
        }
        return files.kind(of: current) == .file ? current : nil
    }

    /// Whether `folder` holds an entry named `name`, letter case aside.
    func contains(_ name: String, in folder: String) -> Bool {
        actualName(of: name, in: folder) != nil
    }

    /// The name on disk in `folder` that is `name` or differs from it only in letter case.
    private func actualName(of name: String, in folder: String) -> String? {
        guard let listing = listing(of: folder) else { return nil }
        return listing.contains(name) ? name : listing.name(matchingIgnoringCase: name)
    }

    private func listing(of folder: String) -> FolderListing? {
        if let known = listings.withLock({ $0[folder] }) { return known }
        let read = files.listing(of: folder)
        listings.withLock { $0[folder] = .some(read) }
        return read
    }
}
