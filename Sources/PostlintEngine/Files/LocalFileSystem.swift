#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PostlintCore

/// The real file system, read-only, for rules that look outside the document.
public struct LocalFileSystem: FileSystemView {
    public init() {}

    public func kind(of path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    public func entries(of directory: String) -> [String]? {
        listing(of: directory)?.names
    }

    /// The names in a folder with what each is, from the entry types `readdir` gives.
    public func listing(of directory: String) -> FolderListing? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        var directories: Set<String> = []
        var unresolved: Set<String> = []
        while let entry = readdir(handle) {
            let name = DirectoryEntryName.of(entry)
            // Compared only when short enough: a folder of images compares thousands of names.
            if name.utf8.count <= 2, name == "." || name == ".." { continue }
            names.append(name)
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): directories.insert(name)
            case UInt8(DT_LNK), UInt8(DT_UNKNOWN): unresolved.insert(name)
            default: break
            }
        }
        return FolderListing(names, directories: directories, unresolved: unresolved)
    }
}
