import Foundation
import PostlintCore
import PostlintRules

/// The local file system with folder listings and paths' kinds remembered during a run: a site's
/// images share a few folders, and listing a folder of thousands of images for every image (to
/// compare letter case) would make a run quadratic. What is remembered is bounded, so memory does
/// not grow with the size of the site: what has not been used for longest is forgotten first
/// (posts are checked in path order, so the folders of a section are in use together, and a
/// folder every post uses is never forgotten). Posts' anchors are remembered the same way, so a
/// post that thousands of others link into is read and scanned once a run. `reset()` starts a new
/// run.
public final class CachingFileSystem: FileContentsView, @unchecked Sendable {
    /// At most this many names, over all remembered listings (a listing larger than this alone is
    /// still kept while it is in use).
    public static let maximumListedNames = 32_768
    /// At most this many remembered kinds.
    public static let maximumKinds = 65_536
    /// At most this many anchors, over all remembered posts (a post is remembered with at least 1).
    public static let maximumRememberedAnchors = 65_536

    private let base = LocalFileSystem()
    private let lock = ShortHoldCondition()
    /// Folders being read by some thread: another thread that wants one waits for that read.
    private var beingRead: Set<String> = []
    private var kinds = BoundedCache<FileKind>(limit: maximumKinds)
    private var listings = BoundedCache<FolderListing?>(limit: maximumListedNames)
    /// Posts' anchors, keyed by the style and the absolute path; posts being scanned by some thread.
    private var anchors = BoundedCache<DocumentAnchors?>(limit: maximumRememberedAnchors)
    private var anchorsBeingComputed: Set<String> = []
    /// The folder relative paths are opened from, so a folder named relatively (as the rules name
    /// a post's folders) and absolutely (as the walk does) is remembered once.
    private var currentDirectory = PathUtilities.currentDirectory()

    public init() {}

    /// Forgets what was looked up, so a new run sees files added or removed since.
    public func reset() {
        let directory = PathUtilities.currentDirectory()
        lock.lock()
        kinds.removeAll()
        listings.removeAll()
        anchors.removeAll()
        currentDirectory = directory
        lock.unlock()
    }

    /// The key a folder's listing is remembered under: its path made absolute (not otherwise
    /// normalized: `a/../b` and `b` are remembered apart, which costs a second read, never a
    /// wrong answer).
    private func listingKey(_ directory: String) -> String {
        directory.hasPrefix("/") ? directory : PathUtilities.concatenated(currentDirectory, "/", directory)
    }

    public func kind(of path: String) -> FileKind {
        lock.lock()
        if let known = kinds.value(for: path) {
            lock.unlock()
            return known
        }
        lock.unlock()
        let kind = base.kind(of: path)
        lock.lock()
        kinds.insert(kind, for: path, weight: 1)
        lock.unlock()
        return kind
    }

    public func entries(of directory: String) -> [String]? {
        listing(of: directory)?.names
    }

    public func listing(of directory: String) -> FolderListing? {
        try? readListing(of: directory).get()
    }

    /// `listing(of:)`, or why the folder cannot be read. The discovery walks folders through here
    /// too, so a folder of images is read once a run, by whichever asks first.
    public func readListing(of directory: String) -> Result<FolderListing, FolderReadError> {
        lock.lock()
        let key = listingKey(directory)
        while beingRead.contains(key) { lock.wait() }
        if let known = listings.value(for: key) {
            lock.unlock()
            // A folder remembered as unreadable is read again for its error (rare).
            if let known { return .success(known) }
            return base.readListing(of: directory)
        }
        beingRead.insert(key)
        lock.unlock()
        let listing = base.readListing(of: directory)
        let read = try? listing.get()
        lock.lock()
        listings.insert(read, for: key, weight: max(1, read?.count ?? 1))
        beingRead.remove(key)
        lock.broadcast()
        lock.unlock()
        return listing
    }

    public func contents(of path: String) -> [UInt8]? {
        base.contents(of: path)
    }

    /// The anchors of the post at `path`, read and scanned once a run (by whichever thread asks
    /// first; others asking meanwhile wait for it) while the bound allows.
    public func anchors(ofFile path: String, style: AnchorStyle) -> DocumentAnchors? {
        lock.lock()
        let key = style.rawValue + "\u{0}" + listingKey(path)
        while anchorsBeingComputed.contains(key) { lock.wait() }
        if let known = anchors.value(for: key) {
            lock.unlock()
            return known
        }
        anchorsBeingComputed.insert(key)
        lock.unlock()
        let computed = base.contents(of: path).map { DocumentAnchors(fileBytes: $0, style: style) }
        lock.lock()
        anchors.insert(computed, for: key, weight: max(1, computed?.ids.count ?? 1))
        anchorsBeingComputed.remove(key)
        lock.broadcast()
        lock.unlock()
        return computed
    }
}

/// A dictionary that forgets entries once their total weight passes a limit, those not used for
/// longest first (the "clock" approximation of least recently used: each entry has a used mark; the
/// oldest entry with its mark set gets a second chance instead of being forgotten). Every
/// operation costs constant time, amortised.
struct BoundedCache<Value> {
    private struct Entry {
        var value: Value
        var weight: Int
        var used: Bool
    }

    private var entries: [String: Entry] = [:]
    /// Keys from the oldest to the newest, from `head` on.
    private var order: [String] = []
    private var head = 0
    private var weight = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    var count: Int { entries.count }

    /// The value for `key`, marked as used.
    mutating func value(for key: String) -> Value? {
        guard let index = entries.index(forKey: key) else { return nil }
        entries.values[index].used = true
        return entries.values[index].value
    }

    mutating func insert(_ value: Value, for key: String, weight entryWeight: Int) {
        if let old = entries.updateValue(Entry(value: value, weight: entryWeight, used: true), forKey: key) {
            weight -= old.weight
        } else {
            order.append(key)
        }
        weight += entryWeight
        while weight > limit, entries.count > 1, head < order.count {
            let oldest = order[head]
            head += 1
            guard let index = entries.index(forKey: oldest) else { continue }
            if entries.values[index].used, oldest != key {
                entries.values[index].used = false
                order.append(oldest)
            } else if oldest != key {
                weight -= entries.values[index].weight
                entries.remove(at: index)
            } else {
                order.append(oldest)
            }
        }
        if head > 1_024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        head = 0
        weight = 0
    }
}
