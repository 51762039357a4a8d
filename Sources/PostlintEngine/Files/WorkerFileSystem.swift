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
/// It is made for one worker of one run and used by that worker alone (hence the unchecked
/// `Sendable`): nothing here is shared between threads, and what it remembers lives no longer
/// than the run.
final class WorkerFileSystem: FileContentsView, @unchecked Sendable {
    /// How many folders are remembered (the oldest is forgotten first).
    static let capacity = 8

    private let base: any FileSystemView
    private var paths: [[UInt8]] = []
    private var listings: [FolderListing?] = []
    /// The slot the next folder goes in once every slot is taken.
    private var oldest = 0

    init(base: any FileSystemView) {
        self.base = base
    }

    func listing(ofPath path: UnsafeBufferPointer<UInt8>) -> FolderListing? {
        for index in paths.indices where paths[index].count == path.count {
            let same = paths[index].withUnsafeBufferPointer { ByteScanning.equal($0, path) }
            if same { return listings[index] }
        }
        let listing = base.listing(ofPath: path)
        if paths.count < Self.capacity {
            paths.append(Array(path))
            listings.append(listing)
        } else {
            paths[oldest] = Array(path)
            listings[oldest] = listing
            oldest = (oldest + 1) % Self.capacity
        }
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
