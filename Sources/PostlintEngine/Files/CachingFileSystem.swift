import Foundation
import PostlintCore
import PostlintRules

/// The local file system with each folder listing and each path's kind looked up once per run:
/// a site's images share a few folders, and listing a folder of thousands of images for every image
/// (to compare letter case) would make a run quadratic. `reset()` starts a new run.
public final class CachingFileSystem: FileContentsView, @unchecked Sendable {
    private let base = LocalFileSystem()
    private let lock = NSLock()
    private var kinds: [String: FileKind] = [:]
    private var listings: [String: FolderListing?] = [:]

    public init() {}

    /// Forgets what was looked up, so a new run sees files added or removed since.
    public func reset() {
        lock.lock()
        kinds.removeAll(keepingCapacity: true)
        listings.removeAll(keepingCapacity: true)
        lock.unlock()
    }

    public func kind(of path: String) -> FileKind {
        lock.lock()
        if let known = kinds[path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let kind = base.kind(of: path)
        lock.lock()
        kinds[path] = kind
        lock.unlock()
        return kind
    }

    public func entries(of directory: String) -> [String]? {
        listing(of: directory)?.names
    }

    public func listing(of directory: String) -> FolderListing? {
        lock.lock()
        if let known = listings[directory] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let listing = base.listing(of: directory)
        lock.lock()
        listings[directory] = listing
        lock.unlock()
        return listing
    }

    public func contents(of path: String) -> [UInt8]? {
        base.contents(of: path)
    }
}
