import Foundation
import PostlintCore

/// Finds the configuration for each linted file by searching upward from its folder for
/// `.postlint.yml` or `.postlint.yaml` (the nearest one applies alone: it is not merged with the
/// ones above it), or uses the one named with `--config`. Each folder is looked up once and each
/// configuration file loaded once, however many files share it; safe to use from many threads.
public final class ConfigurationResolver: Sendable {
    /// What was looked up: each folder's configuration, and each configuration file's.
    private struct Found: Sendable {
        var byFolder: [String: Result<Configuration, PostlintError>] = [:]
        var byFile: [String: Result<Configuration, PostlintError>] = [:]
    }

    private let explicit: Configuration?
    private let workingDirectory: String
    private let found = Locked(Found())

    /// - Parameter configPath: a configuration named on the command line, used for every file.
    public init(configPath: String?, workingDirectory: String = PathUtilities.currentDirectory()) throws(PostlintError) {
        self.workingDirectory = workingDirectory
        if let configPath {
            explicit = try ConfigurationLoader.load(
                path: configPath,
                absolutePath: PathUtilities.absolute(configPath, base: workingDirectory))
        } else {
            explicit = nil
        }
    }

    /// The configuration for a file at an absolute path.
    public func configuration(forFileAt absolutePath: String) throws(PostlintError) -> Configuration {
        if let explicit { return explicit }
        return try configuration(forFolder: PathUtilities.directory(of: absolutePath))
    }

    private func configuration(forFolder folder: String) throws(PostlintError) -> Configuration {
        try found.withLock { lookUp(folder, in: &$0) }.get()
    }

    /// Called with the lock held.
    private func lookUp(_ folder: String, in cache: inout Found) -> Result<Configuration, PostlintError> {
        if let cached = cache.byFolder[folder] { return cached }
        let result: Result<Configuration, PostlintError>
        let found = ConfigurationLoader.fileNames.map { PathUtilities.join(folder, $0) }
            .filter { LocalFileSystem().kind(of: $0) == .file }
        if found.count > 1 {
            let names = found.map { displayPath($0) }
            result = .failure(
                PostlintError(
                    path: names[0],
                    message: "two configuration files in one folder: \(names.joined(separator: " and "))",
                    hint: "keep one of them"))
        } else if let candidate = found.first {
            if let loaded = cache.byFile[candidate] {
                result = loaded
            } else {
                do throws(PostlintError) {
                    result = .success(try ConfigurationLoader.load(path: displayPath(candidate), absolutePath: candidate))
                } catch {
                    result = .failure(error)
                }
                cache.byFile[candidate] = result
            }
        } else if folder == "/" || folder == "." || folder.isEmpty {
            do throws(PostlintError) {
                result = .success(try ConfigurationLoader.defaults(directory: workingDirectory))
            } catch {
                result = .failure(error)
            }
        } else {
            result = lookUp(PathUtilities.directory(of: folder), in: &cache)
        }
        cache.byFolder[folder] = result
        return result
    }

    /// A configuration path as users see it: relative to the working folder when below it.
    private func displayPath(_ absolute: String) -> String {
        PathUtilities.relative(absolute, to: workingDirectory) ?? absolute
    }
}
