#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// A post opened for fixing: its descriptor (kept open, so the file read is the file checked even
/// after its name is given to another), its status when read, and its bytes.
final class OpenedPost {
    let descriptor: Int32
    let info: stat
    let bytes: [UInt8]

    /// Opens and reads the regular file at `path` without following a link (links are resolved
    /// before); `displayPath` names it in errors.
    init(_ path: String, displayPath: String) throws(PostlintError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { throw FileReader.error(displayPath, errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw FileReader.error(displayPath, code)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw PostlintError(path: displayPath, message: "is not a regular file; not fixed")
        }
        guard let bytes = Self.readAll(descriptor) else {
            let code = errno
            close(descriptor)
            if code == EFBIG {
                throw PostlintError(
                    path: displayPath, message: "file is larger than \(FileReader.maximumSize / 1024 / 1024) MB; not fixed")
            }
            throw FileReader.error(displayPath, code)
        }
        self.descriptor = descriptor
        self.info = info
        self.bytes = bytes
    }

    deinit {
        close(descriptor)
    }

    /// The file's bytes now (through the descriptor: the same file, whatever its name is now
    /// given to); nil when it cannot be read.
    func currentBytes() -> [UInt8]? {
        Self.readAll(descriptor)
    }

    /// Whether `path` still names this file, and the file is as it was read: the same size,
    /// modification and change times, and bytes.
    func isUnchanged(at path: String) -> Bool {
        var named = stat()
        guard lstat(path, &named) == 0, named.st_dev == info.st_dev, named.st_ino == info.st_ino,
            Self.sameState(named, info)
        else { return false }
        guard holds(bytes) else { return false }
        // A change while the bytes were read shows in the times or size afterwards.
        var after = stat()
        return fstat(descriptor, &after) == 0 && Self.sameState(after, info)
    }

    /// Whether the file holds exactly `expected` now, compared a chunk at a time (no second copy
    /// of a large post in memory); false when it cannot be read.
    func holds(_ expected: [UInt8]) -> Bool {
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base, chunkSize, off_t(offset))
            }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { return offset == expected.count }
            guard offset + count <= expected.count else { return false }
            let same = chunk.withUnsafeBytes { read in
                expected.withUnsafeBytes { wanted in
                    guard let readBase = read.baseAddress, let wantedBase = wanted.baseAddress else { return false }
                    return memcmp(readBase, wantedBase + offset, count) == 0
                }
            }
            guard same else { return false }
            offset += count
        }
    }

    private static func sameState(_ first: stat, _ second: stat) -> Bool {
        first.st_size == second.st_size
            && first.st_mtim.tv_sec == second.st_mtim.tv_sec && first.st_mtim.tv_nsec == second.st_mtim.tv_nsec
            && first.st_ctim.tv_sec == second.st_ctim.tv_sec && first.st_ctim.tv_nsec == second.st_ctim.tv_nsec
    }

    /// The whole file from its first byte (`pread`, so the descriptor's offset does not matter),
    /// at most `FileReader.maximumSize` bytes; nil with `errno` set on a failure (EFBIG: larger).
    static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > 0, info.st_size <= FileReader.maximumSize {
            bytes.reserveCapacity(Int(info.st_size) + 1)
        }
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base, chunkSize, off_t(bytes.count))
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= FileReader.maximumSize else {
                errno = EFBIG
                return nil
            }
            bytes += chunk[0..<count]
        }
    }
}
