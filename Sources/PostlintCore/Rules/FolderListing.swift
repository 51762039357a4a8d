/// A folder's names, indexed so that asking whether a name is there, exactly or in other letter
/// case, costs a hash lookup however many files the folder holds.
public struct FolderListing: Sendable {
    /// The names as the folder lists them.
    public let names: [String]
    private let exact: Set<String>
    /// Lower-cased name → the first name, in sorted order, that lower-cases to it.
    private let folded: [String: String]

    public init(_ names: [String]) {
        self.names = names
        exact = Set(names)
        var folded: [String: String] = [:]
        folded.reserveCapacity(names.count)
        for name in names {
            let key = name.lowercased()
            if let existing = folded[key], existing <= name { continue }
            folded[key] = name
        }
        self.folded = folded
    }

    public func contains(_ name: String) -> Bool {
        exact.contains(name)
    }

    /// The name on disk that differs from `name` only in letter case (nil when none, or when
    /// `name` itself is there).
    public func name(matchingIgnoringCase name: String) -> String? {
        if exact.contains(name) { return nil }
        return folded[name.lowercased()]
    }
}
