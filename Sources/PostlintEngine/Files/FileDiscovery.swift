#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PostlintCore

/// Finds the posts to lint below the paths given on the command line.
///
/// Folders are walked recursively with `opendir`/`readdir`, in name order, for `.md` and
/// `.markdown` files; names starting with `.` and `node_modules` are skipped; symbolic links to
/// folders are not followed (so a link loop cannot trap the walk). A file named explicitly is always
/// linted. Problems (a missing path, an unreadable folder) are collected, and the walk goes on.
public struct FileDiscovery {
    /// One file to lint.
    public struct Candidate: Sendable, Hashable {
        /// The path as reported: the path given joined with the file's path below it.
        public var displayPath: String
        /// Whether it was named explicitly (then config include/exclude do not apply).
        public var isExplicit: Bool
        private var location: Location

        /// Where the file is: its absolute path, or, for the files found below a folder, the
        /// folder's absolute path shared by all of them (one string per walk, not per file).
        private enum Location: Sendable {
            case absolute(String)
            /// The absolute path is `prefix` followed by the display path after its first
            /// `displayPrefixLength` bytes.
            case below(prefix: String, displayPrefixLength: Int)
        }

        public init(displayPath: String, absolutePath: String, isExplicit: Bool) {
            self.displayPath = displayPath
            self.isExplicit = isExplicit
            location = .absolute(absolutePath)
        }

        init(displayPath: String, below prefix: String, displayPrefixLength: Int) {
            self.displayPath = displayPath
            isExplicit = false
            location = .below(prefix: prefix, displayPrefixLength: displayPrefixLength)
        }

        /// The path to open (absolute).
        public var absolutePath: String {
            switch location {
            case .absolute(let path):
                return path
            case .below(let prefix, let length):
                return prefix + String(decoding: displayPath.utf8.dropFirst(length), as: UTF8.self)
            }
        }

        public static func == (left: Candidate, right: Candidate) -> Bool {
            left.displayPath == right.displayPath && left.isExplicit == right.isExplicit
                && left.absolutePath == right.absolutePath
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(displayPath)
            hasher.combine(isExplicit)
            hasher.combine(absolutePath)
        }
    }

    public static let extensions = [".md", ".markdown"]
    public static let skippedNames: Set<String> = ["node_modules"]

    public private(set) var candidates: [Candidate] = []
    public private(set) var problems: [PostlintError] = []
    /// Absolute paths already found, for when several paths are given (they may overlap); built
    /// on the second `add`, so a single folder's walk keeps no set of its files.
    private var seen: Set<String>?
    private var added = 0
    private let workingDirectory: String

    public init(workingDirectory: String = PathUtilities.currentDirectory()) {
        self.workingDirectory = workingDirectory
    }

    public mutating func add(_ path: String) {
        added += 1
        if added == 2 { seen = Set(candidates.map(\.absolutePath)) }
        let absolute = PathUtilities.absolute(path, base: workingDirectory)
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            problems.append(PostlintError(path: path, message: FileReader.describe(errno)))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var display = path
            while display.count > 1, display.hasSuffix("/") { display.removeLast() }
            if display == "." { display = "" }
            if display.hasPrefix("./") { display.removeFirst(2) }
            walk(directory: absolute, display: display)
        } else {
            append(Candidate(displayPath: path, absolutePath: absolute, isExplicit: true))
        }
    }

    private mutating func append(_ candidate: Candidate) {
        if seen != nil {
            guard seen?.insert(candidate.absolutePath).inserted == true else { return }
        }
        candidates.append(candidate)
    }

    private mutating func walk(directory: String, display: String) {
        // Every file below shares the folder's absolute path: its own is that prefix followed by
        // its display path after the display's prefix.
        let prefix = display.isEmpty ? (directory == "/" ? "/" : directory + "/") : (directory == "/" ? "" : directory)
        let displayPrefixLength = display.utf8.count
        var pending: [(absolute: String, display: String)] = [(directory, display)]
        while let (folder, shown) = pending.popLast() {
            guard let handle = opendir(folder) else {
                problems.append(PostlintError(path: shown.isEmpty ? "." : shown, message: FileReader.describe(errno)))
                continue
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let type = entry.pointee.d_type
                // Only folders, posts and what must be looked at to know (links, unknown types)
                // are kept, judged on the name's bytes in place: a folder of images costs neither
                // a string nor sorting.
                let mayMatter = type == UInt8(DT_DIR) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN)
                let nameBytes = DirectoryEntryName.bytes(of: entry)
                guard let first = nameBytes.first, first != UInt8(ascii: "."),
                      mayMatter || Self.isMarkdown(nameBytes) else { continue }
                let name = DirectoryEntryName.of(entry)
                if Self.skippedNames.contains(name) { continue }
                entries.append((name, type))
            }
            closedir(handle)
            entries.sort { $0.name.precedesInByteOrder($1.name) }
            var subfolders: [(absolute: String, display: String)] = []
            for entry in entries {
                let absolute = folder == "/" ? "/" + entry.name : folder + "/" + entry.name
                let shownPath = shown.isEmpty ? entry.name : PathUtilities.concatenated(shown, "/", entry.name)
                var type = entry.type
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    var info = stat()
                    if type == UInt8(DT_LNK) {
                        // Follow links to files, never links to folders.
                        guard stat(absolute, &info) == 0 else { continue }
                        if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                        type = UInt8(DT_REG)
                    } else {
                        guard lstat(absolute, &info) == 0 else { continue }
                        let format = info.st_mode & S_IFMT
                        type = format == S_IFDIR ? UInt8(DT_DIR) : (format == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN))
                    }
                }
                if type == UInt8(DT_DIR) {
                    subfolders.append((absolute, shownPath))
                } else if type == UInt8(DT_REG), Self.isMarkdown(entry.name) {
                    append(Candidate(displayPath: shownPath, below: prefix, displayPrefixLength: displayPrefixLength))
                }
            }
            // Depth-first in name order: push in reverse so the first name is walked first.
            pending.append(contentsOf: subfolders.reversed())
        }
    }

    static func isMarkdown(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isMarkdown($0) }
    }

    /// Whether a name's bytes end in a Markdown extension after at least one other byte.
    static func isMarkdown(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        markdownExtensionBytes.contains { suffix in
            name.count > suffix.count && name[(name.count - suffix.count)...].elementsEqual(suffix)
        }
    }

    private static let markdownExtensionBytes: [[UInt8]] = extensions.map { Array($0.utf8) }
}
