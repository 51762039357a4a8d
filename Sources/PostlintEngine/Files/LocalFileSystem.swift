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
        guard FileNameBytes.withCString(path, { stat($0, &info) }) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    public func entries(of directory: String) -> [String]? {
        listing(of: directory)?.names
    }

    /// The names in a folder with what each is, from the entry types `readdir` gives.
    public func listing(of directory: String) -> FolderListing? {
        try? readListing(of: directory).get()
    }

    /// `listing(of:)`, or the `errno` of opening the folder. Each name's bytes go straight from
    /// the directory entry into the listing's buffer.
    public func readListing(of directory: String) -> Result<FolderListing, FolderReadError> {
        guard let handle = FileNameBytes.withCString(directory, { opendir($0) }) else {
            return .failure(FolderReadError(code: errno))
        }
        defer { closedir(handle) }
        var builder = FolderListing.Builder()
        while let entry = readdir(handle) {
            let name = DirectoryEntryName.bytes(of: entry)
            if name.count <= 2, name.first == UInt8(ascii: "."), name.count == 1 || name[1] == UInt8(ascii: ".") { continue }
            let kind: FolderListing.Entry
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): kind = .directory
            case UInt8(DT_REG): kind = .file
            // Links, unknown types, and FIFOs, devices and sockets (never read as files): a
            // `stat` tells what they are.
            default: kind = .unknown
            }
            guard builder.add(name, kind) else { break }
        }
        return .success(builder.build())
    }
}

/// Why a folder could not be read: the `errno` of opening it.
public struct FolderReadError: Error, Sendable {
    public var code: Int32
}
