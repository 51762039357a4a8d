#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// What `lstat` says about a file: enough to tell, as git does for its index, that a file has not
/// been written since it was last read, without reading it. A cache entry is trusted on its
/// signature only when the file was settled (not modified in the last seconds) when it was
/// recorded, so a write within the clock's granularity after the read is never missed.
public struct FileSignature: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: UInt64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64
    public var changedSeconds: Int64
    public var changedNanoseconds: Int64

    public init(
        device: UInt64, inode: UInt64, size: UInt64, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
        changedSeconds: Int64, changedNanoseconds: Int64
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }

    /// The signature of the regular file at `path` (links not followed), or nil when there is none.
    public static func of(_ path: String) -> FileSignature? {
        var info = stat()
        guard FileNameBytes.withCString(path, { lstat($0, &info) }) == 0 else { return nil }
        return FileSignature(info)
    }

    /// The signature of the regular file `name` in the open `folder` (links not followed): no
    /// walk of the whole path.
    static func of(_ name: String, in folder: FolderHandle) -> FileSignature? {
        var info = stat()
        guard FileNameBytes.withCString(name, { fstatat(folder.descriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0
        else { return nil }
        return FileSignature(info)
    }

    /// The signature `lstat` gave, or nil when it is not a regular file's.
    private init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let state = PathState(info)
        self.init(
            device: state.device, inode: state.inode, size: state.size,
            modifiedSeconds: state.modifiedSeconds, modifiedNanoseconds: state.modifiedNanoseconds,
            changedSeconds: state.changedSeconds, changedNanoseconds: state.changedNanoseconds)
    }

    /// Whether the file was last written or changed at least `margin` seconds before `now` (and
    /// not in the future): a write after a read that leaves these times unchanged is then not
    /// possible short of setting the clock back.
    public func isSettled(at now: Int64, margin: Int64 = 2) -> Bool {
        max(modifiedSeconds, changedSeconds) <= now - margin
    }

    /// Seconds since 1970, as the file times count them.
    public static func currentTime() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}
