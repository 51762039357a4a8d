import Foundation
import PostlintTestSupport

/// Runs the built `postlint` with a deadline: a run that has not ended by then is killed and
/// reported as timed out, so a hang fails one test instead of stalling the whole suite.
enum BoundedRun {
    struct Output {
        var status: Int32
        var timedOut: Bool
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String], in folder: String, seconds: Double) throws -> Output {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let identifier = process.processIdentifier
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var errorData = Data()
        nonisolated(unsafe) var outputData = Data()
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        DispatchQueue.global().async {
            outputData = out.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        var timedOut = false
        let deadline = Date().addingTimeInterval(HangGuard.seconds(seconds))
        while process.isRunning {
            if Date() > deadline {
                kill(identifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(20_000)
        }
        finished.wait()
        finished.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, timedOut: timedOut,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts `postlint` and kills it with SIGKILL after `delay` seconds (or lets it finish first).
    static func killed(_ arguments: [String], in folder: String, after delay: Double) throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Runs the built `postlint` and reports its exit status and peak resident memory, read from the
/// kernel's accounting of the child (`wait4`), with standard output and error discarded.
enum PeakMemory {
    struct Measurement {
        var status: Int32
        var kilobytes: Int
    }

    /// Arguments name files by absolute path: the child runs in the test's working folder.
    static func run(_ arguments: [String]) throws -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let executable = CommandRunner.executable.path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var identifier = pid_t()
        let spawned = posix_spawn(&identifier, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(identifier, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        // The exit code when the child exited, 128 + the signal when a signal ended it.
        let exited = status & 0x7F == 0
        return Measurement(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), kilobytes: usage.ru_maxrss)
    }
}
