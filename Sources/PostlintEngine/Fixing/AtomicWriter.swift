#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// Replaces a file's contents atomically: the new bytes go to a temporary file in the same folder,
/// which takes the original's owner, group and permissions (not setuid, setgid or sticky) and is
/// renamed over it. A reader (or a crash) sees the old file or the new one, never half of one.
public enum AtomicWriter {
    /// Writes `bytes` to `path`, provided the file still holds `expected` (so a file changed since it
    /// was read is not overwritten).
    public static func replace(_ path: String, with bytes: [UInt8], expecting expected: [UInt8]?) throws(PostlintError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileReader.error(path, errno) }
        // A file without any write permission bit is read-only on purpose, even to root.
        guard info.st_mode & 0o222 != 0, access(path, W_OK) == 0 else {
            throw PostlintError(path: path, message: "file is read-only; not fixed")
        }
        if let expected {
            switch FileReader.read(path) {
            case .success(let current) where current == expected: break
            case .success: throw PostlintError(path: path, message: "file changed while it was being fixed; not written")
            case .failure(let error): throw error
            }
        }
        let temporary = try writeTemporary(beside: path, bytes: bytes, like: info)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw PostlintError(path: path, message: "cannot write: \(FileReader.describe(code))")
        }
    }

    /// Writes `bytes` to a new temporary file beside `path` (`.NAME.postlint-XXXXXX`, hidden),
    /// gives it the owner, group and permissions of `original` (the read, write and execute bits:
    /// never setuid, setgid or sticky, which a file the fixer creates must not carry), flushes it
    /// to the disk and returns its path. When the owner or group cannot be kept (a user fixing a
    /// file owned by another), nothing is left behind and the error says so. Not `hidden`: a file
    /// meant to stay, `NAME.postlint-kept-XXXXXX`.
    static func writeTemporary(
        beside path: String, bytes: [UInt8], like original: stat,
        hidden: Bool = true
    ) throws(PostlintError) -> String {
        let folder = PathUtilities.directory(of: path)
        let name = PathUtilities.fileName(of: path)
        let pattern = hidden ? ".\(name).postlint-XXXXXX" : "\(name).postlint-kept-XXXXXX"
        var template = Array(PathUtilities.join(folder, pattern).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw PostlintError(path: path, message: "cannot create a temporary file beside it: \(FileReader.describe(errno))")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Int32 = 0
        var ownerKept = true
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += count
        }
        var created = stat()
        if failure == 0, fstat(descriptor, &created) != 0 { failure = errno }
        if failure == 0, created.st_uid != original.st_uid || created.st_gid != original.st_gid,
            fchown(descriptor, original.st_uid, original.st_gid) != 0
        {
            failure = errno
            ownerKept = false
        }
        if failure == 0, fchmod(descriptor, original.st_mode & 0o777) != 0 { failure = errno }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        guard failure == 0 else {
            unlink(temporary)
            if !ownerKept {
                throw PostlintError(
                    path: path,
                    message: "cannot keep its owner (uid \(original.st_uid)) and group "
                        + "(gid \(original.st_gid)): \(FileReader.describe(failure)); not written")
            }
            throw PostlintError(path: path, message: "cannot write: \(FileReader.describe(failure))")
        }
        return temporary
    }

    /// Writes a report or baseline: replaces the file atomically if it exists (keeping its
    /// permissions), creates it through a temporary file and a rename otherwise.
    public static func write(_ path: String, bytes: [UInt8]) throws(PostlintError) {
        var info = stat()
        if stat(path, &info) == 0 {
            try replace(path, with: bytes, expecting: nil)
            return
        }
        let temporary = path + ".postlint-new"
        unlink(temporary)
        try create(temporary, with: bytes)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw PostlintError(path: path, message: "cannot write: \(FileReader.describe(code))")
        }
    }

    /// Creates a new file with `bytes` (mode 0644 less the umask), failing if it exists.
    public static func create(_ path: String, with bytes: [UInt8]) throws(PostlintError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileReader.error(path, errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReader.error(path, errno)
            }
            written += count
        }
    }
}
