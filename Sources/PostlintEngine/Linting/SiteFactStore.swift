import PostlintCore

/// One site rule's facts from every post, kept compactly until the rule judges them: 32 bytes a
/// fact, the post's path as an index into the store's paths (shared with the file's own path
/// string), the key as an index into a few keys, and the value's bytes in one arena. A site of
/// 100,000 posts keeps its titles and slugs in a few megabytes rather than a heap object each.
struct SiteFactStore {
    private struct StoredFact {
        var path: UInt32
        var key: UInt8
        var valueOffset: UInt32
        var valueLength: UInt32
        var start: SourceLocation
        var end: SourceLocation
    }

    private var facts: [StoredFact] = []
    private var paths: [String] = []
    private var keys: [String] = []
    private var arena: [UInt8] = []
    /// Facts that do not fit the compact form (a key beyond 255 kinds, an arena past 4 GB).
    private var others: [SiteFact] = []

    var count: Int { facts.count + others.count }

    mutating func reserveCapacity(_ capacity: Int) {
        facts.reserveCapacity(capacity)
    }

    mutating func append(_ fact: SiteFact) {
        if paths.last != fact.path { paths.append(fact.path) }
        let key: Int
        if let index = keys.firstIndex(of: fact.key) {
            key = index
        } else {
            keys.append(fact.key)
            key = keys.count - 1
        }
        let length = fact.value.utf8.count
        guard key <= Int(UInt8.max), paths.count <= Int(UInt32.max), arena.count + length <= Int(UInt32.max) else {
            others.append(fact)
            return
        }
        let offset = arena.count
        arena.append(contentsOf: fact.value.utf8)
        facts.append(StoredFact(path: UInt32(paths.count - 1), key: UInt8(key), valueOffset: UInt32(offset),
                                valueLength: UInt32(length), start: fact.start, end: fact.end))
    }

    /// The facts as values, in the order they were appended (then any that did not fit).
    func siteFacts() -> [SiteFact] {
        var result: [SiteFact] = []
        result.reserveCapacity(count)
        arena.withUnsafeBufferPointer { bytes in
            for fact in facts {
                let start = Int(fact.valueOffset)
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + Int(fact.valueLength)]),
                                   as: UTF8.self)
                result.append(SiteFact(path: paths[Int(fact.path)], key: keys[Int(fact.key)], value: value,
                                       start: fact.start, end: fact.end))
            }
        }
        return result + others
    }
}
