import PostlintCore

/// A TOML table while `TOMLParser` reads the document: its entries in the order they were first
/// written, and how the table came to be, which decides what may still add to it.
///
/// TOML 1.0 defines a table once: by a header (`[a]`), by dotted keys (`a.b = 1` makes `a`), or
/// as an inline table (`a = { … }`, closed when written). A table that only lies on the way to
/// another (`a` in `[a.b]`) is implicit and may still be defined once. Dotted keys may extend the
/// tables they made only within the same table section (up to the next header). Inline tables and
/// arrays written as values are never extended, so they are kept as finished `FrontMatterNode`s.
final class TOMLTable {
    enum Definition: Equatable {
        /// Made on the way to a deeper header; may still be defined by a header or dotted keys.
        case implicit
        /// Defined by a `[header]` or as an element of `[[array of tables]]`.
        case header
        /// Made by dotted keys in the given table section.
        case dotted(section: Int)
    }

    /// What a key holds.
    enum Slot {
        /// A scalar, or an array or inline table: finished, never extended.
        case value(FrontMatterNode)
        case table(TOMLTable)
        case tables(TOMLTableArray)
    }

    struct Entry {
        var key: String
        var keyRange: ByteRange
        var slot: Slot
    }

    var definition: Definition
    /// Where the table starts (its header's `[`, or its key) and where its own text ends (the
    /// header's `]`); its node's range also covers every value under it.
    var start: Int
    var ownEnd: Int
    private(set) var entries: [Entry] = []
    /// Key bytes → entry index, built once a table has more entries than a scan should cover.
    private var lookup: [[UInt8]: Int]?

    private static let scanLimit = 16

    init(definition: Definition, start: Int, ownEnd: Int) {
        self.definition = definition
        self.start = start
        self.ownEnd = ownEnd
    }

    /// The index of the entry for `key`, compared by its bytes as TOML compares keys.
    func index(of key: String) -> Int? {
        if let lookup { return lookup[Array(key.utf8)] }
        return entries.firstIndex { $0.key.utf8.elementsEqual(key.utf8) }
    }

    func append(_ entry: Entry) {
        if lookup != nil {
            lookup?[Array(entry.key.utf8)] = entries.count
        } else if entries.count == Self.scanLimit {
            var index: [[UInt8]: Int] = [:]
            for (position, existing) in entries.enumerated() { index[Array(existing.key.utf8)] = position }
            index[Array(entry.key.utf8)] = entries.count
            lookup = index
        }
        entries.append(entry)
    }

    /// The finished tree: a mapping whose range runs from the table's start to the end of its
    /// last value.
    func node() -> FrontMatterNode {
        var finished: [FrontMatterEntry] = []
        finished.reserveCapacity(entries.count)
        var end = ownEnd
        for entry in entries {
            let value: FrontMatterNode
            switch entry.slot {
            case .value(let node): value = node
            case .table(let table): value = table.node()
            case .tables(let array): value = array.node()
            }
            end = max(end, value.range.upperBound)
            finished.append(FrontMatterEntry(key: entry.key, keyRange: entry.keyRange, value: value))
        }
        return FrontMatterNode(value: .mapping(finished), range: start..<end)
    }
}

/// The tables of one `[[array of tables]]`, one per header, in order.
final class TOMLTableArray {
    private(set) var tables: [TOMLTable]

    init(first: TOMLTable) {
        tables = [first]
    }

    /// The table the latest `[[header]]` opened: where deeper headers and keys go.
    var last: TOMLTable { tables[tables.count - 1] }

    func append(_ table: TOMLTable) {
        tables.append(table)
    }

    /// A sequence of the tables' mappings, each with its own range.
    func node() -> FrontMatterNode {
        let items = tables.map { $0.node() }
        let start = items.first?.range.lowerBound ?? 0
        let end = items.map(\.range.upperBound).max() ?? start
        return FrontMatterNode(value: .sequence(items), range: start..<end)
    }
}
