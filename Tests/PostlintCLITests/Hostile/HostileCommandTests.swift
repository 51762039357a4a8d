import Foundation
import Testing
import PostlintTestSupport

/// The built binary against hostile input: a run ends with a documented exit code, and `fix` never
/// leaves a half-written file.
@Suite struct HostileCommandTests {
    static let post =
        "---\ntitle: Hostile\nslug: Not A Slug\nexcerpt: A post for the hostile input tests of the command line, long enough.\nkeywords: [hostile]\n---\nBody.\n"

    /// A user pattern with nested quantifiers on a long value backtracks exponentially in a
    /// backtracking engine. The promise: the match is stopped by its step budget and reported at the
    /// value under the rule's id; the run ends at once, never a hang.
    @Test func aCatastrophicUserPatternIsBoundedNotAHang() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "packs: [./pack]\n")
        try folder.write(
            "pack/redos.yml",
            """
            schema: 1
            kind: pattern
            summary: Titles are runs of a
            field: title
            pattern: "(a+)+$"
            must: not-match

            """)
        try folder.write("post.md", "---\ntitle: " + String(repeating: "a", count: 5_000) + "!\n---\nBody.\n")
        let started = Date()
        let result = try BoundedRun.run(["check", "post.md"], in: folder.path, seconds: 20)
        #expect(!result.timedOut, "postlint check did not end within 20 s")
        #expect(Date().timeIntervalSince(started) < HangGuard.seconds(10))
        #expect(result.status == 1)
        #expect(
            result.standardOutput.contains("post.md:2:8: warning: pattern (a+)+$ gave up on the \"title\" value"),
            "\(result.standardOutput)")
        #expect(result.standardOutput.contains("[pack.redos]"), "\(result.standardOutput)")
    }

    /// A 1 MB single line full of links, images and markup: the run ends with its findings (columns
    /// come from the line index's checkpoints, so thousands of findings on one line stay linear).
    @Test func aOneMegabyteSingleLineFullOfMarkupEnds() throws {
        let folder = try TemporaryFolder()
        var line = ""
        var index = 0
        while line.utf8.count < 1_000_000 {
            line += "word \(index) [link](/p/\(index)) *em* `code` ![alt](/i/\(index).png) "
            index += 1
        }
        try folder.write("post.md", Self.post + line + "\n")
        let result = try BoundedRun.run(["check", "post.md"], in: folder.path, seconds: 30)
        #expect(!result.timedOut, "postlint check did not end within 30 s")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("post.md:3:7: error:"))
    }

    /// A 100 MB post (headings, paragraphs, emphasis, code, non-ASCII text, no findings): linted
    /// to the end with its report and exit code, its memory a small multiple of the file.
    @Test func aHundredMegabytePostIsLinted() throws {
        let folder = try TemporaryFolder()
        let paragraph = Array(
            "Some words of a paragraph with *emphasis*, `code` and an em dash \u{2014} here, long enough. \n\n".utf8)
        var bytes = Array(Self.post.replacingOccurrences(of: "Not A Slug", with: "a-hundred-megabytes").utf8)
        bytes.reserveCapacity(100 * 1024 * 1024 + paragraph.count)
        var section = 0
        while bytes.count < 100 * 1024 * 1024 {
            if bytes.count / (4 * 1024 * 1024) > section {
                section += 1
                bytes += Array("## Part \(section)\n\n".utf8)
            }
            bytes += paragraph
        }
        try folder.write("post.md", bytes: bytes)
        let measured = try PeakMemory.run(["check", folder.path + "/post.md"])
        #expect(measured.status == 0, "exit \(measured.status)")
        // The file is 100 MB; the bytes, their decoded text, the line index and the body's
        // facts are held at once. Far from the gigabytes a per-byte array would take.
        #expect(
            HangGuard.isUnderSanitizer || measured.kilobytes < 1_000_000, "peak \(measured.kilobytes / 1024) MB for a 100 MB post"
        )
    }

    /// Memory grows with the largest post, not with the number of posts: a site of 2,000 posts
    /// peaks within a few megabytes of a site of 20 of the same posts.
    @Test func memoryDoesNotGrowWithTheNumberOfPosts() throws {
        func site(_ count: Int) throws -> TemporaryFolder {
            let folder = try TemporaryFolder()
            let body = String(repeating: "A paragraph of the post, with a few words in it. ", count: 60)
            for index in 0..<count {
                let post =
                    "---\ntitle: Post number \(index) of the site\nslug: post-\(index)\nexcerpt: The excerpt of post \(index), long enough for the default rules to be content.\nkeywords: [post]\n---\n\n# Post \(index)\n\n\(body)\n"
                try folder.write("section-\(index % 40)/post-\(index).md", post)
            }
            return folder
        }
        let small = try site(20)
        let large = try site(2_000)
        let few = try PeakMemory.run(["check", small.path])
        let many = try PeakMemory.run(["check", large.path])
        #expect(few.status == many.status)
        // Site-level facts (a slug, a title, an excerpt a post) are the only growth: 2,000 posts'
        // worth is well under 16 MB. A run holding whole documents would need over 6 MB more per
        // thousand posts of this size, plus their parsed forms.
        #expect(
            HangGuard.isUnderSanitizer || many.kilobytes < few.kilobytes + 16 * 1024,
            "20 posts: \(few.kilobytes / 1024) MB, 2,000 posts: \(many.kilobytes / 1024) MB")
    }

    /// `fix` killed with SIGKILL at points spread over its run: the file is always the original or
    /// the fixed one, byte for byte. Fixing the fixed file changes nothing (idempotent).
    @Test func aFixKilledAtAnyPointLeavesTheOriginalOrTheFixedFile() throws {
        let folder = try TemporaryFolder()
        // A byte order mark and mixed line endings: both fixable, and the fix touches the whole file.
        var text = "\u{FEFF}" + Self.post
        var index = 0
        while text.utf8.count < 6_000_000 {
            text += index % 2 == 0 ? "Line \(index) of a long post.\r\n" : "Line \(index) of a long post.\n"
            index += 1
        }
        let original = Array(text.utf8)
        try folder.write("reference.md", bytes: original)
        let started = Date()
        _ = try BoundedRun.run(["fix", "reference.md"], in: folder.path, seconds: 300)
        let duration = Date().timeIntervalSince(started)
        let fixed = try folder.read("reference.md")
        #expect(fixed != original, "the reference fix changed nothing")
        let again = try BoundedRun.run(["fix", "reference.md"], in: folder.path, seconds: 300)
        #expect(!again.timedOut)
        #expect(try folder.read("reference.md") == fixed, "fixing a fixed file changed it")

        // Kills spread from an eighth of the reference run's time to a little past its end, so
        // they land while the post is read, while the fixes are computed and while it is written.
        var sawOriginal = false
        for step in 1...9 {
            try folder.write("post.md", bytes: original)
            try BoundedRun.killed(["fix", "post.md"], in: folder.path, after: duration * Double(step) / 8)
            let after = try folder.read("post.md")
            #expect(after == original || after == fixed, "kill \(step) of 9 left \(after.count) bytes that are neither")
            if after == original { sawOriginal = true }
        }
        // An early kill must have met the original for the test to mean anything (a run that
        // finished in an eighth of the reference time would not have).
        #expect(sawOriginal)
        // And a run left alone ends with the fixed file, whatever the load on the machine.
        try folder.write("post.md", bytes: original)
        let whole = try BoundedRun.run(["fix", "post.md"], in: folder.path, seconds: 300)
        #expect(!whole.timedOut)
        #expect(try folder.read("post.md") == fixed)
    }

    /// No include mechanism exists: a configuration cannot pull in another file or itself.
    /// `extends` takes preset names only, other keys that try are unknown (exit 2, positioned), and
    /// `include` only selects posts.
    @Test func aConfigurationCannotIncludeItself() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.post)
        for key in ["extends", "import", "includes"] {
            try folder.write(".postlint.yml", "\(key): .postlint.yml\n")
            let result = try BoundedRun.run(["check", "post.md"], in: folder.path, seconds: 60)
            #expect(!result.timedOut)
            #expect(result.status == 2, "\(key)")
            // Positioned: the key for an unknown key, the value for an unknown preset.
            let position = key == "extends" ? ".postlint.yml:1:10:" : ".postlint.yml:1:1:"
            #expect(result.standardError.contains(position), "\(key): \(result.standardError)")
        }
        try folder.write(".postlint.yml", "include: [.postlint.yml, \"*.md\"]\n")
        let result = try BoundedRun.run(["check", "."], in: folder.path, seconds: 60)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("post.md:3:7"))
    }

    @Test func aConfigurationNamingAMissingPackExitsTwoWithItsPosition() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md", Self.post)
        try folder.write(".postlint.yml", "rules:\n  slug-format: error\npacks: [./missing-pack]\n")
        let result = try BoundedRun.run(["check", "post.md"], in: folder.path, seconds: 60)
        #expect(result.status == 2)
        #expect(result.standardError.contains(".postlint.yml:3:"), "\(result.standardError)")
        #expect(result.standardError.contains("missing-pack"))
        #expect(result.standardOutput.isEmpty)
    }

    /// Permissions cannot stop root, so the run drops to the `nobody` user to meet a file and a
    /// folder it may not read: both reported, the readable post linted, exit 2.
    @Test func unreadableFileAndFolderAsAnOrdinaryUser() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let folder = try TemporaryFolder()
        chmod(folder.path, 0o755)
        let readable = try folder.write("ok.md", Self.post)
        let locked = try folder.write("locked.md", Self.post)
        let inner = try folder.write("closed/inner.md", Self.post)
        for path in [readable, inner] { chmod(path, 0o644) }
        chmod(locked, 0o600)
        chmod(folder.path + "/closed", 0o700)
        let binary = CommandRunner.executable.path
        // The binary and its folders must be reachable by nobody too.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary, "check", "."]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if errors.contains("Permission denied"), !errors.contains("locked.md") {
            // nobody cannot run the binary where it was built (a private folder): nothing to learn.
            return
        }
        #expect(process.terminationStatus == 2, "\(errors)")
        #expect(errors.contains("locked.md"))
        #expect(errors.contains("closed"))
        #expect(output.contains("ok.md:3:7"))
        #expect(!output.contains("locked.md:"))
    }

    /// One worker or all of them (the linter uses as many as the process may run on): the same
    /// report, byte for byte.
    @Test func theReportIsTheSameOnOneCoreAndOnAll() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") else { return }
        let folder = try TemporaryFolder()
        for index in 0..<80 {
            try folder.write("p\(index % 9)/post-\(index).md", index % 4 == 0 ? "no front matter\n" : Self.post)
        }
        let all = try BoundedRun.run(["check", ".", "--format", "json"], in: folder.path, seconds: 120)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = ["-c", "0", CommandRunner.executable.path, "check", ".", "--format", "json"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let single = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(all.status == 1)
        #expect(process.terminationStatus == all.status)
        #expect(single == all.standardOutput)
        #expect(single.contains("duplicate-slug"))
    }
}
