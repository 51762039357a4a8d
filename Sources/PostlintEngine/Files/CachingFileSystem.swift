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
public final class CachingFileSystem: FileContentsView, Sendable {
    /// At most this many names, over all remembered listings (a listing larger than this alone is
    /// still kept while it is in use).
    public static let maximumListedNames = 32_768
    /// At most this many remembered kinds.
    public static let maximumKinds = 65_536
    /// At most this many anchors, over all remembered posts (a post is remembered with at least 1).
    public static let maximumRememberedAnchors = 65_536

    /// What is remembered, behind the lock.
    private struct Memory: Sendable {
        /// Folders being read by some thread: another thread that wants one waits for that read.
        var beingRead: Set<String> = []
        var kinds = BoundedCache<FileKind>(limit: maximumKinds)
        var listings = BoundedCache<FolderListing?>(limit: maximumListedNames)
        /// Posts' anchors, keyed by the style and the absolute path; posts being scanned by some thread.
        var anchors = BoundedCache<DocumentAnchors?>(limit: maximumRememberedAnchors)
        var anchorsBeingComputed: Set<String> = []
        /// The folder relative paths are opened from, so a folder named relatively (as the rules
        /// name a post's folders) and absolutely (as the walk does) is remembered once.
        var currentDirectory = PathUtilities.currentDirectory()

        /// The key a folder's listing is remembered under: its path made absolute (not otherwise
        /// normalized: `a/../b` and `b` are remembered apart, which costs a second read, never a
        /// wrong answer).
        func listingKey(_ directory: String) -> String {
            directory.hasPrefix("/") ? directory : PathUtilities.concatenated(currentDirectory, "/", directory)
        }
    }

    /// How a look-up goes on once the lock is released: with what was remembered, or by reading
    /// (this thread alone: it marked the key as being read).
    private enum LookUp<Value> {
        case remembered(Value)
        case read(key: String)
    }

    private let base = LocalFileSystem()
    private let memory = ShortHoldCondition(Memory())

    public init() {}

    /// Forgets what was looked up, so a new run sees files added or removed since.
    public func reset() {
        let directory = PathUtilities.currentDirectory()
        memory.withLock { memory in
            memory.kinds.removeAll()
            memory.listings.removeAll()
            memory.anchors.removeAll()
            memory.currentDirectory = directory
        }
    }

    public func kind(of path: String) -> FileKind {
        if let known = memory.withLock({ $0.kinds.value(for: path) }) { return known }
        let kind = base.kind(of: path)
        memory.withLock { $0.kinds.insert(kind, for: path, weight: 1) }
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
        var key: String?
        let lookUp = memory.waitForValue({ memory -> LookUp<FolderListing?>? in
            let folderKey = key ?? memory.listingKey(directory)
            key = folderKey
            if memory.beingRead.contains(folderKey) { return nil }
            if let known = memory.listings.value(for: folderKey) { return .remembered(known) }
            memory.beingRead.insert(folderKey)
            return .read(key: folderKey)
        })
        switch lookUp {
        case .remembered(let known?):
            return .success(known)
        case .remembered(nil):
            // A folder remembered as unreadable is read again for its error (rare).
            return base.readListing(of: directory)
        case .read(let key):
            let listing = base.readListing(of: directory)
            let read = try? listing.get()
            memory.withLock(broadcast: true) { memory in
                memory.listings.insert(read, for: key, weight: max(1, read?.count ?? 1))
                memory.beingRead.remove(key)
            }
            return listing
        }
    }

    public func contents(of path: String) -> [UInt8]? {
        base.contents(of: path)
    }

    /// The anchors of the post at `path`, read and scanned once a run (by whichever thread asks
    /// first; others asking meanwhile wait for it) while the bound allows.
    public func anchors(ofFile path: String, style: AnchorStyle) -> DocumentAnchors? {
        var key: String?
        let lookUp = memory.waitForValue({ memory -> LookUp<DocumentAnchors?>? in
            let postKey = key ?? style.rawValue + "\u{0}" + memory.listingKey(path)
            key = postKey
            if memory.anchorsBeingComputed.contains(postKey) { return nil }
            if let known = memory.anchors.value(for: postKey) { return .remembered(known) }
            memory.anchorsBeingComputed.insert(postKey)
            return .read(key: postKey)
        })
        switch lookUp {
        case .remembered(let known):
            return known
        case .read(let key):
            let computed = base.contents(of: path).map { DocumentAnchors(fileBytes: $0, style: style) }
            memory.withLock(broadcast: true) { memory in
                memory.anchors.insert(computed, for: key, weight: max(1, computed?.ids.count ?? 1))
                memory.anchorsBeingComputed.remove(key)
            }
            return computed
        }
    }
}

/// A dictionary that forgets entries once their total weight passes a limit, those not used for
/// longest first (the "clock" approximation of least recently used: each entry has a used mark; the
/// oldest entry with its mark set gets a second chance instead of being forgotten). Every
/// operation costs constant time, amortised.
struct BoundedCache<Value: Sendable>: Sendable {
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
