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
        let changed = try gitBytes(
            ["diff", "--name-only", "-z", "--diff-filter=ACMRT", "--find-renames", base, "--"],
            in: root)
        let untracked = try gitBytes(["ls-files", "--others", "--exclude-standard", "-z"], in: root)
        // Names keep bytes that are not UTF-8 as `FileNameBytes` carries them, as the walk does.
        return Set((changed + untracked).split(separator: 0).map { PathUtilities.join(root, FileNameBytes.string($0)) })
    }

    /// The staged contents (from the index, not the working tree) of the staged files, by
    /// absolute path, read with one `git cat-file --batch`.
    public static func stagedContents(inRepositoryAt root: String) throws(PostlintError) -> [String: [UInt8]] {
        let staged = try gitBytes(
            ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--diff-filter=ACMRT", "--find-renames"], in: root)
        // The new side of each change: the index's.
        return try indexContents(of: RawDiff.records(staged).compactMap { $0.newBlob }, root: root)
    }

    /// The contents git's index holds for the posts edited in the working tree but not staged, by
    /// absolute path (a staged post edited again is among them, with its staged content).
    static func indexContentsOfEditedPosts(inRepositoryAt root: String) throws(PostlintError) -> [String: [UInt8]] {
        let edited = try gitBytes(["diff-files", "-z", "--no-abbrev"], in: root)
        // The old side of each change: the index's.
        let blobs = RawDiff.records(edited).filter { $0.status == "M" || $0.status == "T" }.compactMap { record in
            record.oldBlob.flatMap { FileDiscovery.isMarkdown($0.path) ? $0 : nil }
        }
        return try indexContents(of: blobs, root: root)
    }

    private static func indexContents(of blobs: [RawDiff.Blob], root: String) throws(PostlintError) -> [String: [UInt8]] {
        let contents = try blobContents(Array(Set(blobs.map(\.id))), in: root)
        var byPath: [String: [UInt8]] = [:]
        for blob in blobs {
            let path = PathUtilities.join(root, blob.path)
            // Never an empty post in place of one git could not give.
            guard let content = contents[blob.id] else {
                throw PostlintError(path: path, message: "git has no object \(blob.id) for the content in its index")
            }
            byPath[path] = content
        }
        return byPath
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
        // Read in place, a record at a time: no array of records or of fields (40,000 of each).
        var start = 0
        while start < listing.count {
            let end = listing[start...].firstIndex(of: 0) ?? listing.count
            defer { start = end + 1 }
            guard let tab = listing[start..<end].firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let key = builder.key(listing[(tab + 1)..<end])
            let blob = blobID(ofFields: listing[start..<tab])
            // A path in conflict is listed once per stage: it keeps no id.
            if blobs.updateValue(blob, forKey: key) != nil { blobs[key] = .some(nil) }
        }
        return blobs
    }

    /// The id in a record's `<mode> <object> <stage>` when it is a regular file at stage 0.
    private static func blobID(ofFields fields: ArraySlice<UInt8>) -> GitBlobID? {
        guard let firstSpace = fields.firstIndex(of: UInt8(ascii: " ")),
            let lastSpace = fields.lastIndex(of: UInt8(ascii: " ")), firstSpace < lastSpace,
            fields[(lastSpace + 1)...].elementsEqual("0".utf8)
        else { return nil }
        let mode = fields[..<firstSpace]
        guard mode.elementsEqual("100644".utf8) || mode.elementsEqual("100755".utf8) else { return nil }
        return GitBlobID(hexadecimal: fields[(firstSpace + 1)..<lastSpace])
    }

    /// The top folder of the work tree around `directory`.
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
