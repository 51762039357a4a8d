#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// Where a report or a baseline may be written (`--output`, `--write-baseline`): a regular file,
/// which is replaced atomically, or a path where nothing is yet. `-` means standard output.
///
/// Anything else is refused before it is touched: replacing a symbolic link would put a regular
/// file in its place (and writing through it would write wherever it leads), a FIFO or a device
/// would become a regular file (as root, `--output /dev/stdout` replaced the device node), and a
/// folder cannot hold a report.
public enum OutputPath {
    /// The name that stands for standard output.
    public static let standardOutput = "-"

    /// Throws, naming `path`, unless it is a regular file, a path where nothing is, or `-`.
    public static func check(_ path: String) throws(PostlintError) {
        guard path != standardOutput else { return }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            // Nothing there yet: it is created (a missing folder fails then, with its reason).
            if errno == ENOENT { return }
            throw FileReader.error(path, errno)
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK: kind = "a symbolic link"
        case S_IFIFO: kind = "a FIFO"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFDIR: kind = "a folder"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw PostlintError(
            path: path, message: "is \(kind); a report is written only to a regular file or a new path; not written",
            hint: "use - for standard output")
    }
}
