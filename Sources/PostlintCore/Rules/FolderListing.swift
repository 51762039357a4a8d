import Foundation

/// A folder's names, indexed so that asking whether a name is there, exactly or in other letter
/// case, costs a hash lookup however many files the folder holds.
public struct FolderListing: Sendable {
    /// The names as the folder lists them.
    public let names: [String]
    private let exact: Set<String>
    /// Lower-cased name → the first name, in sorted order, that lower-cases to it; built when
    /// first asked (only a name that is not there needs it).
    private let folded: FoldedNames
    /// Whether the kinds of the entries are known (from the folder listing's entry types).
    private let kindsKnown: Bool
    private let directories: Set<String>
    /// Links and entries of unknown type: their kind needs a `stat`.
    private let unresolved: Set<String>

    /// A listing of names alone: `kind(of:)` answers nil.
    public init(_ names: [String]) {
        self.init(names, directories: [], unresolved: [], kindsKnown: false)
    }

    /// A listing with the entry types the folder gave: `directories` are folders, `unresolved`
    /// are links or of unknown type, every other name is a file.
    public init(_ names: [String], directories: Set<String>, unresolved: Set<String>) {
        self.init(names, directories: directories, unresolved: unresolved, kindsKnown: true)
    }

    private init(_ names: [String], directories: Set<String>, unresolved: Set<String>, kindsKnown: Bool) {
        self.names = names
        self.directories = directories
        self.unresolved = unresolved
        self.kindsKnown = kindsKnown
        exact = Set(names)
        folded = FoldedNames(names)
    }

    public func contains(_ name: String) -> Bool {
        exact.contains(name)
    }

    /// What `name` is, when the listing knows: nil for a name not listed, a link, an entry of
    /// unknown type, or a listing built from names alone.
    public func kind(of name: String) -> FileKind? {
        guard kindsKnown, exact.contains(name), !unresolved.contains(name) else { return nil }
        return directories.contains(name) ? .directory : .file
    }

    /// The name on disk that differs from `name` only in letter case (nil when none, or when
    /// `name` itself is there).
    public func name(matchingIgnoringCase name: String) -> String? {
        if exact.contains(name) { return nil }
        return folded.name(foldedTo: name.lowercased())
    }
}

/// The lower-cased index of a listing's names, built once on first use by whichever thread asks.
private final class FoldedNames: @unchecked Sendable {
    private let lock = NSLock()
    private let names: [String]
    private var table: [String: String]?

    init(_ names: [String]) {
        self.names = names
    }

    func name(foldedTo key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let table { return table[key] }
        var built: [String: String] = [:]
        built.reserveCapacity(names.count)
        for name in names {
            let folded = name.lowercased()
            if let existing = built[folded], existing <= name { continue }
            built[folded] = name
        }
        table = built
        return built[key]
    }
}
