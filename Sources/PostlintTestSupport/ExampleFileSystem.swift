import PostlintCore

/// The files of a site rule's example under a made-up root, and the folders above them: what the
/// rule sees of the file system while its example is checked.
public struct ExampleFileSystem: FileSystemView {
    public static let root = "/example-site"

    private let files: Set<String>
    private let folders: Set<String>

    public init(_ example: SiteRuleExample) {
        files = Set(example.files.map { Self.root + "/" + $0.path })
        var folders: Set<String> = [Self.root]
        for file in files {
            var folder = Self.parent(of: file)
            while folder.count > Self.root.count, folders.insert(folder).inserted { folder = Self.parent(of: folder) }
        }
        self.folders = folders
    }

    public func kind(of path: String) -> FileKind {
        files.contains(path) ? .file : folders.contains(path) ? .directory : .missing
    }

    public func entries(of directory: String) -> [String]? {
        guard folders.contains(directory) else { return nil }
        let prefix = directory + "/"
        return files.union(folders).compactMap { path in
            guard path.hasPrefix(prefix) else { return nil }
            let name = path.dropFirst(prefix.count)
            return name.contains("/") ? nil : String(name)
        }.sorted()
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
