/// The patterns of one ignore file (`.gitignore`, `.ignore`, `.git/info/exclude`), each compiled
/// once when the file is read.
struct IgnoreFile: Sendable {
    /// What the file says about a path.
    enum Verdict: Sendable, Equatable {
        /// Its last matching pattern ignores it.
        case ignored
        /// Its last matching pattern is a negation (`!pattern`): it is not ignored, whatever the
        /// ignore files of the folders above say.
        case included
    }

    /// In the file's order; the last that matches decides.
    let patterns: [IgnorePattern]
    /// The indices of the patterns without wildcards, by the name (or for anchored ones the
    /// path) they stand for: a file of thousands of names costs a look-up, not a comparison each.
    private let namesAt: [[UInt8]: [Int]]
    private let pathsAt: [[UInt8]: [Int]]
    /// The indices of the other patterns.
    private let wildcardPatterns: [Int]

    /// The patterns of a file's bytes (lines end at `\n`; a `\r` before it is dropped; a UTF-8
    /// byte order mark at the start is skipped, as git skips it).
    init(bytes: [UInt8]) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var patterns: [IgnorePattern] = []
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let pattern = IgnorePattern(line: bytes[start..<end]) { patterns.append(pattern) }
            start = end + 1
        }
        self.patterns = patterns
        var namesAt: [[UInt8]: [Int]] = [:]
        var pathsAt: [[UInt8]: [Int]] = [:]
        var wildcardPatterns: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            if let literal = pattern.literalBytes {
                if pattern.isAnchored {
                    pathsAt[literal, default: []].append(index)
                } else {
                    namesAt[literal, default: []].append(index)
                }
            } else {
                wildcardPatterns.append(index)
            }
        }
        self.namesAt = namesAt
        self.pathsAt = pathsAt
        self.wildcardPatterns = wildcardPatterns
    }

    init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// What the file's last matching pattern says about the entry at `relativePath` (relative to
    /// the file's folder), or nil when none matches.
    func verdict(relativePath: ArraySlice<UInt8>, isFolder: Bool) -> Verdict? {
        var last = -1
        for index in wildcardPatterns.reversed()
        where patterns[index].matches(relativePath: relativePath, isFolder: isFolder) {
            last = index
            break
        }
        let name = relativePath.lastIndex(of: UInt8(ascii: "/")).map { relativePath[($0 + 1)...] } ?? relativePath
        for (table, key) in [(namesAt, name), (pathsAt, relativePath)] where !table.isEmpty {
            guard let indices = table[Array(key)] else { continue }
            for index in indices.reversed()
            where index > last
                && patterns[index].matches(relativePath: relativePath, isFolder: isFolder)
            {
                last = index
                break
            }
        }
        guard last >= 0 else { return nil }
        return patterns[last].isNegated ? .included : .ignored
    }
}
