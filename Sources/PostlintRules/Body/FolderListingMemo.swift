import PostlintCore

/// The folders one post's paths have gone through, kept for the post's other paths. A post's
/// images sit in the same few folders, and asking the file system view the rules share costs a
/// lock and hashing the folder's path every time; here a repeated folder costs comparing a few
/// bytes. Each folder also remembers from where a look-up reached it with every name on the way
/// found, so the next path into it looks up only its own last name. It belongs to one rule's
/// check of one post, so it needs no lock. It holds a handful of folders (their paths in one
/// array): a post that uses more starts over, asking the shared view again, which gives the same
/// answers.
struct FolderListingMemo {
    static let capacity = 8

    private struct Folder {
        /// Where the folder's spelled path (see `SpelledPath`) is in `spelledPaths`.
        var start: Int
        var count: Int
        var listing: FolderListing?
        /// The smallest position in the folder's path (the start of a name) from which a look-up
        /// found every name up to the folder itself in its parent's listing; `Int.max` when none
        /// has.
        var reachedFrom: Int
    }

    private var spelledPaths: [UInt8] = []
    private var folders: [Folder] = []

    /// Where the folder spelled by the first `count` bytes of `path` is held, when it is.
    func position(of path: [UInt8], count: Int) -> Int? {
        folders.indices.first { position in
            let folder = folders[position]
            return SpelledPath.bytesEqual(path, 0..<count, spelledPaths, folder.start..<(folder.start + folder.count))
        }
    }

    /// Where the folder spelled by the first `count` bytes of `path` is held, its listing asked
    /// of `fileSystem` when it was not. Positions given before are then no longer valid.
    mutating func position(of path: [UInt8], count: Int, from fileSystem: any FileSystemView) -> Int {
        if let held = position(of: path, count: count) { return held }
        // The folder's path as bytes (the empty spelling is the current folder).
        let listing =
            count == 0
            ? fileSystem.listing(of: ".")
            : path.withUnsafeBufferPointer { fileSystem.listing(ofPath: UnsafeBufferPointer(rebasing: $0[..<count])) }
        if folders.count == Self.capacity {
            folders.removeAll(keepingCapacity: true)
            spelledPaths.removeAll(keepingCapacity: true)
        }
        if folders.isEmpty { folders.reserveCapacity(Self.capacity) }
        folders.append(Folder(start: spelledPaths.count, count: count, listing: listing, reachedFrom: .max))
        spelledPaths.append(contentsOf: path[..<count])
        return folders.count - 1
    }

    /// The listing of the folder at `position` (nil when it cannot be read).
    func listing(at position: Int) -> FolderListing? {
        folders[position].listing
    }

    /// Whether a look-up found every name of the folder at `position` from `start` on.
    func wasReached(at position: Int, from start: Int) -> Bool {
        folders[position].reachedFrom <= start
    }

    /// Notes that a look-up found every name of the folder at `position` from `start` on.
    mutating func markReached(at position: Int, from start: Int) {
        folders[position].reachedFrom = min(folders[position].reachedFrom, start)
    }
}
