import Foundation
import PostlintCore

/// Asks git which posts changed, for `--changed-since` and `--staged`.
public enum GitChanges {
    /// Absolute paths of the files changed between `reference`'s merge base with HEAD and the
    /// working tree (renames followed to their new name, deleted files left out), plus untracked
    /// files git does not ignore.
    public static func changedSince(_ reference: String, in directory: String) throws(PostlintError) -> Set<String> {
        let root = try repositoryRoot(directory)
        let base = try git(["merge-base", reference, "HEAD"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = try git(
            ["diff", "--name-only", "-z", "--diff-filter=ACMRT", "--find-renames", base, "--"],
            in: root)
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], in: root)
        return Set((changed + untracked).split(separator: "\0").map { PathUtilities.join(root, String($0)) })
    }

    /// What `--staged` reads from git's index, by absolute path: the staged files' contents (the
    /// posts the run reports), and the staged contents of the posts edited in the working tree
    /// but not staged (the commit holds them as staged: their site facts are read from there).
    public struct StagedContents: Sendable {
        public var staged: [String: [UInt8]] = [:]
        public var editedNotStaged: [String: [UInt8]] = [:]
    }

    /// The index's contents of the staged files and of the posts edited but not staged, read with
    /// one `git cat-file --batch` (the two lists asked for at once).
    public static func stagedContents(in directory: String) throws(PostlintError) -> StagedContents {
        let root = try repositoryRoot(directory)
        // The working tree's edits are listed on a thread of its own while the staged files are:
        // in a repository of 40,000 posts it is the slower of the two (git looks at every file).
        let edited = Locked<Result<[UInt8], PostlintError>?>(nil)
        let listed = DispatchGroup()
        listed.enter()
        Thread.detachNewThread {
            let result = Result { () throws(PostlintError) in try gitBytes(["diff-files", "-z", "--no-abbrev"], in: root) }
            edited.withLock { $0 = result }
            listed.leave()
        }
        let staged = try gitBytes(
            ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--diff-filter=ACMRT", "--find-renames"], in: root)
        listed.wait()
        let editedOutput = try (edited.withLock { $0 } ?? .success([])).get()
        // Staged: the new side of each change (the index); edited: the old side (the index again).
        let stagedBlobs = RawDiff.records(staged).compactMap { $0.newBlob }
        let editedBlobs = RawDiff.records(editedOutput).filter { $0.status == "M" || $0.status == "T" }.compactMap { record in
            record.oldBlob.flatMap { FileDiscovery.isMarkdown($0.path) ? $0 : nil }
        }
        let blobs = try blobContents(Array(Set((stagedBlobs + editedBlobs).map(\.id))), in: root)
        var contents = StagedContents()
        for blob in stagedBlobs {
            contents.staged[PathUtilities.join(root, blob.path)] = blobs[blob.id] ?? []
        }
        for blob in editedBlobs where contents.staged[PathUtilities.join(root, blob.path)] == nil {
            contents.editedNotStaged[PathUtilities.join(root, blob.path)] = blobs[blob.id] ?? []
        }
        return contents
    }

    /// The contents of the blobs `ids` (full object names), through one `git cat-file --batch`;
    /// an id git does not have is left out.
    static func blobContents(_ ids: [String], in root: String) throws(PostlintError) -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let output = try gitBytes(["cat-file", "--batch"], in: root, input: Array(ids.joined(separator: "\n").utf8) + [0x0A])
        var contents: [String: [UInt8]] = [:]
        var position = 0
        // Each object: `<id> <type> <size>` and a line break, its bytes, a line break; or `<id> missing`.
        while let lineEnd = output[position...].firstIndex(of: 0x0A) {
            let header = output[position..<lineEnd].split(separator: 0x20)
            position = lineEnd + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), size >= 0,
                size <= output.count - position
            else { continue }
            contents[String(decoding: header[0], as: UTF8.self)] = Array(output[position..<(position + size)])
            position += size + 1
        }
        return contents
    }

    /// The files in the index by the keys of their absolute paths, made from git's bytes without a
    /// string for each (a 40,000-file index held as strings took 4 MB and a tenth of `--staged`'s
    /// time), each with its content's id; nil for a file that is no regular file's content (a
    /// link, a submodule) or that is in conflict (more than one stage).
    static func indexedBlobs(in directory: String) throws(PostlintError) -> [PathKey: GitBlobID?] {
        let root = try repositoryRoot(directory)
        let listing = try gitBytes(["ls-files", "--stage", "-z"], in: root)
        return indexedBlobs(ofListing: listing, root: root)
    }

    /// `indexedBlobs` of `git ls-files --stage -z`'s output: `<mode> <object> <stage>`, a tab and
    /// the path, each record ended by a NUL.
    static func indexedBlobs(ofListing listing: [UInt8], root: String) -> [PathKey: GitBlobID?] {
        var blobs = [PathKey: GitBlobID?](minimumCapacity: listing.count / 80)
        var builder = PathKeyBuilder(folder: root == "/" ? "" : root)
        for record in listing.split(separator: 0) {
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let key = builder.key(record[(tab + 1)...])
            let fields = record[..<tab].split(separator: UInt8(ascii: " "))
            var blob: GitBlobID?
            if fields.count == 3, fields[2].elementsEqual("0".utf8),
                fields[0].elementsEqual("100644".utf8) || fields[0].elementsEqual("100755".utf8)
            {
                blob = GitBlobID(hexadecimal: fields[1])
            }
            // A path in conflict is listed once per stage: it keeps no id.
            if blobs.index(forKey: key) != nil { blob = nil }
            blobs[key] = .some(blob)
        }
        return blobs
    }

    static func repositoryRoot(_ directory: String) throws(PostlintError) -> String {
        try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func git(_ arguments: [String], in directory: String) throws(PostlintError) -> String {
        String(decoding: try gitBytes(arguments, in: directory), as: UTF8.self)
    }

    private static func gitBytes(_ arguments: [String], in directory: String, input: [UInt8]? = nil) throws(PostlintError)
        -> [UInt8]
    {
        let result: ChildProcess.Output
        do {
            result = try ChildProcess.run("git", ["-C", directory] + arguments, input: input)
        } catch {
            throw PostlintError(message: "cannot run git: \(error)", hint: "--changed-since and --staged need git on the PATH")
        }
        guard result.status == 0 else {
            let message = String(decoding: result.standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PostlintError(message: "git \(arguments.first ?? "") failed: \(message)")
        }
        return result.standardOutput
    }
}
