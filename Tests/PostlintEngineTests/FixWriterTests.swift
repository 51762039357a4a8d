import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// `FixWriter` against a file that changes while it is being fixed: what was written to the file
/// by anyone else is never lost, and what is renamed into place is the fix of the file as it is.
@Suite struct FixWriterTests {
    /// The fix the tests apply: CRLF line endings become LF.
    static func unixLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            output.append(byte)
        }
        return output
    }

    static func append(_ text: String, to path: String) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    static func folderHoldsOnly(_ names: [String], _ folder: TemporaryFolder) throws -> Bool {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names.sorted()
    }

    /// Text appended after the new content is written and flushed, just before the rename, was
    /// lost: it went to the file about to be replaced. Now the rename waits for a fresh read.
    @Test func textAppendedBeforeTheRenameIsKeptAndFixed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "one\r\ntwo\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            if attempt == 1, moment == .beforeCheck { Self.append("late\r\n", to: path) }
        })
        let written = try writer.rewrite(path, fixing: Self.unixLineEndings)
        #expect(written)
        #expect(try folder.read("post.md") == Array("one\ntwo\nlate\n".utf8))
        #expect(try Self.folderHoldsOnly(["post.md"], folder))
    }

    /// Text appended after the check, just before the rename, reaches the file being replaced: it
    /// is found there after the rename and carried into the post, in its place.
    @Test func textAppendedBetweenTheCheckAndTheRenameIsCarriedIntoThePost() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "one\r\ntwo\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            if attempt == 1, moment == .afterCheck { Self.append("late\r\n", to: path) }
        })
        #expect(try writer.rewrite(path, fixing: Self.unixLineEndings))
        #expect(try folder.read("post.md") == Array("one\ntwo\nlate\n".utf8))
        #expect(try Self.folderHoldsOnly(["post.md"], folder))
    }

    /// Carried bytes survive a second rename. Attempt 1's rename replaces a file that got a line
    /// (`a`) after the check: it is carried. Attempt 2 sees the post change (`b`) and starts
    /// again. Attempt 3 writes `a` and `b` into place, but its rename too replaces a file that got
    /// a line (`c`), and that file never held `a` (it was attempt 1's). `a` was dropped when the
    /// replaced file alone became the text to fix, so a fixer racing a steady appender lost a line
    /// every few dozen.
    @Test func linesCarriedFromAnEarlierRenameSurviveTheNextOne() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "one\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            switch (attempt, moment) {
            case (1, .afterCheck): Self.append("a\r\n", to: path)
            case (2, .beforeCheck): Self.append("b\r\n", to: path)
            case (3, .afterCheck): Self.append("c\r\n", to: path)
            default: break
            }
        })
        #expect(try writer.rewrite(path, fixing: Self.unixLineEndings))
        #expect(String(decoding: try folder.read("post.md"), as: UTF8.self) == "one\na\nb\nc\n")
        #expect(try Self.folderHoldsOnly(["post.md"], folder))
    }

    /// While a line (`a`) is carried from a replaced file, the post is rewritten in place
    /// between the check and the rename: the program that did it never saw `a`. The post keeps
    /// the fix with `a`, the other program's text is kept beside it, and the error names that file.
    @Test func aRewriteInPlaceWhileALineIsCarriedIsKeptBeside() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "one\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            switch (attempt, moment) {
            case (1, .afterCheck): Self.append("a\r\n", to: path)
            case (2, .afterCheck):
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                _ = Array("two\n".utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                close(descriptor)
            default: break
            }
        })
        var message = ""
        do throws(PostlintError) {
            try writer.rewrite(path, fixing: Self.unixLineEndings)
        } catch {
            message = error.message
        }
        #expect(try folder.read("post.md") == Array("one\na\n".utf8))
        let others = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "post.md" }
        #expect(others.count == 1)
        if let kept = others.first {
            #expect(message.hasSuffix("kept in \(kept)"), "\(message)")
            #expect(try folder.read(kept) == Array("two\n".utf8))
        }
    }

    /// A program that opened the post before the rename and writes to it 50 ms later (into the
    /// replaced file): the writer waits until it closes the file, and its line is carried over.
    @Test func aWriterHoldingThePostOpenAcrossTheRenameIsWaitedFor() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "one\r\n")
        let closed = DispatchSemaphore(value: 0)
        let writer = FixWriter(hook: { _, attempt, moment in
            guard attempt == 1, moment == .afterCheck else { return }
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            Thread {
                usleep(50_000)
                _ = Array("slow\r\n".utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                closed.signal()
            }.start()
        })
        #expect(try writer.rewrite(path, fixing: Self.unixLineEndings))
        closed.wait()
        #expect(try folder.read("post.md") == Array("one\nslow\n".utf8))
    }

    /// The same size, other bytes (an editor saving in place): not overwritten with the fix of
    /// the old text.
    @Test func aFileRewrittenInPlaceBeforeTheRenameIsFixedAsItIsNow() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "aaa\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            guard attempt == 1, moment == .beforeCheck else { return }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            _ = Array("bbb\r\n".utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            close(descriptor)
        })
        try writer.rewrite(path, fixing: Self.unixLineEndings)
        #expect(try folder.read("post.md") == Array("bbb\n".utf8))
    }

    /// Another file renamed over the post (an editor's atomic save) before the rename: that file
    /// is the post now, and it is the one fixed.
    @Test func aFileReplacedBeforeTheRenameIsFixedAsItIsNow() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "old\r\n")
        let other = try folder.write("other.md", "saved by an editor\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            if attempt == 1, moment == .beforeCheck { rename(other, path) }
        })
        try writer.rewrite(path, fixing: Self.unixLineEndings)
        #expect(try folder.read("post.md") == Array("saved by an editor\n".utf8))
        #expect(try Self.folderHoldsOnly(["post.md"], folder))
    }

    /// A file that changes on every attempt is refused after a bounded number of them, and
    /// everything appended to it is still in it.
    @Test func aFileThatKeepsChangingIsRefusedWithNothingLost() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "start\r\n")
        let writer = FixWriter(hook: { _, attempt, moment in
            if moment == .beforeCheck { Self.append("line \(attempt)\r\n", to: path) }
        })
        #expect(throws: PostlintError.self) { try writer.rewrite(path, fixing: Self.unixLineEndings) }
        let expected = (1...FixWriter.maximumAttempts).map { "line \($0)\r\n" }.joined()
        #expect(try folder.read("post.md") == Array(("start\r\n" + expected).utf8))
        #expect(try Self.folderHoldsOnly(["post.md"], folder))
    }

    /// A link that leads to a FIFO or nowhere is refused at once (the FIFO is not waited on), and
    /// the link is left as it was.
    @Test func aLinkToAFIFOOrToNothingIsRefused() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.path + "/pipe", 0o644) == 0)
        #expect(symlink("pipe", folder.path + "/fifo.md") == 0)
        #expect(symlink("missing.md", folder.path + "/dangling.md") == 0)
        for name in ["fifo.md", "dangling.md"] {
            #expect(throws: PostlintError.self) {
                try FixWriter().rewrite(folder.path + "/" + name, fixing: Self.unixLineEndings)
            }
            var info = stat()
            #expect(lstat(folder.path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        }
        #expect(try Self.folderHoldsOnly(["pipe", "fifo.md", "dangling.md"], folder))
    }

    /// Nothing to fix: nothing written, the file's inode and time untouched.
    @Test func aFileWithNothingToFixIsNotWritten() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "clean\n")
        var before = stat()
        stat(path, &before)
        let written = try FixWriter().rewrite(path, fixing: Self.unixLineEndings)
        var after = stat()
        stat(path, &after)
        #expect(!written)
        #expect(before.st_ino == after.st_ino)
    }

    /// A real appending process (here a thread that opens, appends a line and closes, every
    /// 3 ms, as `echo >> post.md` in a loop does) while the post is fixed over and over: every line
    /// it appended is in the post at the end, once and in order, or in a file the fixer kept beside
    /// it and named in its error; nothing else is left in the folder.
    ///
    /// `pause` stands for a slow machine (a loaded CI runner under a sanitizer, a slow disk): each
    /// attempt waits that long after flushing its temporary file and again between its check and
    /// its rename. At 2 ms, appends keep landing in the replaced file while every later attempt
    /// loses the race, so the fixer gives up and keeps those bytes in a file of their own; a test
    /// that wanted every line in the post failed that way on such a runner.
    @Test(arguments: [0, 2_000, 8_000] as [useconds_t])
    func aConcurrentAppenderLosesNoLine(pause: useconds_t) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", "first\r\n")
        let lineCount = 200
        let finished = DispatchSemaphore(value: 0)
        let appending = Thread {
            for index in 0..<lineCount {
                Self.append("line \(index)\r\n", to: path)
                usleep(3_000)
            }
            finished.signal()
        }
        appending.start()
        let writer = FixWriter(hook: { _, _, _ in
            if pause > 0 { usleep(pause) }
        })
        var errors: [String] = []
        let deadline = Date().addingTimeInterval(HangGuard.seconds(60))
        while finished.wait(timeout: .now()) == .timedOut, Date() < deadline {
            do throws(PostlintError) {
                try writer.rewrite(path, fixing: Self.unixLineEndings)
            } catch {
                // Refused after changing on every attempt: allowed, as long as nothing is lost.
                errors.append(error.message)
            }
        }
        try writer.rewrite(path, fixing: Self.unixLineEndings)

        let post = String(decoding: try folder.read("post.md"), as: UTF8.self)
        #expect(!post.contains("\r"), "the post is not wholly fixed")
        #expect(post.hasPrefix("first\n"))
        let lines = try AppendedLines(in: folder, post: "post.md", prefix: "line ", count: lineCount)
        #expect(lines.postIsInOrder, "lines repeated or out of order: \(lines.inPost)")
        #expect(lines.lost.isEmpty, "lines lost: \(lines.lost); errors: \(errors)")
        for name in lines.otherFiles {
            #expect(name.hasPrefix("post.md.postlint-kept-"), "left in the folder: \(name)")
            #expect(errors.contains { $0.hasSuffix("kept in \(name)") }, "\(name) was named by no error: \(errors)")
        }
        if lines.otherFiles.isEmpty {
            #expect(post == "first\n" + (0..<lineCount).map { "line \($0)\n" }.joined())
        }
    }
}
