import PostlintCore
import PostlintRules

/// Files held in memory for the body rules' tests. Folders are implied by the file paths. With
/// `caseInsensitive`, lookups ignore letter case as macOS and Windows file systems do, while
/// `entries(of:)` still gives names as stored.
struct MemoryFileSystem: FileContentsView {
    var files: [String: [UInt8]]
    var caseInsensitive = false

    init(_ files: [String: String], caseInsensitive: Bool = false) {
        self.files = files.mapValues { Array($0.utf8) }
        self.caseInsensitive = caseInsensitive
    }

    private func same(_ lhs: String, _ rhs: String) -> Bool {
        caseInsensitive ? lhs.lowercased() == rhs.lowercased() : lhs == rhs
    }

    private var folders: Set<String> {
        var result: Set<String> = ["."]
        for path in files.keys {
            var parts = path.split(separator: "/").map(String.init)
            while parts.count > 1 {
                parts.removeLast()
                result.insert((path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/"))
            }
            if path.hasPrefix("/") { result.insert("/") }
        }
        return result
    }

    func kind(of path: String) -> FileKind {
        if files.keys.contains(where: { same($0, path) }) { return .file }
        if folders.contains(where: { same($0, path) }) { return .directory }
        return .missing
    }

    func entries(of directory: String) -> [String]? {
        guard let folder = folders.first(where: { same($0, directory) }) else { return nil }
        let prefix = folder == "." ? "" : (folder == "/" ? "/" : folder + "/")
        var names: Set<String> = []
        for path in Array(files.keys) + Array(folders) where path.hasPrefix(prefix) && path != folder {
            let rest = path.dropFirst(prefix.count)
            if let name = rest.split(separator: "/").first, !rest.isEmpty { names.insert(String(name)) }
        }
        return names.sorted()
    }

    func contents(of path: String) -> [UInt8]? {
        files.first { same($0.key, path) }?.value
    }
}
