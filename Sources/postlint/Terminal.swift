#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PostlintCore
import PostlintEngine

/// Writes to the standard streams and tells whether they are terminals.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: 1)
    static let standardError = Terminal(descriptor: 2)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    /// Whether coloured output is wanted: a terminal, and `NO_COLOR` unset or empty.
    var wantsColor: Bool {
        guard isInteractive else { return false }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return true
    }

    /// Keeps glibc's allocator serving blocks of 256 KiB and more with their own mappings, returned
    /// to the system when freed. By default the threshold rises to the size of each large block
    /// freed, after which the growing tables of a run (site facts, paths) are carved from the heap
    /// and the space of each outgrown copy stays in the process: 10 MB more at 100,000 posts.
    static func fixLargeAllocationThreshold() {
        #if canImport(Glibc)
        // M_MMAP_THRESHOLD in <malloc.h>, which the Glibc module does not bring in.
        let mmapThreshold: Int32 = -3
        _ = glibcMallopt(mmapThreshold, 256 * 1024)
        #endif
    }

    /// Writes a rendered report to the file `path` (atomically; a failure is a `CommandFailure`,
    /// exit code 2), or to standard output when `path` is nil.
    static func writeReport(_ rendered: String, to path: String?) throws {
        guard let path else {
            standardOutput.write(rendered)
            return
        }
        do throws(PostlintError) {
            try AtomicWriter.write(path, bytes: Array(rendered.utf8))
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Ends the process with `code`; standard output and error are written unbuffered, so nothing
    /// is left to flush.
    static func exit(_ code: Int32) -> Never {
        Glibc.exit(code)
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += count
        }
        bytes.removeAll()
    }
}

#if canImport(Glibc)
/// glibc's `mallopt` (declared in <malloc.h>).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
