import PostlintCore

/// The folders one post's paths have gone through, kept for the post's other paths. A post's
/// images sit in the same few folders, and asking the file system view the rules share costs a
/// lock and hashing the folder's path every time; here a repeated folder costs comparing a few
/// bytes. Each folder also remembers from where a look-up reached it with every name on the way
/// found, so the next path into it looks up only its own last name. It belongs to one rule's
/// check of one post, so it needs no lock. It holds a handful of folders, replacing the oldest: a
/// post that uses more asks the shared view again, which gives the same answers.
struct FolderListingMemo {
    static let capacity = 8

    private struct Folder {
        /// The folder's path, spelled (see `SpelledPath`).
        var path: [UInt8]
        var listing: FolderListing?
        /// The smallest position in `path` (the start of a name) from which a look-up found every
        /// name up to the folder itself in its parent's listing; `Int.max` when none has.
        var reachedFrom: Int
    }

    private var folders: [Folder] = []
    private var oldest = 0

    /// Where the folder spelled by the first `count` bytes of `path` is held, when it is.
    func position(of path: [UInt8], count: Int) -> Int? {
        folders.indices.first { SpelledPath.bytesEqual(path, 0..<count, folders[$0].path) }
    }

    /// Where the folder spelled by the first `count` bytes of `path` is held, its listing asked
    /// of `fileSystem` when it was not.
    mutating func position(of path: [UInt8], count: Int, from fileSystem: any FileSystemView) -> Int {
        if let held = position(of: path, count: count) { return held }
        let folder = Folder(path: Array(path[..<count]), listing: fileSystem.listing(of: SpelledPath.string(path, count: count)),
                            reachedFrom: .max)
        if folders.count < Self.capacity {
            folders.append(folder)
            return folders.count - 1
        }
        let replaced = oldest
        folders[replaced] = folder
        oldest = (oldest + 1) % Self.capacity
        return replaced
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
