import Dispatch
import Foundation
import PostlintCore

/// Loads declarative rule packs: the default pack embedded in the binary at build time, and
/// users' pack folders named in the configuration.
public enum RulePackLoader {
    /// The rules of the shipped `rules/` folder, from the copy embedded in the binary.
    ///
    /// Each file's YAML tree comes from `ShippedPackTrees` when its bytes are the ones that tree
    /// was parsed from (their hash says so); otherwise, and for a file it lacks, the YAML is
    /// parsed. Parsing was most of a run's start-up, the thread that wants the catalog waits for
    /// it, so files still parsed are parsed on every core at once (each on its own; the first
    /// failure in file order is the one thrown).
    public static func defaultPack() throws(PostlintError) -> [RuleFactory] {
        let files = EmbeddedRulePacks.files
        let results = ParsedFiles(count: files.count)
        let trees = files.map { ShippedPackTrees.tree(forPath: $0.path, bytes: $0.bytes) }
        let parseAll = trees.contains { $0 == nil }
        let parse = { @Sendable (index: Int) in
            let file = files[index]
            let result: Result<RuleFactory, PostlintError>
            do throws(PostlintError) {
                result = .success(try RuleFileParser.parse(path: "rules/\(file.path)", bytes: file.bytes, packName: "",
                                                           buildsOnLoad: false, parsedRoot: trees[index]))
            } catch {
                result = .failure(error)
            }
            results.store(result, at: index)
        }
        if parseAll {
            DispatchQueue.concurrentPerform(iterations: files.count, execute: parse)
        } else {
            for index in files.indices { parse(index) }
        }
        var factories: [RuleFactory] = []
        factories.reserveCapacity(files.count)
        for result in results.all() {
            factories.append(try result.get())
        }
        return factories
    }

    /// The results of parsing files on several threads, each in its own slot.
    private final class ParsedFiles: @unchecked Sendable {
        // Guarded by `lock`: each slot is written once, by the thread that parsed its file.
        private var slots: [Result<RuleFactory, PostlintError>?]
        private let lock = NSLock()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func store(_ result: Result<RuleFactory, PostlintError>, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        /// Every slot's result, in file order (after `concurrentPerform` has returned).
        func all() -> [Result<RuleFactory, PostlintError>] {
            lock.withLock {
                slots.map { $0 ?? .failure(PostlintError(path: "rules", message: "a shipped rule file was not parsed")) }
            }
        }
    }

    /// Folders below a pack folder that are searched for rule files.
    public static let maximumDepth = 4
    /// Files and folders a pack folder may hold in all: a pack has tens of rules, and a
    /// configuration naming `/` or a home folder must not walk the disk.
    public static let maximumEntries = 5_000
    /// The largest rule file read.
    public static let maximumRuleFileSize = 1 << 20

    /// Every `.yml`/`.yaml` file below `folder` (hidden names skipped, linked folders not followed,
    /// at most `maximumDepth` folders down), in path order. Rule ids default to
    /// `<folder name>.<file name>` unless a file sets `id`.
    public static func load(folder: String) throws(PostlintError) -> [RuleFactory] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PostlintError(path: folder, message: "rule pack folder does not exist")
        }
        let packName = folder.split(separator: "/").last.map(String.init) ?? "pack"
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var paths: [String] = []
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        var entries = 0
        while let (relative, depth) = pending.popLast() {
            let absolute = relative.isEmpty ? (base.isEmpty ? "/" : base) : base + "/" + relative
            guard let handle = opendir(absolute) else {
                throw PostlintError(path: absolute, message: "cannot read rule pack folder: \(String(cString: strerror(errno)))")
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = DirectoryEntryName.of(entry)
                if name.hasPrefix(".") { continue }
                entries += 1
                guard entries <= maximumEntries else {
                    throw PostlintError(path: folder, message: "rule pack folder holds more than \(maximumEntries) files and folders",
                                        hint: "name the folder that holds the pack's rule files")
                }
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(absolute + "/" + name, &info) == 0 else { continue }
                // A link to a rule file is read; a link to a folder is not followed.
                if info.st_mode & S_IFMT == S_IFLNK {
                    var target = stat()
                    guard stat(absolute + "/" + name, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { continue }
                    info = target
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if depth < maximumDepth { pending.append((child, depth + 1)) }
                case S_IFREG:
                    if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                        guard Int(info.st_size) <= maximumRuleFileSize else {
                            throw PostlintError(path: absolute + "/" + name,
                                                message: "rule file is larger than \(maximumRuleFileSize / 1024) KB; not read")
                        }
                        paths.append(child)
                    }
                default:
                    continue  // FIFOs, sockets, devices: not rule files
                }
            }
        }
        var factories: [RuleFactory] = []
        for relative in paths.sorted() {
            let path = base + "/" + relative
            guard let data = FileManager.default.contents(atPath: path), data.count <= maximumRuleFileSize else {
                throw PostlintError(path: path, message: "cannot read rule file")
            }
            factories.append(try RuleFileParser.parse(path: path, bytes: Array(data), packName: packName))
        }
        return factories
    }

    /// One rule file's text, for tests and tools.
    public static func parse(path: String, text: String, packName: String = "") throws(PostlintError) -> RuleFactory {
        try RuleFileParser.parse(path: path, bytes: Array(text.utf8), packName: packName)
    }
}
