import PostlintCore

/// Records of git's raw diff format, `-z` (`git diff --raw -z`, `git diff-files -z`): a header
/// `:<old mode> <new mode> <old id> <new id> <status>`, then the path, or for a rename or copy the
/// old path and the new.
enum RawDiff {
    struct Blob {
        var id: String
        var path: String
    }

    struct Record {
        var status: Character
        var oldMode: Substring
        var newMode: Substring
        var oldID: Substring
        var newID: Substring
        var oldPath: String
        var path: String

        /// The new side's blob, when it is a regular file (not a link, a submodule or nothing).
        var newBlob: Blob? { Self.isRegularFile(newMode) ? Blob(id: String(newID), path: path) : nil }
        /// The old side's blob, at the path the record names (its new path for a rename).
        var oldBlob: Blob? { Self.isRegularFile(oldMode) ? Blob(id: String(oldID), path: path) : nil }

        private static func isRegularFile(_ mode: Substring) -> Bool { mode == "100644" || mode == "100755" }
    }

    static func records(_ output: [UInt8]) -> [Record] {
        // Every field ends with a NUL: the last one is followed by nothing.
        // Paths keep bytes that are not UTF-8 as `FileNameBytes` carries them, as the walk does.
        var fields = output.split(separator: 0, omittingEmptySubsequences: false).map { FileNameBytes.string($0) }
        if output.last == 0 { fields.removeLast() }
        var records: [Record] = []
        var index = 0
        while index < fields.count {
            let header = fields[index]
            index += 1
            guard header.hasPrefix(":") else { continue }
            let parts = header.dropFirst().split(separator: " ")
            guard parts.count == 5, let status = parts[4].first else { continue }
            let pathCount = status == "R" || status == "C" ? 2 : 1
            guard index + pathCount <= fields.count else { break }
            let oldPath = fields[index]
            let path = fields[index + pathCount - 1]
            index += pathCount
            records.append(
                Record(
                    status: status, oldMode: parts[0], newMode: parts[1], oldID: parts[2], newID: parts[3],
                    oldPath: oldPath, path: path))
        }
        return records
    }
}
