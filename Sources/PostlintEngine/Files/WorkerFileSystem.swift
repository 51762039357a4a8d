import PostlintCore
import PostlintRules

/// One worker's view of a run's file system: the folder listings its last few look-ups answered,
/// in front of the view every worker shares.
///
/// A post's images and links name a few folders (its own, its section's images), and the next
/// post, from the same folder, names the same ones. The shared view answers each look-up under a
/// lock, after making the folder's path absolute and hashing it: about 2,500 instructions. Here
/// a repeated look-up is a comparison of the path's bytes with a few remembered ones.
///
/// It is made for one worker of one run, and what it remembers lives no longer than the run. Only
/// that worker uses it, so its lock is never contended (a few nanoseconds a look-up); the lock
/// lets the compiler check that nothing here is shared unguarded.
final class WorkerFileSystem: FileContentsView, Sendable {
    /// How many folders are remembered (the oldest is forgotten first).
    static let capacity = 8

    /// The folders remembered, by the bytes of their paths as asked for.
    private struct Memory: Sendable {
        var paths: [[UInt8]] = []
        var listings: [FolderListing?] = []
        /// The slot the next folder goes in once every slot is taken.
        var oldest = 0

        /// The remembered listing of the folder at `path` (nil inside: remembered as unreadable),
        /// or nil when it is not remembered.
        func listing(ofPath path: UnsafeBufferPointer<UInt8>) -> FolderListing?? {
            for index in paths.indices where paths[index].count == path.count {
                let same = paths[index].withUnsafeBufferPointer { ByteScanning.equal($0, path) }
                if same { return .some(listings[index]) }
            }
            return nil
        }

        mutating func remember(_ listing: FolderListing?, ofPath path: UnsafeBufferPointer<UInt8>) {
            if paths.count < WorkerFileSystem.capacity {
                paths.append(Array(path))
                listings.append(listing)
            } else {
                paths[oldest] = Array(path)
                listings[oldest] = listing
                oldest = (oldest + 1) % WorkerFileSystem.capacity
            }
        }
    }

    private let base: any FileSystemView
    private let memory = Locked(Memory())

    init(base: any FileSystemView) {
        self.base = base
    }

    func listing(ofPath path: UnsafeBufferPointer<UInt8>) -> FolderListing? {
        if let remembered = memory.withLock({ $0.listing(ofPath: path) }) { return remembered }
        let listing = base.listing(ofPath: path)
        memory.withLock { $0.remember(listing, ofPath: path) }
        return listing
    }

    func listing(of directory: String) -> FolderListing? {
        var directory = directory
        return directory.withUTF8 { listing(ofPath: $0) }
    }

    func kind(of path: String) -> FileKind {
        base.kind(of: path)
    }

    func entries(of directory: String) -> [String]? {
        listing(of: directory)?.names
    }

    func contents(of path: String) -> [UInt8]? {
        (base as? any FileContentsView)?.contents(of: path)
    }

    func anchors(ofFile path: String, style: AnchorStyle) -> DocumentAnchors? {
        (base as? any FileContentsView)?.anchors(ofFile: path, style: style)
    }
}
