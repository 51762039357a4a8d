import PostlintCore

/// One site's route table, built by every thread that needs it while it is being built: the first
/// thread lists the content roots, then each thread that asks reads posts (their front matter) a
/// batch at a time until none is left, and the thread that reads the last batch assembles the
/// table. Before, one thread read every post while the others waited for it, idle.
final class RouteTableBuild: Sendable {
    private let site: SiteModel
    private let state = ShortHoldCondition(State())

    /// Posts a thread takes at a time (a lock per batch, not per post).
    private static let batchSize = 16

    private struct State: Sendable {
        var listing: RouteTable.Listing?
        var listingStarted = false
        /// The next post to read, and how many have been read.
        var next = 0
        var finished = 0
        var read: [RouteTable.ReadPost?] = []
        var table: RouteTable?
    }

    /// What a thread that asks for the table does.
    private enum Role {
        /// Nothing: the table is built.
        case none
        /// Lists the content roots, then reads posts.
        case listsAndReads
        /// Reads posts, once they are listed.
        case reads
    }

    init(site: SiteModel) {
        self.site = site
    }

    /// The table, once built; the calling thread helps build it.
    func table() -> RouteTable {
        let role = state.withLock { state -> Role in
            if state.table != nil { return .none }
            guard !state.listingStarted else { return .reads }
            state.listingStarted = true
            return .listsAndReads
        }
        if role == .none { return waitForTable() }
        if role == .listsAndReads {
            let listing = RouteTable.listing(of: site, fileSystem: LocalFileSystem())
            state.withLock(broadcast: true) { state in
                state.read = Array(repeating: nil, count: listing.posts.count)
                state.listing = listing
            }
            if listing.posts.isEmpty { assemble() }
        }
        // Wait for the listing (or the table), then read batches while any are left.
        guard
            let listing = state.waitForValue({ state -> RouteTable.Listing?? in
                if state.table != nil { return .some(nil) }
                return state.listing.map { .some($0) }
            })
        else {
            return waitForTable()
        }
        while true {
            let batch = state.withLock { state -> Range<Int> in
                let start = state.next
                state.next = min(start + Self.batchSize, listing.posts.count)
                return start..<state.next
            }
            if batch.isEmpty { break }
            let read = batch.map { RouteTable.read(listing.posts[$0], site: site) }
            let isLast = state.withLock { state -> Bool in
                for (offset, post) in read.enumerated() { state.read[batch.lowerBound + offset] = post }
                state.finished += batch.count
                return state.finished == listing.posts.count
            }
            if isLast { assemble() }
        }
        return waitForTable()
    }

    /// Makes the table from the posts read, in the listing's order, and hands it to the waiting threads.
    private func assemble() {
        let (listing, read) = state.withLock { state in
            let read = state.read.compactMap { $0 }
            state.read = []
            return (state.listing ?? RouteTable.Listing(), read)
        }
        let table = RouteTable(site: site, listing: listing, read: read)
        state.withLock(broadcast: true) { $0.table = table }
    }

    private func waitForTable() -> RouteTable {
        state.waitForValue({ $0.table })
    }
}
