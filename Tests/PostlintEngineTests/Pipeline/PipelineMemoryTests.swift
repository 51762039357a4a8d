import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The parts of the pipeline that keep memory independent of the number of posts beyond what a
/// run must keep per post: the bounded cache of folder listings, the ordered work queue's reorder
/// window, the gatherer's facts filed under one shared path table, and candidates kept as path
/// bytes that share their folder's absolute path.
@Suite struct PipelineMemoryTests {
    @Test func aBoundedCacheForgetsWhatWasNotUsedForLongest() {
        var cache = BoundedCache<Int>(limit: 3)
        cache.insert(1, for: "a", weight: 1)
        cache.insert(2, for: "b", weight: 1)
        cache.insert(3, for: "c", weight: 1)
        // Every entry is marked as used when it comes in: the clock clears the marks, then
        // forgets the oldest.
        cache.insert(4, for: "d", weight: 1)
        #expect(cache.count == 3)
        #expect(cache.value(for: "a") == nil)
        // "b" is used now, so "c" goes first.
        #expect(cache.value(for: "b") == 2)
        cache.insert(5, for: "e", weight: 1)
        #expect(cache.value(for: "b") == 2)
        #expect(cache.value(for: "c") == nil)
        #expect(cache.value(for: "e") == 5)
    }

    @Test func aBoundedCacheKeepsItsNewestEntryHoweverHeavy() {
        var cache = BoundedCache<String>(limit: 10)
        cache.insert("small", for: "a", weight: 2)
        cache.insert("huge", for: "b", weight: 50)
        #expect(cache.count == 1)
        #expect(cache.value(for: "b") == "huge")
        cache.insert("again", for: "c", weight: 1)
        #expect(cache.value(for: "c") == "again")
        #expect(cache.value(for: "b") == nil)
    }

    @Test func aBoundedCacheStaysWithinItsLimitOverManyInsertions() {
        var cache = BoundedCache<Int>(limit: 100)
        for index in 0..<10_000 {
            cache.insert(index, for: "key-\(index)", weight: 1 + index % 3)
            if index % 7 == 0 { _ = cache.value(for: "key-\(index / 2)") }
        }
        #expect(cache.count <= 100)
        #expect(cache.value(for: "key-9999") == 9_999)
    }

    @Test func theWorkQueueDeliversInOrderAndNeverRunsAheadOfItsWindow() {
        let count = 2_000
        let window = 8
        let delivered = DeliveryLog()
        let queue = OrderedWorkQueue<Int, (Int, FileResult)>(items: Array(0..<count), window: window) { index, result in
            delivered.record(index, findings: result.findings.count)
        }
        let handedOut = DeliveryLog()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            while let (sequence, index) = queue.nextItem() {
                handedOut.noteAhead(sequence - delivered.count)
                // Uneven work, so results arrive out of order.
                if (index + worker) % 5 == 0 { usleep(50) }
                var result = FileResult()
                result.findings = Array(
                    repeating: Finding(
                        path: "p", start: SourceLocation(line: 1, column: 1),
                        end: SourceLocation(line: 1, column: 1), ruleID: "r",
                        severity: .error, message: "m"), count: index % 3)
                queue.finish(sequence, with: (index, result))
            }
        }
        #expect(delivered.indices == Array(0..<count))
        #expect(delivered.findingCounts == (0..<count).map { $0 % 3 })
        #expect(handedOut.maximumAhead < window)
        #expect(queue.fatalError == nil)
    }

    /// Items made a batch at a time by the workers themselves (as the discovery's folders are):
    /// one worker at a time runs the producer, never while enough items are ready, and every item
    /// is delivered once, in the order made, batches empty or not.
    @Test func theWorkQueueStepsItsProducerOneWorkerAtATime() {
        // Each of the 4 workers may have taken an item it has not noted yet: the producer is
        // wrongly run only with 4 + 4 items untaken.
        let producer = BatchProducer(batchSizes: (0..<300).map { [0, 1, 7, 40, 0, 3][$0 % 6] }, lowWater: 4 + 4)
        let delivered = DeliveryLog()
        let queue = OrderedWorkQueue<Int, Int>(window: 16, lowWater: 4, produce: producer.next) { index in
            delivered.record(index, findings: 0)
        }
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            while let (sequence, item) = queue.nextItem() {
                producer.noteTaken()
                if (item + worker) % 7 == 0 { usleep(20) }
                queue.finish(sequence, with: item)
            }
        }
        #expect(delivered.indices == Array(0..<producer.total))
        #expect(producer.total == 50 * 51)
        #expect(!producer.ranConcurrently)
        #expect(!producer.ranWithEnoughReady)
        #expect(queue.fatalError == nil)
    }

    @Test func aFailedWorkerStopsTheQueueWithoutDeadlock() {
        let queue = OrderedWorkQueue<Int, FileResult>(items: Array(0..<1_000), window: 4) { _ in }
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            while let (sequence, index) = queue.nextItem() {
                if index == 10 {
                    queue.fail(PostlintError(path: "x.md", message: "broken"))
                } else {
                    queue.finish(sequence, with: FileResult())
                }
            }
        }
        #expect(queue.fatalError?.message == "broken")
    }

    @Test func aFailingProducerStopsTheQueueWithoutDeadlock() {
        let steps = Counter()
        let queue = OrderedWorkQueue<Int, Int>(
            window: 4, lowWater: 2,
            produce: { () throws(PostlintError) -> [Int]? in
                guard steps.increment() < 5 else { throw PostlintError(path: ".postlint.yml", message: "bad") }
                return [1, 2, 3]
            }, deliver: { _ in })
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            while let (sequence, item) = queue.nextItem() { queue.finish(sequence, with: item) }
        }
        #expect(queue.fatalError?.message == "bad")
    }

    /// The gatherer files every rule's facts under the index of the post's path in the run's one
    /// table, and hands each rule a view of them over that table.
    @Test func gatheredFactsReferToTheRunsPathTable() {
        let paths = PathTable(["a.md", "posts/b.md", "posts/c.md"])
        let gatherer = ResultGatherer(paths: paths, problems: [], options: LintOptions())
        let location = SourceLocation(line: 2, column: 8)
        for (file, title) in [(2, "Tea"), (0, "Coffee"), (1, "Tea")] {
            var result = FileResult()
            result.checked = file != 1
            result.facts = [
                (
                    "duplicate-title",
                    SiteFact(
                        path: paths[file], key: "title", value: title, start: location,
                        end: location)
                )
            ]
            gatherer.gather(result, ofFile: file)
        }
        #expect(gatherer.paths == paths)
        let facts = gatherer.takeFacts(of: "duplicate-title")
        #expect(
            facts.map(Array.init) == [
                SiteFact(path: "posts/c.md", key: "title", value: "Tea", start: location, end: location),
                SiteFact(path: "a.md", key: "title", value: "Coffee", start: location, end: location),
                SiteFact(path: "posts/b.md", key: "title", value: "Tea", start: location, end: location),
            ])
        #expect(gatherer.takeFacts(of: "duplicate-title") == nil)
        // Only the files checked are listed, in path order; the one read for its facts is not.
        #expect(gatherer.checkedFilesInPathOrder() == ["a.md", "posts/c.md"])
    }

    /// A fact about some other path than its document's (no built-in rule gives one) keeps its path.
    @Test func aFactAboutAnotherPathKeepsItsPath() {
        let gatherer = ResultGatherer(paths: PathTable(["a.md"]), problems: [], options: LintOptions())
        let location = SourceLocation(line: 1, column: 1)
        var result = FileResult()
        result.checked = true
        result.facts = [
            ("r", SiteFact(path: "elsewhere.md", key: "k", value: "v", start: location, end: location)),
            ("r", SiteFact(path: "a.md", key: "k", value: "w", start: location, end: location)),
        ]
        gatherer.gather(result, ofFile: 0)
        #expect(gatherer.takeFacts(of: "r").map { $0.map(\.path) } == ["elsewhere.md", "a.md"])
        #expect(gatherer.checkedFilesInPathOrder() == ["a.md"])
    }

    /// A run that finds its files as it goes gives the gatherer each file's path with its result:
    /// the gatherer's own table grows with them, and facts and files checked refer to the right paths.
    @Test func filesGatheredByPathBuildTheTable() {
        let count = 3_000
        let gatherer = ResultGatherer(paths: PathTable(), problems: [], options: LintOptions())
        let location = SourceLocation(line: 2, column: 8)
        for file in 0..<count {
            var result = FileResult()
            result.checked = file % 3 != 1
            let path = "posts/post-\(count - file).md"
            result.facts = [
                (
                    "duplicate-slug",
                    SiteFact(
                        path: path, key: "slug", value: "slug-\(file % 1_000)",
                        start: location, end: location)
                )
            ]
            gatherer.gather(result, path: path)
        }
        #expect(gatherer.paths.count == count)
        let facts = gatherer.takeFacts(of: "duplicate-slug")
        #expect(facts?.count == count)
        #expect(
            facts?[count - 1]
                == SiteFact(
                    path: "posts/post-1.md", key: "slug",
                    value: "slug-\((count - 1) % 1_000)", start: location, end: location))
        let checked = gatherer.checkedFilesInPathOrder()
        #expect(checked.count == 2_000)
        #expect(checked == checked.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(!checked.contains("posts/post-\(count - 1).md"))
    }

    @Test func filesFoundBelowAFolderKnowTheirAbsolutePaths() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md", "x\n")
        try folder.write("site/posts/b.md", "x\n")
        for given in ["site", "site/", "./site"] {
            var discovery = FileDiscovery(workingDirectory: folder.path)
            discovery.add(given)
            #expect(discovery.candidates.map(\.displayPath) == ["site/a.md", "site/posts/b.md"])
            #expect(discovery.candidates.map(\.absolutePath) == [folder.path + "/site/a.md", folder.path + "/site/posts/b.md"])
        }
        var fromInside = FileDiscovery(workingDirectory: folder.path + "/site")
        fromInside.add(".")
        #expect(fromInside.candidates.map(\.displayPath) == ["a.md", "posts/b.md"])
        #expect(fromInside.candidates.map(\.absolutePath) == [folder.path + "/site/a.md", folder.path + "/site/posts/b.md"])
    }

    @Test func overlappingPathsFindEachFileOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md", "x\n")
        try folder.write("site/posts/b.md", "x\n")
        var discovery = FileDiscovery(workingDirectory: folder.path)
        discovery.add("site/posts/b.md")
        discovery.add("site")
        discovery.add("site/posts")
        #expect(discovery.candidates.map(\.displayPath) == ["site/posts/b.md", "site/a.md"])
        #expect(discovery.candidates.map(\.isExplicit) == [true, false])
        #expect(discovery.candidates.map(\.absolutePath) == [folder.path + "/site/posts/b.md", folder.path + "/site/a.md"])
    }

    /// Files named one by one, folders walked and folders with no posts, mixed: each file keeps
    /// the absolute path and explicitness of where it came from.
    @Test func eachCandidateKnowsWhereItCameFrom() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md", "x\n")
        try folder.write("site/posts/b.md", "x\n")
        try folder.write("empty/notes.txt", "x\n")
        try folder.write("other/c.md", "x\n")
        var discovery = FileDiscovery(workingDirectory: folder.path)
        discovery.add("other/c.md")
        discovery.add("empty")
        discovery.add(folder.path + "/site/")
        discovery.add("./other")
        let candidates = discovery.candidates
        #expect(candidates.map(\.displayPath) == ["other/c.md", folder.path + "/site/a.md", folder.path + "/site/posts/b.md"])
        #expect(
            candidates.map(\.absolutePath) == [
                folder.path + "/other/c.md", folder.path + "/site/a.md",
                folder.path + "/site/posts/b.md",
            ])
        #expect(candidates.map(\.isExplicit) == [true, false, false])
        #expect(Array(candidates.displayPaths) == candidates.map(\.displayPath))
        #expect(discovery.problems.isEmpty)
    }
}

/// What a test's workers delivered, recorded under a lock.
private final class DeliveryLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var indices: [Int] = []
    private(set) var findingCounts: [Int] = []
    private(set) var maximumAhead = 0

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return indices.count
    }

    func record(_ index: Int, findings: Int) {
        lock.lock()
        indices.append(index)
        findingCounts.append(findings)
        lock.unlock()
    }

    func noteAhead(_ distance: Int) {
        lock.lock()
        maximumAhead = max(maximumAhead, distance)
        lock.unlock()
    }
}

/// Counts under a lock.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The count before this call.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// A producer of consecutive integers in batches of given sizes, noting whether it was ever run
/// by two workers at once, or while at least `lowWater` of its items were still untaken.
private final class BatchProducer: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [Int]
    private let lowWater: Int
    private var made = 0
    private var taken = 0
    private var running = false
    private(set) var ranConcurrently = false
    private(set) var ranWithEnoughReady = false

    init(batchSizes: [Int], lowWater: Int) {
        sizes = batchSizes.reversed()
        self.lowWater = lowWater
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return made
    }

    func noteTaken() {
        lock.lock()
        taken += 1
        lock.unlock()
    }

    func next() -> [Int]? {
        lock.lock()
        if running { ranConcurrently = true }
        if made - taken >= lowWater { ranWithEnoughReady = true }
        running = true
        lock.unlock()
        usleep(10)
        lock.lock()
        defer {
            running = false
            lock.unlock()
        }
        guard let size = sizes.popLast() else { return nil }
        let batch = Array(made..<(made + size))
        made += size
        return batch
    }
}

extension OrderedWorkQueue {
    /// A queue of the items of `items`, all made at once.
    convenience init(items: [Item], window: Int, deliver: @escaping (Output) -> Void) {
        let handOut = OneShot(items)
        self.init(window: window, lowWater: 1, produce: { handOut.take() }, deliver: deliver)
    }
}

/// Hands out its items once, then nil.
private final class OneShot<Item>: @unchecked Sendable {
    private var items: [Item]?

    init(_ items: [Item]) {
        self.items = items
    }

    /// Called by one worker at a time (the queue's producer), so it needs no lock.
    func take() -> [Item]? {
        defer { items = nil }
        return items
    }
}
