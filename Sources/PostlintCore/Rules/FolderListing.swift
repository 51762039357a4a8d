import Foundation

/// A folder's names, indexed so that asking whether a name is there, exactly or in other letter
/// case, costs a hash lookup however many files the folder holds. Whether a name is there and what
/// it is come from one table (one hash for an image found), and the whole index sits behind one
/// reference, so a copy of a listing costs one retain.
public struct FolderListing: Sendable {
    /// What a listed name is, as far as the listing knows.
    private enum Entry: Sendable {
        case file, directory
        /// A link, an entry of unknown type, or a name given alone: its kind needs a `stat`.
        case unknown
    }

    private final class Index: Sendable {
        let names: [String]
        let entries: [String: Entry]
        /// Lower-cased name → the first name, in sorted order, that lower-cases to it; built when
        /// first needed (only a name that is not there needs it).
        let folded: FoldedNames

        init(_ names: [String], entries: [String: Entry]) {
            self.names = names
            self.entries = entries
            folded = FoldedNames(names)
        }
    }

    private let index: Index

    /// The names as the folder lists them.
    public var names: [String] { index.names }

    /// A listing of names alone: `kind(of:)` answers nil.
    public init(_ names: [String]) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(names.count)
        for name in names { entries[name] = .unknown }
        index = Index(names, entries: entries)
    }

    /// A listing with the entry types the folder gave: `directories` are folders, `unresolved`
    /// are links or of unknown type, every other name is a file.
    public init(_ names: [String], directories: Set<String>, unresolved: Set<String>) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(names.count)
        for name in names {
            if !unresolved.isEmpty, unresolved.contains(name) {
                entries[name] = .unknown
            } else if !directories.isEmpty, directories.contains(name) {
                entries[name] = .directory
            } else {
                entries[name] = .file
            }
        }
        index = Index(names, entries: entries)
    }

    public func contains(_ name: String) -> Bool {
        index.entries[name] != nil
    }

    /// What `name` is, when the listing knows: nil for a name not listed, a link, an entry of
    /// unknown type, or a listing built from names alone.
    public func kind(of name: String) -> FileKind? {
        switch index.entries[name] {
        case .file: .file
        case .directory: .directory
        case .unknown, nil: nil
        }
    }

    /// The name on disk that differs from `name` only in letter case (nil when none, or when
    /// `name` itself is there).
    public func name(matchingIgnoringCase name: String) -> String? {
        if contains(name) { return nil }
        return index.folded.name(foldedTo: name.lowercased())
    }
}

/// The lower-cased index of a listing's names, built on first use by whichever thread asks. Most
/// listings are asked about a missing name once or twice in a run (a broken image), and building
/// the table lower-cases and hashes every name. So questions are first answered by going through
/// the names with their lengths at hand (an ASCII name of another length than the question cannot
/// match it, so nearly every name costs one comparison), and the table is built for a listing
/// asked often.
private final class FoldedNames: @unchecked Sendable {
    static let scansBeforeTable = 32

    private let lock = NSLock()
    private let names: [String]
    /// Each name's length in bytes when it is ASCII, -1 when it is not; made on the first question.
    private var asciiLengths: [Int]?
    private var table: [String: String]?
    private var scans = 0

    init(_ names: [String]) {
        self.names = names
    }

    func name(foldedTo key: String) -> String? {
        lock.lock()
        if let table {
            lock.unlock()
            return table[key]
        }
        if scans < Self.scansBeforeTable {
            scans += 1
            let lengths = asciiLengths ?? names.map(Self.asciiLength)
            asciiLengths = lengths
            lock.unlock()
            return scan(for: key, asciiLengths: lengths)
        }
        defer { lock.unlock() }
        var built: [String: String] = [:]
        built.reserveCapacity(names.count)
        for name in names {
            let folded = name.lowercased()
            if let existing = built[folded], existing <= name { continue }
            built[folded] = name
        }
        table = built
        asciiLengths = nil
        return built[key]
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
