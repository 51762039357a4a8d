import Foundation
import Testing
import PostlintTestSupport

/// `--help`, `help CMD` and `--version` print their text exactly once, to standard output, and
/// nothing to standard error.
@Suite struct HelpAndVersionOutputTests {
    static let root = CommandRunner.packageRoot()

    @Test func versionIsPrintedOnceAndStandardErrorStaysEmpty() throws {
        let result = try CommandRunner.run(["--version"], in: Self.root)
        #expect(result.status == 0)
        #expect(result.standardOutput == "0.1.0\n")
        #expect(result.standardError.isEmpty, "standard error: \(result.standardError)")
    }

    @Test(arguments: [["--help"], ["help", "check"], ["check", "--help"], ["help", "install-hook"]])
    func helpIsPrintedOnce(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments, in: Self.root)
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty, "standard error: \(result.standardError)")
        let usageLines = result.standardOutput.components(separatedBy: "\n").filter { $0.hasPrefix("USAGE:") }
        #expect(usageLines.count == 1, "\(arguments): \(result.standardOutput)")
    }
}
