import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program found on the PATH and collects its output, with `posix_spawnp`, `poll` and
/// `waitpid` only. Foundation's `Process.waitUntilExit` on Linux polls a run loop every 50 ms, which
/// cost a pre-commit hook (three git calls) about 150 ms of waiting.
enum ChildProcess {
    struct Output {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        /// The program could not be started (not on the PATH, not executable): the errno value.
        case cannotStart(Int32)

        var description: String {
            switch self {
            case .cannotStart(let code): return String(cString: strerror(code))
            }
        }
    }

    /// Runs `program` with `arguments` until it exits, its standard input `input` (from an
    /// unlinked temporary file, so no pipe can fill up while the output is read), or /dev/null.
    static func run(_ program: String, _ arguments: [String], input: [UInt8]? = nil) throws(Failure) -> Output {
        var inputFile: Int32 = -1
        if let input {
            inputFile = try temporaryFile(holding: input)
        }
        defer { if inputFile >= 0 { close(inputFile) } }
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0 else { throw .cannotStart(errno) }
        guard pipe(&errorPipe) == 0 else {
            let code = errno
            close(outputPipe[0])
            close(outputPipe[1])
            throw .cannotStart(code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if inputFile >= 0 {
            posix_spawn_file_actions_adddup2(&actions, inputFile, 0)
            posix_spawn_file_actions_addclose(&actions, inputFile)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for descriptor in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var identifier = pid_t()
        let spawned = posix_spawnp(&identifier, program, &actions, nil, argv, environ)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw .cannotStart(spawned)
        }
        var output: [UInt8] = []
        var errors: [UInt8] = []
        drain(outputPipe[0], into: &output, and: errorPipe[0], into: &errors)
        close(outputPipe[0])
        close(errorPipe[0])
        var status: Int32 = 0
        while waitpid(identifier, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7F == 0
        return Output(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            standardOutput: output, standardError: errors)
    }

    /// An open file holding `bytes`, read from its start, whose name is already gone.
    private static func temporaryFile(holding bytes: [UInt8]) throws(Failure) -> Int32 {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/postlint-input-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { name in name.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw .cannotStart(errno) }
        template.withUnsafeBufferPointer { name in _ = name.baseAddress.map { unlink($0) } }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { write(descriptor, $0 + written, bytes.count - written) } ?? -1
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                close(descriptor)
                throw .cannotStart(code)
            }
            written += count
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            let code = errno
            close(descriptor)
            throw .cannotStart(code)
        }
        return descriptor
    }

    /// Reads both pipes until both are closed, whichever has data first, so neither can fill up and
    /// block the child.
    private static func drain(_ first: Int32, into firstBytes: inout [UInt8], and second: Int32, into secondBytes: inout [UInt8])
    {
        var descriptors = [
            pollfd(fd: first, events: Int16(POLLIN), revents: 0),
            pollfd(fd: second, events: Int16(POLLIN), revents: 0),
        ]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var open = 2
        while open > 0 {
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            for slot in descriptors.indices where descriptors[slot].fd >= 0 && descriptors[slot].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(descriptors[slot].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if slot == 0 {
                        firstBytes.append(contentsOf: chunk[0..<count])
                    } else {
                        secondBytes.append(contentsOf: chunk[0..<count])
                    }
                } else if count == 0 || errno != EINTR {
                    descriptors[slot].fd = -1
                    open -= 1
                }
            }
        }
    }
}
