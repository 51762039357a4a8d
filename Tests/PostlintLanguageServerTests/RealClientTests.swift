import Foundation
import Testing
import PostlintTestSupport

/// The real-client end-to-end test (`Tests/lsp-e2e`, pytest-lsp) from `swift test`, when a Python
/// with pytest-lsp is at hand: `POSTLINT_LSP_PYTHON` names it, else `python3` is tried. Without
/// one the test is skipped; `.ci/lsp.sh` installs the client and always runs it.
@Suite struct RealClientTests {
    static var python: String? {
        let candidate = ProcessInfo.processInfo.environment["POSTLINT_LSP_PYTHON"] ?? "/usr/bin/env"
        let arguments = candidate == "/usr/bin/env" ? ["python3", "-c", "import pytest_lsp"] : ["-c", "import pytest_lsp"]
        guard let status = try? run(candidate, arguments, environment: [:]).status, status == 0 else { return nil }
        return candidate
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String])
        throws -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.packageRoot()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: python != nil, "no Python with pytest-lsp; .ci/lsp.sh runs this test"))
    func pytestLSPDrivesTheServer() throws {
        let python = try #require(Self.python)
        let prefix = python == "/usr/bin/env" ? ["python3"] : []
        let result = try Self.run(
            python, prefix + ["-m", "pytest", "-p", "no:cacheprovider", "-q", "Tests/lsp-e2e"],
            environment: ["POSTLINT": CommandRunner.executable.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
