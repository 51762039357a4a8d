#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore
import PostlintEngine
import PostlintReporters

/// `--color`: whether the text report is coloured.
enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

/// Writes to the standard streams and tells whether they are terminals.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: 1)
    static let standardError = Terminal(descriptor: 2)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    /// Whether coloured output is wanted for `choice`: `always` and `never` decide alone; `auto`
    /// gives no colour when `NO_COLOR` is set (and not empty), colour when `FORCE_COLOR` is set
    /// (and neither empty nor `0` nor `false`, for CI logs, which are not terminals), and otherwise
    /// colour on a terminal only.
    func wantsColor(_ choice: ColorChoice) -> Bool {
        Self.wantsColor(choice, isTerminal: isInteractive, environment: { name in getenv(name).map { String(cString: $0) } })
    }

    /// `wantsColor(_:)` with the terminal test and the environment given.
    static func wantsColor(_ choice: ColorChoice, isTerminal: Bool, environment: (String) -> String?) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = environment("NO_COLOR"), !value.isEmpty { return false }
            if let value = environment("FORCE_COLOR"), !["", "0", "false"].contains(value) { return true }
            return isTerminal
        }
    }

    /// Writes a rendered report to the file `path` (atomically; only a regular file or a new path,
    /// see `OutputPath`; a failure is a `CommandFailure`, exit code 2), or to standard output when
    /// `path` is nil or `-`.
    static func writeReport(_ rendered: String, to path: String?) throws {
        guard let path, path != OutputPath.standardOutput else {
            standardOutput.write(rendered)
            return
        }
        try writeFile(Array(rendered.utf8), to: path)
    }

    /// Writes `report` as `reporter` formats it, as `writeReport(_:to:)` does: to standard output
    /// a part at a time as it is written (the report is never held whole), to a file whole (it
    /// replaces the file at once).
    static func writeReport(_ report: LintReport, with reporter: any Reporter, to path: String?) throws {
        guard let path, path != OutputPath.standardOutput else {
            let output = ReportOutput { standardOutput.write(bytes: $0) }
            reporter.write(report, to: output)
            output.finish()
            return
        }
        var bytes: [UInt8] = []
        let output = ReportOutput { bytes.append(contentsOf: $0) }
        reporter.write(report, to: output)
        output.finish()
        try writeFile(bytes, to: path)
    }

    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        do throws(PostlintError) {
            try OutputPath.check(path)
            try AtomicWriter.write(path, bytes: bytes)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Checks a path given to `--output` or `--write-baseline` before anything is linted, so a
    /// path that will be refused ends the run at once (exit code 2).
    static func checkOutputPath(_ path: String?) throws {
        guard let path else { return }
        do throws(PostlintError) {
            try OutputPath.check(path)
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
        write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` whole (a write the system cuts short is carried on; an error ends it).
    func write(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += count
        }
    }
}
