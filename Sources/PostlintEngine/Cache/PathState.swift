#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// What `lstat` says of a path, whatever it is (a folder, a file, a link), or that nothing is
/// there: enough to tell that a folder's entries or a file's bytes have not changed since, as
/// git's untracked cache trusts a folder whose modification time has not moved. A folder's times
/// move when an entry is added, removed or renamed in it; a file's when it is written.
struct PathState: Hashable, Sendable {
    /// The file type bits of `st_mode`; 0 when nothing is at the path.
    var type: UInt32
    var device: UInt64
    var inode: UInt64
    var size: UInt64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var changedSeconds: Int64
    var changedNanoseconds: Int64

    /// Nothing at the path (or it cannot be looked at).
    static let missing = PathState(
        type: 0, device: 0, inode: 0, size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, changedSeconds: 0,
        changedNanoseconds: 0)

    /// The state of `path` now (links not followed).
    static func of(_ path: String) -> PathState {
        var info = stat()
        guard FileNameBytes.withCString(path, { lstat($0, &info) }) == 0 else { return .missing }
        return PathState(info)
    }

    var isMissing: Bool { type == 0 }

    /// Whether the path was last changed at least two seconds before `now` (`FileSignature`'s
    /// rule): a change after it was looked at then moves its times. Nothing there is settled.
    func isSettled(at now: Int64) -> Bool {
        isMissing || max(modifiedSeconds, changedSeconds) <= now - 2
    }

    func encode(into writer: inout CacheByteWriter) {
        writer.append(UInt64(type))
        guard !isMissing else { return }
        writer.append(device)
        writer.append(inode)
        writer.append(size)
        writer.appendSigned(modifiedSeconds)
        writer.appendSigned(modifiedNanoseconds)
        writer.appendSigned(changedSeconds)
        writer.appendSigned(changedNanoseconds)
    }

    static func decode(from reader: inout CacheByteReader) throws(CacheByteReader.Damaged) -> PathState {
        let type = try reader.number()
        guard type != 0 else { return .missing }
        guard let bits = UInt32(exactly: type) else { throw CacheByteReader.Damaged() }
        return PathState(
            type: bits, device: try reader.number(), inode: try reader.number(), size: try reader.number(),
            modifiedSeconds: try reader.signed(), modifiedNanoseconds: try reader.signed(),
            changedSeconds: try reader.signed(), changedNanoseconds: try reader.signed())
    }
}

extension PathState {
    /// What `info` (from `stat` or `lstat`) says.
    init(_ info: stat) {
        #if canImport(Darwin)
            let modified = info.st_mtimespec
            let changed = info.st_ctimespec
        #else
            let modified = info.st_mtim
            let changed = info.st_ctim
        #endif
        self.init(
            type: UInt32(info.st_mode & S_IFMT), device: UInt64(truncatingIfNeeded: info.st_dev),
            inode: UInt64(truncatingIfNeeded: info.st_ino), size: UInt64(truncatingIfNeeded: info.st_size),
            modifiedSeconds: Int64(modified.tv_sec), modifiedNanoseconds: Int64(modified.tv_nsec),
            changedSeconds: Int64(changed.tv_sec), changedNanoseconds: Int64(changed.tv_nsec))
    }
}
