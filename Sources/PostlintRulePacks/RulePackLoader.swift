import Foundation
import PostlintCore

/// Loads declarative rule packs: the default pack embedded in the binary at build time, and
/// users' pack folders named in the configuration.
public enum RulePackLoader {
    /// The rules of the shipped `rules/` folder, from the copy embedded in the binary.
    ///
    /// Each file's YAML tree comes from `ShippedPackTrees` when its bytes are the ones that tree
    /// was made from (their hash says so); a file it lacks, or whose bytes have changed since, is
    /// parsed (the tests fail until its tree is written again).
    public static func defaultPack() throws(PostlintError) -> [RuleFactory] {
        var factories: [RuleFactory] = []
        factories.reserveCapacity(EmbeddedRulePacks.files.count)
        for file in EmbeddedRulePacks.files {
            factories.append(
                try RuleFileParser.parse(
                    path: "rules/\(file.path)", bytes: file.bytes, packName: "", buildsOnLoad: false,
                    parsedRoot: ShippedPackTrees.tree(forPath: file.path, bytes: file.bytes)))
        }
        return factories
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
                    throw PostlintError(
                        path: folder, message: "rule pack folder holds more than \(maximumEntries) files and folders",
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
                            throw PostlintError(
                                path: absolute + "/" + name,
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
