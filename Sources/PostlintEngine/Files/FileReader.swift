#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// Reads whole files with POSIX calls: one `open`, one `fstat`, `read` into one buffer.
public enum FileReader {
    /// Files larger than this are refused rather than read (a post is never this large).
    public static let maximumSize = 256 * 1024 * 1024

    public static func read(_ path: String) -> Result<[UInt8], PostlintError> {
        // O_NONBLOCK: opening a FIFO or device named like a post must not wait for a writer.
        read(descriptor: FileNameBytes.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }, path: path)
    }

    /// Reads the file `name` in the open `folder` (`openat`: the kernel resolves one name, not
    /// every folder of the path again); `path` names it in errors.
    ///
    /// The walk hands out a name this way when its folder entry says it is a regular file (or a
    /// link to one), so the file is opened without following links and read with one `read`
    /// into a buffer of `firstReadSize` bytes, with no `fstat`: a read that does not fill the
    /// buffer has met the end of a regular file. A buffer filled (a large post) or a link (which
    /// may lead anywhere, a device among them) takes the careful path: `fstat` first, then the
    /// file read to its size.
    public static func read(_ name: String, in folder: FolderHandle, path: String) -> Result<[UInt8], PostlintError> {
        let descriptor = FileNameBytes.withCString(name) {
            openat(folder.descriptor, $0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        }
        if descriptor < 0, errno == ELOOP {
            return read(
                descriptor: FileNameBytes.withCString(name) { openat(folder.descriptor, $0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) },
                path: path)
        }
        guard descriptor >= 0 else { return .failure(error(path, errno)) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: firstReadSize) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            while true {
                let count = Glibc.read(descriptor, base, firstReadSize)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno } else { initializedCount = count }
                return
            }
        }
        if failure == 0, bytes.count < firstReadSize, !bytes.isEmpty {
            close(descriptor)
            return .success(bytes)
        }
        // A folder (EISDIR), another error, a buffer filled, or nothing read (an empty file, or a
        // FIFO or device put in a post's place since the walk listed it): the careful path, from
        // the start.
        guard failure == 0 || failure == EISDIR, bytes.isEmpty || lseek(descriptor, 0, SEEK_SET) == 0 else {
            close(descriptor)
            return .failure(error(path, failure == 0 ? errno : failure))
        }
        return read(descriptor: descriptor, path: path)
    }

    /// The buffer a walked post is read into at once: larger than nearly every post, so that one
    /// `read` is the whole file.
    static let firstReadSize = 64 * 1024

    /// Reads the file open as `descriptor` (negative: the `open` failed, with `errno` set), and
    /// closes it.
    private static func read(descriptor: Int32, path: String) -> Result<[UInt8], PostlintError> {
        guard descriptor >= 0 else { return .failure(error(path, errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(error(path, errno)) }
        let format = info.st_mode & S_IFMT
        if format == S_IFDIR {
            return .failure(PostlintError(path: path, message: "is a folder, not a file"))
        }
        guard format == S_IFREG else {
            return .failure(PostlintError(path: path, message: "is not a regular file; not read"))
        }
        let expected = Int(info.st_size)
        guard expected <= maximumSize else {
            return .failure(PostlintError(path: path, message: "file is larger than \(maximumSize / 1024 / 1024) MB; not read"))
        }
        // One byte more than the size, so the read that meets the end of the file needs no growth
        // (growing would copy the whole file into a buffer half as large again). The size fstat
        // gave, read in full, is the whole file without a read that returns 0 (a syscall a file
        // saved); a file that grew past it fills the extra byte and is read on in chunks.
        let capacity = max(expected, 0) + 1
        var bytes: [UInt8]
        switch readChunk(descriptor, capacity: capacity, stopAfter: expected) {
        case .success(let chunk): bytes = chunk
        case .failure(let code): return .failure(error(path, code.value))
        }
        var lastChunkFilled = bytes.count == capacity
        while lastChunkFilled {
            guard bytes.count < maximumSize else {
                return .failure(
                    PostlintError(path: path, message: "file is larger than \(maximumSize / 1024 / 1024) MB; not read"))
            }
            let chunkCapacity = max(4096, bytes.count / 2)
            switch readChunk(descriptor, capacity: chunkCapacity, stopAfter: chunkCapacity) {
            case .success(let chunk):
                bytes += chunk
                lastChunkFilled = chunk.count == chunkCapacity
            case .failure(let code): return .failure(error(path, code.value))
            }
        }
        return .success(bytes)
    }

    /// An `errno`, as an error.
    private struct ReadFailure: Error {
        var value: Int32
    }

    /// Up to `capacity` bytes read from `descriptor` into a buffer that is not zeroed first (only
    /// what the reads filled is kept), stopping at the end of the file or after `stopAfter` bytes.
    private static func readChunk(_ descriptor: Int32, capacity: Int, stopAfter: Int) -> Result<[UInt8], ReadFailure> {
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            var filled = 0
            while filled < capacity {
                let count = Glibc.read(descriptor, base + filled, capacity - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                filled += count
                if filled == stopAfter { break }
            }
            initializedCount = filled
        }
        return failure == 0 ? .success(chunk) : .failure(ReadFailure(value: failure))
    }

    /// Reads standard input to its end (bounded by `maximumSize`).
    public static func readStandardInput() -> Result<[UInt8], PostlintError> {
        let chunkCapacity = 65536
        var bytes: [UInt8] = []
        while true {
            switch readChunk(0, capacity: chunkCapacity, stopAfter: chunkCapacity) {
            case .success(let chunk):
                bytes += chunk
                if bytes.count > maximumSize {
                    return .failure(
                        PostlintError(path: "<stdin>", message: "input is larger than \(maximumSize / 1024 / 1024) MB"))
                }
                // A chunk short of its capacity met the end of the input.
                if chunk.count < chunkCapacity { return .success(bytes) }
            case .failure(let code):
                return .failure(error("<stdin>", code.value))
            }
        }
    }

    static func error(_ path: String, _ code: Int32) -> PostlintError {
        PostlintError(path: path, message: describe(code))
    }

    /// A short description of an `errno` value.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many levels of symbolic links"
        case EISDIR: return "is a folder, not a file"
        case ENOTDIR: return "a part of the path is not a folder"
        default:
            guard let text = strerror(code) else { return "error \(code)" }
            return String(cString: text).lowercased()
        }
    }
}

/// An open folder, for reading its files by name (`FileReader.read(_:in:path:)`); closed when the
/// last reference goes.
public final class FolderHandle: Sendable {
    let descriptor: Int32

    /// Nil when the folder cannot be opened.
    public init?(path: String) {
        let descriptor = FileNameBytes.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_DIRECTORY) }
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    /// The folder `name` in the open folder `parent`, opened without following a link (nil, with
    /// `errno` set, when it is a link, not a folder, or cannot be opened).
    public init?(name: String, in parent: FolderHandle) {
        let descriptor = FileNameBytes.withCString(name) {
            openat(parent.descriptor, $0, O_RDONLY | O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW)
        }
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
