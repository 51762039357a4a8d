/// What a rule may know beyond the document and its own options (given at construction): the
/// site's field names and a read-only view of the file system (substituted in tests and in the
/// language server).
public struct RuleContext: Sendable {
    public var fieldNames: FieldNames
    public var fileSystem: any FileSystemView
    /// Folders that root-relative paths (`/images/a.png`) resolve against.
    public var siteRoots: [String]
    /// How the site's generator makes heading ids (`#fragment` checks use it).
    public var anchorStyle: AnchorStyle
    /// The routes of the site the post belongs to, when one is detected or configured; nil for
    /// plain folders of files (root-relative links are then not checked unless site roots are
    /// configured).
    public var routes: (any RouteResolving)?

    public init(
        fieldNames: FieldNames = FieldNames(), fileSystem: any FileSystemView = NoFileSystem(),
        siteRoots: [String] = [], anchorStyle: AnchorStyle = .github, routes: (any RouteResolving)? = nil
    ) {
        self.fieldNames = fieldNames
        self.fileSystem = fileSystem
        self.siteRoots = siteRoots
        self.anchorStyle = anchorStyle
        self.routes = routes
    }
}

/// The front matter field names a site uses for the canonical fields rules talk about (some sites
/// say `description` or `summary` for the excerpt, `tags` for keywords).
public struct FieldNames: Sendable, Hashable {
    public var names: [String: String]

    public static let canonical = ["title", "slug", "excerpt", "keywords"]

    public init(_ names: [String: String] = [:]) {
        self.names = names
    }

    /// The site's name for the canonical field `field` (the canonical name itself by default).
    public func name(of field: String) -> String {
        names[field] ?? field
    }
}

/// A read-only view of files, for rules that look outside the document.
public protocol FileSystemView: Sendable {
    /// What is at `path`: nothing, a file or a folder.
    func kind(of path: String) -> FileKind
    /// The names in a folder (for letter-case checks), or nil when it cannot be read.
    func entries(of directory: String) -> [String]?
    /// The names in a folder, indexed for lookups, or nil when it cannot be read. Views that cache
    /// build it once per folder; the default builds it from `entries(of:)` on every call.
    func listing(of directory: String) -> FolderListing?
    /// `listing(of:)` for a folder whose path is given as its UTF-8 bytes: a view that remembers
    /// listings may answer without making the path's string (the default makes it).
    func listing(ofPath path: UnsafeBufferPointer<UInt8>) -> FolderListing?
}

extension FileSystemView {
    public func listing(of directory: String) -> FolderListing? {
        entries(of: directory).map(FolderListing.init)
    }

    public func listing(ofPath path: UnsafeBufferPointer<UInt8>) -> FolderListing? {
        listing(of: String(decoding: path, as: UTF8.self))
    }
}

public enum FileKind: Sendable, Equatable {
    case missing, file, directory
}

/// A file system with nothing in it.
public struct NoFileSystem: FileSystemView {
    public init() {}
    public func kind(of path: String) -> FileKind { .missing }
    public func entries(of directory: String) -> [String]? { nil }
}
