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
        let deadline = Date().addingTimeInterval(seconds)
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
        return Output(status: process.terminationStatus, timedOut: timedOut,
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
