#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PostlintCore

/// Replaces a file's contents atomically: the new bytes go to a temporary file in the same folder,
/// which takes the original's permissions and is renamed over it. A reader (or a crash) sees the
/// old file or the new one, never half of one.
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
        let folder = PathUtilities.directory(of: path)
        let name = PathUtilities.fileName(of: path)
        var template = Array(PathUtilities.join(folder, ".\(name).postlint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw PostlintError(path: path, message: "cannot create a temporary file beside it: \(FileReader.describe(errno))")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var failure: Int32 = 0
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
        if failure == 0, fchmod(descriptor, info.st_mode & 0o7777) != 0 { failure = errno }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw PostlintError(path: path, message: "cannot write: \(FileReader.describe(failure))")
        }
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
