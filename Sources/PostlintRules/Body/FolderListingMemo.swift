import PostlintCore

/// The folder listings one post's paths have gone through, kept for the post's other paths. A
/// post's images sit in the same few folders, and asking the file system view the rules share
/// costs a lock and hashing the folder's path every time; here a repeated folder costs comparing a
/// few bytes. It belongs to one rule's check of one post, so it needs no lock. It holds a handful
/// of folders, replacing the oldest: a post that uses more asks the shared view again, which gives
/// the same answers.
struct FolderListingMemo {
    static let capacity = 8

    /// Spelled folder paths (see `SpelledPath`) and their listings, at the same positions.
    private var folders: [[UInt8]] = []
    private var listings: [FolderListing?] = []
    private var oldest = 0

    /// The listing of the spelled `folder` (nil when it cannot be read).
    mutating func listing(of folder: ArraySlice<UInt8>, from fileSystem: any FileSystemView) -> FolderListing? {
        for index in folders.indices where folders[index].count == folder.count && folders[index][...] == folder {
            return listings[index]
        }
        let listing = fileSystem.listing(of: SpelledPath.string(folder))
        if folders.count < Self.capacity {
            folders.append(Array(folder))
            listings.append(listing)
        } else {
            folders[oldest] = Array(folder)
            listings[oldest] = listing
            oldest = (oldest + 1) % Self.capacity
        }
        return listing
    }
}
