import Foundation
import PostlintCore

/// Loads declarative rule packs: the default pack embedded in the binary at build time, and
/// users' pack folders named in the configuration.
public enum RulePackLoader {
    /// The rules of the shipped `rules/` folder, from the copy embedded in the binary.
    public static func defaultPack() throws(PostlintError) -> [RuleFactory] {
        var factories: [RuleFactory] = []
        for file in EmbeddedRulePacks.files {
            factories.append(try RuleFileParser.parse(path: "rules/\(file.path)", bytes: file.bytes, packName: ""))
        }
        return factories
    }

    /// Every `.yml`/`.yaml` file below `folder`, in path order. Rule ids default to
    /// `<folder name>.<file name>` unless a file sets `id`.
    public static func load(folder: String) throws(PostlintError) -> [RuleFactory] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PostlintError(path: folder, message: "rule pack folder does not exist")
        }
        let packName = folder.split(separator: "/").last.map(String.init) ?? "pack"
        var paths: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") { paths.append(relative) }
            }
        }
        var factories: [RuleFactory] = []
        for relative in paths.sorted() {
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else {
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
