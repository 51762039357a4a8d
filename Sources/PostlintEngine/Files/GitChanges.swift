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

    /// The staged contents (from the index, not the working tree) of staged files, by absolute path.
    public static func stagedContents(in directory: String) throws(PostlintError) -> [String: [UInt8]] {
        let root = try repositoryRoot(directory)
        let names = try git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMRT", "--find-renames"], in: root)
        var contents: [String: [UInt8]] = [:]
        for name in names.split(separator: "\0") {
            contents[PathUtilities.join(root, String(name))] = try gitBytes(["show", ":" + String(name)], in: root)
        }
        return contents
    }

    /// Absolute paths of the files in the index (tracked or staged; what the next commit holds).
    public static func indexedFiles(in directory: String) throws(PostlintError) -> Set<String> {
        let root = try repositoryRoot(directory)
        // Split as bytes: a 40,000-file index is 3 MB, and splitting the string by characters
        // took 100 ms.
        let names = try gitBytes(["ls-files", "--cached", "-z"], in: root)
        var files = Set<String>(minimumCapacity: names.count / 40)
        for name in names.split(separator: 0) {
            files.insert(PathUtilities.join(root, String(decoding: name, as: UTF8.self)))
        }
        return files
    }

    /// The keys of the absolute paths of the files in the index, made from git's bytes without a
    /// string for each (a 40,000-file index held as strings took 4 MB and a tenth of `--staged`'s time).
    static func indexedFileKeys(in directory: String) throws(PostlintError) -> Set<PathKey> {
        let root = try repositoryRoot(directory)
        let names = try gitBytes(["ls-files", "--cached", "-z"], in: root)
        var keys = Set<PathKey>(minimumCapacity: names.count / 40)
        var builder = PathKeyBuilder(folder: root == "/" ? "" : root)
        for name in names.split(separator: 0) { keys.insert(builder.key(name)) }
        return keys
    }

    static func repositoryRoot(_ directory: String) throws(PostlintError) -> String {
        try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func git(_ arguments: [String], in directory: String) throws(PostlintError) -> String {
        String(decoding: try gitBytes(arguments, in: directory), as: UTF8.self)
    }

    private static func gitBytes(_ arguments: [String], in directory: String) throws(PostlintError) -> [UInt8] {
        let result: ChildProcess.Output
        do {
            result = try ChildProcess.run("git", ["-C", directory] + arguments)
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
