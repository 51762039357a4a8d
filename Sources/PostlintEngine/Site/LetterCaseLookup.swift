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
            let name = String(name)
            guard let listing = listing(of: current) else { return nil }
            if listing.contains(name) {
                current = PathUtilities.join(current, name)
            } else if let actual = listing.name(matchingIgnoringCase: name) {
                current = PathUtilities.join(current, actual)
            } else {
                return nil
            }
        }
        return files.kind(of: current) == .file ? current : nil
    }

    /// Whether `folder` holds an entry named `name`, letter case aside.
    func contains(_ name: String, in folder: String) -> Bool {
        guard let listing = listing(of: folder) else { return false }
        return listing.contains(name) || listing.name(matchingIgnoringCase: name) != nil
    }

    private func listing(of folder: String) -> FolderListing? {
        if let known = listings.withLock({ $0[folder] }) { return known }
        let read = files.listing(of: folder)
        listings.withLock { $0[folder] = .some(read) }
        return read
    }
}
