import Foundation

/// A folder's names, indexed so that asking whether a name is there, exactly or in other letter
/// case, costs a hash lookup however many files the folder holds. Whether a name is there and what
/// it is come from one look-up, and the whole index sits behind one reference, so a copy of a
/// listing costs one retain.
///
/// Image folders hold thousands of names and every image of every post asks about one. The names
/// are kept as their bytes in one buffer, as the folder gave them (a `String` per name is made
/// only if `names` is asked for), and when every name is ASCII (nearly always) they are found by
/// their bytes (`ASCIINameTable`): for ASCII names equal bytes are exactly equal strings, and
/// neither building the index nor asking it makes or hashes a `String`. Otherwise names are
/// compared as `String`s compare them (canonical equivalence).
public struct FolderListing: Sendable {
    /// What a listed name is, as far as the listing knows.
    public enum Entry: UInt8, Sendable {
        case file, directory
        /// A link, an entry of unknown type, or a name given alone: its kind needs a `stat`.
        case unknown
    }

    /// A listing built a name at a time from a folder's entries, each name's bytes copied into
    /// one buffer: no `String` is made for a name until one is asked for.
    public struct Builder {
        fileprivate var bytes: [UInt8] = []
        fileprivate var ends: [UInt32] = []
        fileprivate var entries: [Entry] = []

        public init() {}

        /// Adds a name; false, and nothing added, once the names pass 4 GB.
        @discardableResult
        public mutating func add(_ name: UnsafeBufferPointer<UInt8>, _ entry: Entry) -> Bool {
            guard bytes.count + name.count <= Int(UInt32.max) else { return false }
            bytes.append(contentsOf: name)
            ends.append(UInt32(bytes.count))
            entries.append(entry)
            return true
        }

        public func build() -> FolderListing {
            FolderListing(index: Index(bytes: bytes, ends: ends, entries: entries))
        }
    }

    fileprivate final class Index: Sendable {
        /// What is made on first use, by whichever thread asks first.
        private struct Made: Sendable {
            var names: [String]?
            /// The names' positions by `String` equality: made at once when some name is not
            /// ASCII, otherwise for the first question that is not ASCII (it may still be
            /// equivalent to an ASCII name: the Kelvin sign and `K` are the same string).
            var stringPositions: [String: Int]?
            /// Lower-cased name → the first name, in sorted order, that lower-cases to it; built
            /// when first needed (only a name that is not there needs it).
            var folded: FoldedNames?
        }

        /// Every name's bytes, one after another; name `i` ends at `ends[i]`.
        let bytes: [UInt8]
        let ends: [UInt32]
        /// What each name is, at the name's position.
        let entries: [Entry]
        /// The names' positions by their bytes, when every name is ASCII.
        let byBytes: ASCIINameTable?
        private let made = Locked(Made())

        init(bytes: [UInt8], ends: [UInt32], entries: [Entry]) {
            self.bytes = bytes
            self.ends = ends
            self.entries = entries
            byBytes =
                bytes.withUnsafeBufferPointer { ByteScanning.isASCII($0) }
                ? ASCIINameTable(bytes: bytes, ends: ends) : nil
        }

        var count: Int { ends.count }

        /// The bytes of the name at `position`.
        func range(at position: Int) -> Range<Int> {
            (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
        }

        /// The names as strings, made on first use.
        var names: [String] {
            made.withLock { names(in: &$0) }
        }

        private func names(in made: inout Made) -> [String] {
            if let names = made.names { return names }
            let names = bytes.withUnsafeBufferPointer { buffer in
                (0..<count).map { FileNameBytes.string(UnsafeBufferPointer(rebasing: buffer[range(at: $0)])) }
            }
            made.names = names
            return names
        }

        func position(of name: String) -> Int? {
            var bytesOfName = name
            return bytesOfName.withUTF8 { position(ofUTF8: $0, orString: name) }
        }

        func position(ofUTF8 name: UnsafeBufferPointer<UInt8>, orString string: String? = nil) -> Int? {
            if let byBytes, ByteScanning.isASCII(name) {
                return bytes.withUnsafeBufferPointer { byBytes.position(of: name, in: $0, ends: ends) }
            }
            let question = string ?? String(decoding: name, as: UTF8.self)
            return made.withLock { made in
                if let positions = made.stringPositions { return positions[question] }
                var positions: [String: Int] = [:]
                let names = names(in: &made)
                positions.reserveCapacity(names.count)
                for (position, name) in names.enumerated() where positions[name] == nil {
                    positions[name] = position
                }
                made.stringPositions = positions
                return positions[question]
            }
        }

        var folded: FoldedNames {
            made.withLock { made in
                if let folded = made.folded { return folded }
                let folded = FoldedNames(names(in: &made))
                made.folded = folded
                return folded
            }
        }
    }

    private let index: Index

    private init(index: Index) {
        self.index = index
    }

    /// The names as the folder lists them.
    public var names: [String] { index.names }

    /// A listing of names alone: `kind(of:)` answers nil.
    public init(_ names: [String]) {
        self.init(names, entries: Array(repeating: .unknown, count: names.count))
    }

    /// A listing with the entry types the folder gave: `directories` are folders, `unresolved`
    /// are links or of unknown type, every other name is a file.
    public init(_ names: [String], directories: Set<String>, unresolved: Set<String>) {
        let entries = names.map { name -> Entry in
            if !unresolved.isEmpty, unresolved.contains(name) { return .unknown }
            if !directories.isEmpty, directories.contains(name) { return .directory }
            return .file
        }
        self.init(names, entries: entries)
    }

    private init(_ names: [String], entries: [Entry]) {
        var builder = Builder()
        for (name, entry) in zip(names, entries) {
            var name = name
            name.withUTF8 { _ = builder.add($0, entry) }
        }
        self = builder.build()
    }

    /// The names `include` accepts (given each name's bytes and what it is), in byte order, with
    /// what each is: sorted on their bytes, so a `String` is made only for the names kept.
    public func sortedEntries(where include: (UnsafeBufferPointer<UInt8>, Entry) -> Bool)
        -> [(name: String, entry: Entry)]
    {
        index.bytes.withUnsafeBufferPointer { buffer in
            func name(_ position: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: buffer[index.range(at: position)])
            }
            var kept = (0..<index.count).filter { include(name($0), index.entries[$0]) }
            kept.sort { ByteScanning.precedes(name($0), name($1)) }
            return kept.map { (FileNameBytes.string(name($0)), index.entries[$0]) }
        }
    }

    /// How many names the folder holds.
    public var count: Int { index.count }

    public func contains(_ name: String) -> Bool {
        index.position(of: name) != nil
    }

    /// `contains(_:)` for a name given as its UTF-8 bytes, without making a `String` of them when
    /// they are ASCII.
    public func contains(utf8 name: UnsafeBufferPointer<UInt8>) -> Bool {
        index.position(ofUTF8: name) != nil
    }

    /// What `name` is, when the listing knows: nil for a name not listed, a link, an entry of
    /// unknown type, or a listing built from names alone.
    public func kind(of name: String) -> FileKind? {
        kind(at: index.position(of: name))
    }

    /// `kind(of:)` for a name given as its UTF-8 bytes, without making a `String` of them when
    /// they are ASCII.
    public func kind(ofUTF8 name: UnsafeBufferPointer<UInt8>) -> FileKind? {
        kind(at: index.position(ofUTF8: name))
    }

    private func kind(at position: Int?) -> FileKind? {
        guard let position else { return nil }
        switch index.entries[position] {
        case .file: return .file
        case .directory: return .directory
        case .unknown: return nil
        }
    }

    /// The name on disk that differs from `name` only in letter case (nil when none, or when
    /// `name` itself is there).
    public func name(matchingIgnoringCase name: String) -> String? {
        if contains(name) { return nil }
        return index.folded.name(foldedTo: name.lowercased())
    }
}

/// The positions of a listing's ASCII names in an open-addressing table keyed by their bytes: a
/// question costs hashing its bytes and, nearly always, one comparison. The hash is the standard
/// library's `Hasher`, seeded per process as `Dictionary`'s is, so names chosen to collide cannot
/// be prepared in advance; the table is at most half full.
private struct ASCIINameTable: Sendable {
    /// Position + 1 of the name in each slot; 0 for an empty slot.
    private let slots: [Int32]
    /// The hash of the name in each slot, compared before the bytes are.
    private let hashes: [Int]
    private let mask: Int

    /// The table of the ASCII names in `bytes`, name `i` ending at `ends[i]` (nil when there are
    /// too many to number with 32 bits).
    init?(bytes: [UInt8], ends: [UInt32]) {
        guard ends.count < Int(Int32.max) / 2 else { return nil }
        var capacity = 16
        while capacity < ends.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var hashes = [Int](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for (position, end) in ends.enumerated() {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: buffer[start..<Int(end)]))
                start = Int(end)
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(position + 1)
                hashes[slot] = hash
            }
        }
        self.slots = slots
        self.hashes = hashes
        self.mask = mask
    }

    /// The position of the name spelled by `name` among those the table was made of (`bytes`,
    /// `ends`).
    func position(of name: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, ends: [UInt32]) -> Int? {
        let hash = Self.hash(name)
        var slot = hash & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if hashes[slot] == hash {
                let start = position == 0 ? 0 : Int(ends[position - 1])
                if ByteScanning.equal(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[position])]), name) {
                    return position
                }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}

/// The lower-cased index of a listing's names, built on first use by whichever thread asks. Most
/// listings are asked about a missing name once or twice in a run (a broken image), and building
/// the table lower-cases and hashes every name. So questions are first answered by going through
/// the names with their lengths at hand (an ASCII name of another length than the question cannot
/// match it, so nearly every name costs one comparison), and the table is built for a listing
/// asked often.
private final class FoldedNames: Sendable {
    static let scansBeforeTable = 32

    private enum Lookup: Sendable {
        /// Questions answered by going through the names so far, and each name's length in bytes
        /// when it is ASCII (-1 when it is not), made on the first question.
        case scanning(scans: Int, asciiLengths: [Int]?)
        case table([String: String])
    }

    private let names: [String]
    private let lookup = Locked(Lookup.scanning(scans: 0, asciiLengths: nil))

    init(_ names: [String]) {
        self.names = names
    }

    func name(foldedTo key: String) -> String? {
        enum Next { case answer(String?), scan([Int]) }
        let next: Next = lookup.withLock { lookup in
            switch lookup {
            case .table(let table):
                return .answer(table[key])
            case .scanning(let scans, let known) where scans < Self.scansBeforeTable:
                let lengths = known ?? names.map(Self.asciiLength)
                lookup = .scanning(scans: scans + 1, asciiLengths: lengths)
                return .scan(lengths)
            case .scanning:
                var built: [String: String] = [:]
                built.reserveCapacity(names.count)
                for name in names {
                    let folded = name.lowercased()
                    if let existing = built[folded], existing <= name { continue }
                    built[folded] = name
                }
                lookup = .table(built)
                return .answer(built[key])
            }
        }
        switch next {
        case .answer(let name): return name
        case .scan(let lengths): return scan(for: key, asciiLengths: lengths)
        }
    }

    /// The answer the table gives, found by going through the names.
    private func scan(for key: String, asciiLengths: [Int]) -> String? {
        let keyBytes = Array(key.utf8)
        let keyIsASCII = keyBytes.allSatisfy { $0 < 0x80 }
        var found: String?
        for index in names.indices {
            let length = asciiLengths[index]
            if keyIsASCII, length >= 0, length != keyBytes.count { continue }
            let name = names[index]
            let matches = keyIsASCII && length >= 0 ? Self.lowerCases(name, toASCII: keyBytes) : name.lowercased() == key
            guard matches else { continue }
            if let existing = found, existing <= name { continue }
            found = name
        }
        return found
    }

    /// The length in bytes of an ASCII name; -1 for any other (the Kelvin sign lower-cases to `k`,
    /// so a name that is not ASCII may match a question that is).
    private static func asciiLength(_ name: String) -> Int {
        let length = name.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 >= 0x80 } ? -1 : bytes.count
        }
        return length ?? (name.utf8.allSatisfy { $0 < 0x80 } ? name.utf8.count : -1)
    }

    /// Whether the ASCII `name` lower-cases to `key` (ASCII, lower case, as long).
    private static func lowerCases(_ name: String, toASCII key: [UInt8]) -> Bool {
        zip(name.utf8, key).allSatisfy { byte, keyByte in
            (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == keyByte
        }
    }
}
