import Foundation
import Testing
import PostlintTestSupport

/// What `fix` may and may not do to the file it writes, and where `--output` may write: the owner
/// and group kept, no setuid bit carried, links fixed through or refused, other encodings left
/// alone, and reports never written through a link, a FIFO or a device.
@Suite struct FixWriteSafetyTests {
    static let post = "---\ntitle: Safety\n---\nBody.\n"
    static let postWithMark = "\u{FEFF}" + post

    static func info(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> BoundedRun.Output {
        let result = try BoundedRun.run(arguments, in: folder.path, seconds: 60)
        #expect(!result.timedOut, "postlint \(arguments.joined(separator: " ")) did not end within 60 s")
        return result
    }

    // MARK: fix: owner, group and mode bits

    /// Root fixing a user's setuid program (a post with a byte order mark and mode 04755) must not
    /// hand that user a root-owned setuid file: the owner and group stay, the setuid, setgid and
    /// sticky bits go.
    @Test func rootFixingAUsersSetuidFileKeepsTheOwnerAndDropsTheSpecialBits() throws {
        guard geteuid() == 0 else { return }
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", Self.postWithMark)
        #expect(chown(path, 65534, 65534) == 0)
        #expect(chmod(path, 0o7755) == 0)
        let result = try Self.run(["fix", "post.md"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try folder.read("post.md") == Array(Self.post.utf8))
        let after = try #require(Self.info(path))
        #expect(after.st_uid == 65534)
        #expect(after.st_gid == 65534)
        #expect(after.st_mode & 0o7777 == 0o755)
    }

    /// A user who may write a file owned by someone else (here `nobody`, in a folder open to all,
    /// on root's world-writable post) cannot give the new file its owner: the fix is refused with
    /// a message, instead of handing the post over to the user who ran it.
    @Test func aFixThatCannotKeepTheOwnerIsRefused() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let folder = try TemporaryFolder()
        chmod(folder.path, 0o777)
        let path = try folder.write("post.md", Self.postWithMark)
        chmod(path, 0o666)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=nobody", "--regid=nogroup", "--clear-groups", CommandRunner.executable.path, "fix", "post.md",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let errorPipe = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
        let errors = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if errors.contains("Permission denied"), !errors.contains("post.md") {
            // nobody cannot run the binary where it was built (a private folder): nothing to learn.
            return
        }
        #expect(process.terminationStatus == 2, "\(errors)")
        #expect(errors.contains("post.md: cannot keep its owner"), "\(errors)")
        #expect(try folder.read("post.md") == Array(Self.postWithMark.utf8))
        #expect(try #require(Self.info(path)).st_uid == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["post.md"])
    }

    // MARK: fix: a post written to while it is fixed

    /// The reported case: another process appends a line every 10 ms while `postlint fix` runs
    /// over and over. Each run fixes the post or, when it keeps changing, leaves it (exit 2); no
    /// appended line is ever lost: it is in the post, or in a file a run kept beside it and named.
    @Test func linesAppendedByAnotherProcessDuringFixesAreNeverLost() throws {
        let folder = try TemporaryFolder()
        // LF lines, then CRLF lines appended: mixed line endings, fixed (to LF) on every run.
        var text = "---\ntitle: Appended to\n---\n"
        for index in 0..<2_000 { text += "Body line \(index) of a post.\n" }
        try folder.write("post.md", text)
        let lineCount = 150
        let appender = Process()
        appender.executableURL = URL(fileURLWithPath: "/bin/sh")
        appender.arguments = [
            "-c", "i=0; while [ $i -lt \(lineCount) ]; do printf 'appended %d\\r\\n' $i >> post.md; i=$((i+1)); sleep 0.01; done",
        ]
        appender.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try appender.run()
        var runs = 0
        var errors = ""
        let deadline = Date().addingTimeInterval(HangGuard.seconds(120))
        while appender.isRunning, Date() < deadline {
            let result = try Self.run(["fix", "post.md"], in: folder)
            #expect(result.status == 0 || result.status == 2, "\(result.standardError)")
            errors += result.standardError
            runs += 1
        }
        if appender.isRunning { appender.terminate() }
        appender.waitUntilExit()
        let last = try Self.run(["fix", "post.md"], in: folder)
        #expect(last.status == 0, "\(last.standardError)")
        let fixed = try folder.read("post.md")
        #expect(!fixed.contains(0x0D), "the last fix left carriage returns")
        #expect(fixed.starts(with: Array(text.utf8)))
        // On a loaded machine a run may give up and keep the other program's text beside the
        // post, naming the file: allowed, as long as no line is lost.
        let appended = try AppendedLines(in: folder, post: "post.md", prefix: "appended ", count: lineCount)
        #expect(appended.postIsInOrder, "lines repeated or out of order: \(appended.inPost)")
        #expect(appended.lost.isEmpty, "lines lost after \(runs) runs: \(appended.lost); errors: \(errors)")
        for name in appended.otherFiles {
            #expect(name.hasPrefix("post.md.postlint-kept-") && errors.contains("kept in \(name)"), "left in the folder: \(name)")
        }
        if appended.otherFiles.isEmpty {
            #expect(appended.inPost == Array(0..<lineCount))
        }
    }

    // MARK: fix: encodings other than UTF-8

    /// `check` offers no fix for a UTF-16 or UTF-32 file, so `fix` must not change one byte of it:
    /// not its carriage returns, not a stray odd byte at its end.
    @Test func filesInUTF16OrUTF32AreNeverRewritten() throws {
        let folder = try TemporaryFolder()
        let text = "---\r\ntitle: x\r\n---\r\nBody\r\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        var bare: [UInt8] = []
        var wide: [UInt8] = [0xFF, 0xFE, 0, 0]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bare += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            wide += [UInt8(unit & 0xFF), UInt8(unit >> 8), 0, 0]
        }
        little.append(0x0D)
        let files = ["little.md": little, "big.md": big, "bare.md": bare, "wide.md": wide]
        for (name, bytes) in files { try folder.write(name, bytes: bytes) }
        let dryRun = try Self.run(["fix", "--dry-run", "."], in: folder)
        #expect(dryRun.standardOutput.isEmpty, "\(dryRun.standardOutput)")
        _ = try Self.run(["fix", "."], in: folder)
        for (name, bytes) in files {
            #expect(try folder.read(name) == bytes, "\(name) was rewritten")
        }
    }

    // MARK: fix: links

    /// A post that is a symbolic link is fixed in the file it points to; the link stays a link.
    @Test func aSymlinkedPostIsFixedThroughItsLink() throws {
        let folder = try TemporaryFolder()
        try folder.write("drafts/real.md", Self.postWithMark)
        #expect(symlink("drafts/real.md", folder.path + "/post.md") == 0)
        let result = try Self.run(["fix", "post.md"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let link = try #require(Self.info(folder.path + "/post.md"))
        #expect(link.st_mode & S_IFMT == S_IFLNK, "the link was replaced by a copy")
        #expect(try folder.read("drafts/real.md") == Array(Self.post.utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/drafts")
        #expect(leftovers == ["real.md"])
    }

    /// A post found by walking a folder may be a link planted by a stranger's pull request: it is
    /// fixed through only when the file it leads to lies below a folder named on the command line,
    /// so `fix site` never rewrites a file outside `site`. A post named on the command line is the
    /// user's choice and is fixed wherever its link leads.
    @Test func aWalkedLinkLeadingOutOfTheNamedFoldersIsNotFixed() throws {
        let folder = try TemporaryFolder()
        try folder.write("outside/victim.md", Self.postWithMark)
        try folder.write("site/inside.md", Self.postWithMark)
        #expect(symlink("../outside/victim.md", folder.path + "/site/planted.md") == 0)
        #expect(symlink("inside.md", folder.path + "/site/alias.md") == 0)
        let result = try Self.run(["fix", "site"], in: folder)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("planted.md"), "\(result.standardError)")
        #expect(result.standardError.contains("outside"), "\(result.standardError)")
        #expect(try folder.read("outside/victim.md") == Array(Self.postWithMark.utf8))
        #expect(try folder.read("site/inside.md") == Array(Self.post.utf8))

        let named = try Self.run(["fix", "site/planted.md"], in: folder)
        #expect(named.status == 0, "\(named.standardError)")
        #expect(try folder.read("outside/victim.md") == Array(Self.post.utf8))
    }

    /// Replacing one name of a hard-linked file would split it from its other names: refused,
    /// with the file's name, and nothing written.
    @Test func aHardLinkedPostIsRefusedByName() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.md", Self.postWithMark)
        #expect(link(path, folder.path + "/other.md") == 0)
        let result = try Self.run(["fix", "post.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("post.md: "), "\(result.standardError)")
        #expect(result.standardError.contains("hard link"), "\(result.standardError)")
        #expect(try folder.read("post.md") == Array(Self.postWithMark.utf8))
        let first = try #require(Self.info(path))
        let second = try #require(Self.info(folder.path + "/other.md"))
        #expect(first.st_ino == second.st_ino)
        #expect(first.st_nlink == 2)
        let check = try Self.run(["check", "--fix", "post.md"], in: folder)
        #expect(check.status == 2, "check --fix must say the fix was refused: \(check.standardError)")
        #expect(check.standardError.contains("hard link"), "\(check.standardError)")
        #expect(try folder.read("post.md") == Array(Self.postWithMark.utf8))
    }

    // MARK: --output

    /// `--output` writes a regular file or a new path. A symbolic link (even to a regular file), a
    /// FIFO, a device or a folder is refused with exit code 2 and its path, and left as it was.
    @Test func checkOutputRefusesLinksFIFOsDevicesAndFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.post)
        try folder.write("kept.txt", "kept\n")
        #expect(symlink("kept.txt", folder.path + "/link.txt") == 0)
        #expect(mkfifo(folder.path + "/pipe", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder.path + "/folder", withIntermediateDirectories: false)
        var refused = ["link.txt", "pipe", "folder"]
        if geteuid() == 0, mknod(folder.path + "/null", S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { refused.append("null") }
        for name in refused {
            let result = try Self.run(["check", "post.md", "--output", name], in: folder)
            #expect(result.status == 2, "--output \(name): \(result.standardError)")
            #expect(result.standardError.contains(name), "\(result.standardError)")
        }
        #expect(try #require(Self.info(folder.path + "/link.txt")).st_mode & S_IFMT == S_IFLNK)
        #expect(try folder.read("kept.txt") == Array("kept\n".utf8))
        #expect(try #require(Self.info(folder.path + "/pipe")).st_mode & S_IFMT == S_IFIFO)
        if refused.contains("null") {
            #expect(try #require(Self.info(folder.path + "/null")).st_mode & S_IFMT == S_IFCHR)
        }
        let audit = try Self.run(["audit", "post.md", "--output", "link.txt"], in: folder)
        #expect(audit.status == 2, "\(audit.standardError)")
        #expect(audit.standardError.contains("link.txt"), "\(audit.standardError)")
        let baseline = try Self.run(["check", "post.md", "--write-baseline", "link.txt"], in: folder)
        #expect(baseline.status == 2, "\(baseline.standardError)")
        #expect(try #require(Self.info(folder.path + "/link.txt")).st_mode & S_IFMT == S_IFLNK)
        #expect(try folder.read("kept.txt") == Array("kept\n".utf8))
    }

    /// A regular file or a new path is written; `-` is standard output (no file named `-`).
    @Test func checkOutputWritesRegularFilesNewPathsAndDashForStandardOutput() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.post)
        try folder.write("old.json", "old\n")
        let existing = try Self.run(["check", "post.md", "--format", "json", "--output", "old.json"], in: folder)
        #expect(existing.standardOutput.isEmpty)
        #expect(String(decoding: try folder.read("old.json"), as: UTF8.self).contains("\"diagnostics\""))
        let fresh = try Self.run(["check", "post.md", "--format", "json", "--output", "new.json"], in: folder)
        #expect(fresh.standardOutput.isEmpty)
        #expect(
            String(decoding: try folder.read("new.json"), as: UTF8.self)
                == String(decoding: try folder.read("old.json"), as: UTF8.self))
        let dash = try Self.run(["check", "post.md", "--format", "json", "--output", "-"], in: folder)
        #expect(dash.standardOutput.contains("\"diagnostics\""), "\(dash.standardError)")
        #expect(dash.status == existing.status)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/-"))
        let audit = try Self.run(["audit", "post.md", "--output", "-"], in: folder)
        #expect(!audit.standardOutput.isEmpty, "\(audit.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/-"))
    }
}
