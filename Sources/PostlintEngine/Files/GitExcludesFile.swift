import Foundation
import PostlintCore

/// git's user-wide ignore file, `core.excludesFile`: named in the repository's `config`, else in
/// `~/.gitconfig`, else in `$XDG_CONFIG_HOME/git/config` (or `~/.config/git/config`); when none
/// names it, `$XDG_CONFIG_HOME/git/ignore` (or `~/.config/git/ignore`). Its patterns apply from
/// the top of each repository, below `.git/info/exclude` and every `.gitignore`. The files are
/// read as git's simple `key = value` lines (sections, comments, quotes and a leading `~/`);
/// `[include]`d files are not followed.
enum GitExcludesFile {
    /// The file's path for a repository whose git folder (its common folder) is `gitDirectory`.
    static func path(gitDirectory: String?, environment: [String: String]) -> String? {
        let home = environment["HOME"]
        for config in configFiles(gitDirectory: gitDirectory, environment: environment) {
            guard case .success(let bytes) = FileReader.read(config), bytes.count < 1_048_576 else { continue }
            if let named = value(of: "excludesfile", inSection: "core", config: String(decoding: bytes, as: UTF8.self)) {
                if named.isEmpty { return nil }
                if named.hasPrefix("~/"), let home { return PathUtilities.join(home, String(named.dropFirst(2))) }
                return PathUtilities.absolute(named, base: home ?? "/")
            }
        }
        return xdgConfiguration(environment).map { PathUtilities.join($0, "git/ignore") }
    }

    /// The git configuration files that may name the file, in the order they are asked.
    static func configFiles(gitDirectory: String?, environment: [String: String]) -> [String] {
        var configs: [String] = []
        if let gitDirectory { configs.append(PathUtilities.join(gitDirectory, "config")) }
        if let home = environment["HOME"] { configs.append(PathUtilities.join(home, ".gitconfig")) }
        if let xdgConfig = xdgConfiguration(environment) { configs.append(PathUtilities.join(xdgConfig, "git/config")) }
        return configs
    }

    private static func xdgConfiguration(_ environment: [String: String]) -> String? {
        environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { PathUtilities.join($0, ".config") }
    }

    /// The last value of `key` in `[section]` (both compared without regard to case, as git
    /// does), with `"…"` quotes and trailing `#`/`;` comments removed.
    static func value(of key: String, inSection section: String, config: String) -> String? {
        var inSection = false
        var found: String?
        for rawLine in config.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                // `[core "x"]` is a subsection, not `[core]`.
                let name = line.dropFirst().prefix { $0 != "]" }
                inSection = name.trimmingCharacters(in: .whitespaces).lowercased() == section
                continue
            }
            guard inSection, let equals = line.firstIndex(of: "=") else { continue }
            guard line[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") {
                let inner = value.dropFirst()
                value = String(inner.prefix { $0 != "\"" })
            } else if let comment = value.firstIndex(where: { $0 == "#" || $0 == ";" }) {
                value = value[..<comment].trimmingCharacters(in: .whitespaces)
            }
            found = value
        }
        return found
    }

    /// The patterns of the file for the process's environment and a repository, read once per
    /// git folder a run.
    static func patterns(gitDirectory: String?) -> IgnoreFile? {
        let key = gitDirectory ?? ""
        return cache.withLock { cache in
            if let known = cache[key] { return known }
            var file: IgnoreFile?
            if let path = path(gitDirectory: gitDirectory, environment: ProcessInfo.processInfo.environment),
                case .success(let bytes) = FileReader.read(path)
            {
                let read = IgnoreFile(bytes: bytes)
                file = read.isEmpty ? nil : read
            }
            cache[key] = .some(file)
            return file
        }
    }

    private static let cache = Locked<[String: IgnoreFile?]>([:])
}
