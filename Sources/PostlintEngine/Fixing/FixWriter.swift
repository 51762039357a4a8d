#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// Writes a fixed post back in place without losing what anyone else writes to it meanwhile.
///
/// An attempt reads the post, fixes its bytes, writes them to a temporary file beside it (owner,
/// group and permissions kept, never setuid, setgid or sticky; flushed to the disk), then checks
/// that the post is still the file read, with the same size, times and bytes, and only then
/// renames the temporary file over it. A post changed meanwhile is read and fixed again, up to
/// `maximumAttempts` times, then left as it is and reported. After the rename the replaced file is
/// looked at once more, when no program has it open for writing any more: bytes that reached it
/// between the check and the rename (an append under way) are carried into the next attempt, and
/// across later renames, never dropped; should the post still not settle, they are kept in a file
/// beside it (`NAME.postlint-kept-XXXXXX`) and the error says so. So is another program's rewrite
/// in place made while bytes are carried: it never saw them, so it cannot replace them.
///
/// A symbolic link is fixed through: the file it leads to is replaced in its own folder and the
/// link stays. With `roots`, a link that leads out of every one of those folders is refused (a post
/// found by a walk may be a link planted to rewrite a file elsewhere). A file with more than one hard link is refused (replacing one name would split it
/// from the others), and so is a read-only file.
public struct FixWriter: Sendable {
    /// How many times a post that keeps changing is read and fixed again before it is left alone.
    public static let maximumAttempts = 4

    /// The bound while bytes that reached the replaced file are carried: leaving the post then
    /// means keeping those bytes in a file of their own, so more attempts are worth it.
    static let maximumAttemptsWhileCarrying = 32

    /// How long after the rename the replaced file is looked at again when the system cannot tell
    /// whether anyone still has it open for writing: an append that opened the post before the
    /// rename and writes just after it lands there.
    static let settleMicroseconds: useconds_t = 1_000

    /// How long to wait, at most, for programs that had the post open for writing when it was
    /// replaced to close it (polled every millisecond).
    static let writerWaitMilliseconds = 200

    /// Where in an attempt a test hook runs: after the temporary file is written and flushed,
    /// before the post is checked; or between the check and the rename.
    enum Moment: Sendable {
        case beforeCheck, afterCheck
    }

    /// A test hook (tests change the post there): the resolved path, the attempt (from 1), and
    /// the moment.
    typealias Hook = @Sendable (_ target: String, _ attempt: Int, _ moment: Moment) -> Void

    let hook: Hook?

    public init() {
        hook = nil
    }

    init(hook: Hook?) {
        self.hook = hook
    }

    /// The bytes an earlier attempt renamed into place, and the text the post stands for since:
    /// what that attempt fixed, with what reached the file it replaced after it was read. The next
    /// attempt fixes `text`, followed by whatever was added after `written`.
    private struct Carried {
        var written: [UInt8]
        var text: [UInt8]
    }

    /// Replaces the post at `path` with `fix` of its bytes; false when `fix` changes nothing (the
    /// post is then not written at all). `fix` may run more than once, on fresh bytes each time.
    @discardableResult
    public func rewrite(
        _ path: String, within roots: [String]? = nil,
        fixing fix: ([UInt8]) throws(PostlintError) -> [UInt8]
    ) throws(PostlintError) -> Bool {
        let target = try Self.resolvingLinks(path, within: roots)
        var carried: Carried?
        var wrote = false
        var lastInfo = stat()
        var attempt = 0
        while attempt < (carried == nil ? Self.maximumAttempts : Self.maximumAttemptsWhileCarrying) {
            attempt += 1
            do throws(PostlintError) {
                let post = try OpenedPost(target, displayPath: path)
                var input = post.bytes
                if let carried {
                    guard post.bytes.starts(with: carried.written) else {
                        throw PostlintError(path: path, message: "was replaced by another program while it was being fixed")
                    }
                    input = carried.text + post.bytes[carried.written.count...]
                }
                let output = try fix(input)
                if output == post.bytes { return wrote }
                try Self.checkReplaceable(post, path: path, target: target)
                let temporary = try AtomicWriter.writeTemporary(beside: target, bytes: output, like: post.info)
                hook?(target, attempt, .beforeCheck)
                guard post.isUnchanged(at: target) else {
                    unlink(temporary)
                    continue
                }
                hook?(target, attempt, .afterCheck)
                guard rename(temporary, target) == 0 else {
                    let code = errno
                    unlink(temporary)
                    throw PostlintError(path: path, message: "cannot write: \(FileReader.describe(code))")
                }
                wrote = true
                Self.waitForWriters(of: post)
                if post.holds(post.bytes) { return true }
                carried = nil
                guard let replaced = post.currentBytes() else {
                    throw PostlintError(
                        path: path,
                        message: "was changed while it was being fixed, and the file it replaced "
                            + "can no longer be read: \(FileReader.describe(errno))")
                }
                lastInfo = post.info
                if replaced.starts(with: post.bytes) {
                    // Appended to after it was read: the text fixed, then what was appended.
                    carried = Carried(written: output, text: input + replaced[post.bytes.count...])
                } else if input == post.bytes {
                    // Rewritten in place (an editor's save): its new text is the post's text.
                    carried = Carried(written: output, text: replaced)
                } else {
                    // Rewritten in place, by a program that never saw the bytes carried into
                    // `output` (they were in a file replaced earlier): the post keeps those, and
                    // the other program's text is kept beside it.
                    throw Self.keep(
                        replaced, of: path, beside: target, like: lastInfo,
                        because: "was rewritten by another program while it was being fixed")
                }
            } catch {
                // Bytes carried from the replaced file exist nowhere else: keep them before giving up.
                guard let carried else { throw error }
                throw Self.keep(carried.text, of: path, beside: target, like: lastInfo, because: error.message)
            }
        }
        if let carried {
            throw Self.keep(
                carried.text, of: path, beside: target, like: lastInfo,
                because: "kept changing while it was being fixed")
        }
        throw PostlintError(path: path, message: "kept changing while it was being fixed (\(attempt) attempts); not fixed")
    }

    /// Returns once no program has the replaced file open for writing, so no more bytes can reach
    /// it (it has no name left to be opened by): Linux grants a read lease on a file only then.
    /// Where leases are not available (another system, a file system without them), it waits
    /// `settleMicroseconds` instead; past `writerWaitMilliseconds` (a program that keeps the post
    /// open), it returns anyway.
    static func waitForWriters(of post: OpenedPost) {
        #if os(Linux)
            let setLease: Int32 = 1024  // F_SETLEASE
            for _ in 0..<writerWaitMilliseconds {
                if fcntl(post.descriptor, setLease, Int32(F_RDLCK)) == 0 {
                    _ = fcntl(post.descriptor, setLease, Int32(F_UNLCK))
                    return
                }
                guard errno == EAGAIN else { break }
                usleep(1_000)
            }
        #endif
        usleep(settleMicroseconds)
    }

    /// `path`, or the file its links lead to (which is the one replaced; the links stay). With
    /// `roots` (real paths of folders), that file must lie below one of them.
    static func resolvingLinks(_ path: String, within roots: [String]? = nil) throws(PostlintError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw FileReader.error(path, errno) }
        guard info.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            throw PostlintError(path: path, message: "is a symbolic link that leads nowhere: \(FileReader.describe(errno))")
        }
        defer { free(resolved) }
        let target = String(cString: resolved)
        if let roots, !roots.contains(where: { PathUtilities.relative(target, to: $0) != nil }) {
            throw PostlintError(
                path: path,
                message: "is a symbolic link to \(target), outside the folders named; "
                    + "not fixed (name the post itself to fix the file it leads to)")
        }
        return target
    }

    /// The real path of each of `paths` that is a folder, for `rewrite(_:within:fixing:)`: links met
    /// by walking those folders may be fixed through only to files below them.
    public static func realFolders(_ paths: [String], workingDirectory: String) -> [String] {
        paths.compactMap { path in
            let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
            var info = stat()
            guard stat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                let resolved = realpath(absolute, nil)
            else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }

    /// Throws unless the post may be replaced by a new file: one name only, and writable.
    private static func checkReplaceable(_ post: OpenedPost, path: String, target: String) throws(PostlintError) {
        guard post.info.st_nlink <= 1 else {
            throw PostlintError(
                path: path,
                message: "has \(post.info.st_nlink) hard links; fixing it would give this name "
                    + "a copy of its own, apart from the others; not fixed")
        }
        // A file without any write permission bit is read-only on purpose, even to root.
        guard post.info.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
            throw PostlintError(path: path, message: "file is read-only; not fixed")
        }
    }

    /// Saves `bytes` (the other program's version of the post: what reached a file the rename
    /// replaced, with the text it was added to) in a new file beside it, and returns the error
    /// that says where.
    private static func keep(
        _ bytes: [UInt8], of path: String, beside target: String, like info: stat,
        because reason: String
    ) -> PostlintError {
        do throws(PostlintError) {
            let kept = try AtomicWriter.writeTemporary(beside: target, bytes: bytes, like: info, hidden: false)
            return PostlintError(
                path: path,
                message: "\(reason); the other program's version is kept in "
                    + "\(PathUtilities.fileName(of: kept))")
        } catch {
            return PostlintError(path: path, message: "\(reason), and its other version could not be kept: \(error.message)")
        }
    }
}
