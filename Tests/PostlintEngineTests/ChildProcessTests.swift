import Testing
@testable import PostlintEngine

@Suite struct ChildProcessTests {
    @Test func collectsBothStreamsAndTheStatus() throws {
        let result = try ChildProcess.run("sh", ["-c", "printf out; printf err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(result.standardOutput == Array("out".utf8))
        #expect(result.standardError == Array("err".utf8))
    }

    /// Both pipes far over their buffer size, written alternately: reading one while the child
    /// blocks on the other would hang.
    @Test func largeOutputOnBothStreamsDoesNotBlock() throws {
        let script = "i=0; while [ $i -lt 2000 ]; do printf '%0100d\\n' $i; printf '%0100d\\n' $i >&2; i=$((i+1)); done"
        let result = try ChildProcess.run("sh", ["-c", script])
        #expect(result.status == 0)
        #expect(result.standardOutput.count == 2000 * 101)
        #expect(result.standardError.count == 2000 * 101)
    }

    @Test func aProgramNotOnThePathCannotStart() {
        #expect(throws: ChildProcess.Failure.self) {
            try ChildProcess.run("postlint-no-such-program", [])
        }
    }

    @Test func aSignalIsReportedAsOneHundredTwentyEightPlusItsNumber() throws {
        let result = try ChildProcess.run("sh", ["-c", "kill -9 $$"])
        #expect(result.status == 128 + 9)
    }

    /// Input far over a pipe's buffer reaches the child whole while its output is read.
    @Test func largeInputReachesTheChildWhole() throws {
        let input = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let result = try ChildProcess.run("cat", [], input: input)
        #expect(result.status == 0)
        #expect(result.standardOutput == input)
        let empty = try ChildProcess.run("cat", [], input: [])
        #expect(empty.status == 0 && empty.standardOutput.isEmpty)
    }

    @Test func withoutInputTheChildReadsNothing() throws {
        let result = try ChildProcess.run("cat", [])
        #expect(result.status == 0 && result.standardOutput.isEmpty)
    }
}
