import Dispatch
import PostlintCore
import Testing

/// `Locked` is the project's one lock-guarded box; these run it from many threads at once (and
/// the listing's lazily made tables through it), so a sanitizer run of the suite sees races.
@Suite struct LockedTests {
    @Test func everyIncrementFromManyThreadsIsKept() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test func aThrowingBodyLeavesTheLockFree() {
        struct Refused: Error {}
        let box = Locked([1, 2])
        #expect(throws: Refused.self) {
            try box.withLock { (values) throws(Refused) in
                values.append(3)
                throw Refused()
            }
        }
        // The change made before the throw stays, and the lock is free to take again.
        #expect(box.withLock { $0 } == [1, 2, 3])
    }

    /// A listing's string table and folded names are made on first use by whichever thread asks;
    /// asked from many threads at once (more often than the folded names are scanned before their
    /// table is built), every thread gets the same answers.
    @Test func aListingAskedFromManyThreadsAnswersAlike() {
        let names = (0..<500).map { "Ünïcode-\($0).PNG" } + ["cover.jpg"]
        let listing = FolderListing(names)
        let answers = Locked<[String?]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let exact = listing.contains("Ünïcode-\(index).PNG")
            let folded = listing.name(matchingIgnoringCase: "ünïcode-\(index).png")
            answers.withLock { $0.append(exact ? folded : nil) }
        }
        let expected = (0..<64).map { Optional("Ünïcode-\($0).PNG") }
        #expect(answers.withLock { $0 }.compactMap { $0 }.sorted() == expected.compactMap { $0 }.sorted())
    }
}
