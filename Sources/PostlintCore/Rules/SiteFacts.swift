/// Every post's facts for one site rule, as the rule judges them: a random-access collection of
/// `SiteFact` that decodes a fact only when it is read, from a compact store and the run's table
/// of post paths (shared by every rule's facts, never copied per rule).
///
/// Reading an element builds its path and value strings; a rule that looks at many facts but
/// keeps few reads the parts it needs instead (`key(at:)`, `withValueBytes(at:_:)`,
/// `samePath(_:_:)`), so judging 100,000 posts does not first build 100,000 values.
public struct SiteFacts: RandomAccessCollection, Sendable {
    private let store: SiteFactStore
    private let paths: PathTable

    /// The facts of `store`, whose path indices point into `paths`.
    package init(_ store: SiteFactStore, paths: PathTable) {
        self.store = store
        self.paths = paths
    }

    /// Facts given as values (a test's, or an editor's few posts), kept in their order.
    public init(_ facts: some Sequence<SiteFact>) {
        var paths = PathTable()
        var store = SiteFactStore()
        for fact in facts {
            if paths.isEmpty || !paths.path(at: paths.count - 1, equals: fact.path) { paths.append(fact.path) }
            store.append(fact, path: paths.count - 1)
        }
        self.init(store, paths: paths)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { store.count }

    public subscript(position: Int) -> SiteFact {
        if let fact = store.overflowFact(at: position) { return fact }
        let (start, end) = store.locations(at: position)
        return SiteFact(
            path: path(at: position), key: key(at: position), value: value(at: position),
            start: start, end: end)
    }

    /// The path of the post the fact at `position` is about.
    public func path(at position: Int) -> String {
        if let fact = store.overflowFact(at: position) { return fact.path }
        return paths[store.pathIndex(at: position)]
    }

    /// The fact's key (its kind: "slug", "title"); the store's own string, so reading it costs nothing.
    public func key(at position: Int) -> String {
        store.key(at: position)
    }

    /// The fact's value, as a new string.
    public func value(at position: Int) -> String {
        withValueBytes(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// Where the fact is in its post.
    public func locations(at position: Int) -> (start: SourceLocation, end: SourceLocation) {
        store.locations(at: position)
    }

    /// Calls `body` with the UTF-8 bytes of the fact's value, without building a string.
    public func withValueBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result)
        rethrows -> Result
    {
        try store.withValueBytes(at: position, body)
    }

    /// Whether the facts at `first` and `second` are about posts with one path.
    public func samePath(_ first: Int, _ second: Int) -> Bool {
        switch (store.overflowFact(at: first), store.overflowFact(at: second)) {
        case (nil, nil):
            return paths.pathsEqual(store.pathIndex(at: first), store.pathIndex(at: second))
        case (let fact?, nil):
            return paths.path(at: store.pathIndex(at: second), equals: fact.path)
        case (nil, let fact?):
            return paths.path(at: store.pathIndex(at: first), equals: fact.path)
        case (let left?, let right?):
            return left.path == right.path
        }
    }
}

/// One site rule's facts from every post, kept compactly until the rule judges them (through
/// `SiteFacts`). Per fact: eight bytes (the post's index in the run's path table, and where the
/// fact's bytes end), then in one byte arena the key's index, the two locations (variable-length
/// numbers: a byte each for the usual small lines and columns) and the value's bytes. A fact of
/// a 30-byte title costs about 43 bytes, where a `SiteFact` with its strings costs over 150.
package struct SiteFactStore: Sendable {
    private struct Record: Sendable {
        /// The post's path, by its index in the run's path table.
        var path: UInt32
        /// Where the fact's bytes end in the arena; they start where the previous fact's end.
        var end: UInt32
    }

    private var records: [Record] = []
    private var arena: [UInt8] = []
    private var keys = InternedStrings()
    /// Facts past what 32-bit offsets reach (an arena beyond 4 GB), kept as values after the
    /// compact ones.
    private var overflow: [SiteFact] = []

    package init() {}

    package var count: Int { records.count + overflow.count }
    /// The bytes the compact facts take in the arena (for estimating a run's need).
    package var byteCount: Int { arena.count }

    /// Makes room for `facts` more facts of `bytes` arena bytes in all.
    package mutating func reserveCapacity(facts: Int, bytes: Int) {
        records.reserveCapacity(records.count + facts)
        arena.reserveCapacity(arena.count + bytes)
    }

    /// Adds `fact`, about the post whose path has index `path` in the run's path table.
    package mutating func append(_ fact: SiteFact, path: Int) {
        var value = fact.value
        value.withUTF8 { append(key: fact.key, start: fact.start, end: fact.end, value: $0, path: path, fact: fact) }
    }

    /// Adds a fact given by its parts (its value as bytes: a fact kept in a cache is added
    /// without building its strings), about the post whose path has index `path` in the run's
    /// path table; `pathString` names it when it must be kept as a value (past 4 GB).
    package mutating func append(
        key: String, start: SourceLocation, end: SourceLocation, value: UnsafeBufferPointer<UInt8>, path: Int,
        pathString: @autoclosure () -> String
    ) {
        append(
            key: key, start: start, end: end, value: value, path: path,
            fact: SiteFact(
                path: pathString(), key: key, value: String(decoding: value, as: UTF8.self), start: start, end: end))
    }

    private mutating func append(
        key: String, start location: SourceLocation, end: SourceLocation, value: UnsafeBufferPointer<UInt8>,
        path: Int, fact: @autoclosure () -> SiteFact
    ) {
        let start = arena.count
        // Five numbers of up to five bytes each, then the value.
        let most = 25 + value.count
        guard overflow.isEmpty, start + most <= Int(UInt32.max), let pathIndex = UInt32(exactly: path),
            let startLine = UInt32(exactly: location.line), let startColumn = UInt32(exactly: location.column),
            let endLine = UInt32(exactly: end.line), let endColumn = UInt32(exactly: end.column)
        else {
            overflow.append(fact())
            return
        }
        let keyIndex = keys.index(of: key)
        arena.reserveGently(forAdding: most)
        records.reserveGently(forAdding: 1)
        appendNumber(UInt32(keyIndex))
        appendNumber(startLine)
        appendNumber(startColumn)
        appendNumber(endLine)
        appendNumber(endColumn)
        arena.append(contentsOf: value)
        records.append(Record(path: pathIndex, end: UInt32(arena.count)))
    }

    // MARK: Reading (through SiteFacts)

    /// The fact at `position` when it is one kept as a value.
    func overflowFact(at position: Int) -> SiteFact? {
        position < records.count ? nil : overflow[position - records.count]
    }

    /// The path table index of a compact fact.
    func pathIndex(at position: Int) -> Int {
        Int(records[position].path)
    }

    func key(at position: Int) -> String {
        if let fact = overflowFact(at: position) { return fact.key }
        var offset = start(of: position)
        return keys[Int(readNumber(at: &offset))]
    }

    func locations(at position: Int) -> (start: SourceLocation, end: SourceLocation) {
        if let fact = overflowFact(at: position) { return (fact.start, fact.end) }
        var offset = start(of: position)
        _ = readNumber(at: &offset)
        let startLine = readNumber(at: &offset)
        let startColumn = readNumber(at: &offset)
        let endLine = readNumber(at: &offset)
        let endColumn = readNumber(at: &offset)
        return (
            SourceLocation(line: Int(startLine), column: Int(startColumn)),
            SourceLocation(line: Int(endLine), column: Int(endColumn))
        )
    }

    func withValueBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        if let fact = overflowFact(at: position) {
            var value = fact.value
            return try value.withUTF8(body)
        }
        var offset = start(of: position)
        for _ in 0..<5 { _ = readNumber(at: &offset) }
        let end = Int(records[position].end)
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset..<end])) }
    }

    // MARK: Encoding

    private func start(of position: Int) -> Int {
        position == 0 ? 0 : Int(records[position - 1].end)
    }

    /// Seven bits a byte, low bits first; the high bit says another byte follows.
    private mutating func appendNumber(_ number: UInt32) {
        var rest = number
        while rest >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        arena.append(UInt8(rest))
    }

    /// The number `appendNumber` wrote at `offset` (the findings' variable-length numbers, read
    /// as they are read).
    private func readNumber(at offset: inout Int) -> UInt32 {
        UInt32(truncatingIfNeeded: CompactFindings.number(in: arena, at: &offset))
    }
}
