import PostlintCore
import PostlintEngine

/// Applies safe fixes to the posts below some paths, writing through `FixWriter` (or printing a diff).
struct FixRunner {
    struct Summary {
        var fixedFiles: [String] = []
        var appliedFixes = 0
        var diff = ""
        var problems: [PostlintError] = []
    }

    let linter: Linter
    let dryRun: Bool
    /// Apply the configurations' `include` and `exclude` to files named explicitly too.
    var forceExclude = false
    /// Skip what the repository's ignore files ignore when walking folders.
    var honoursIgnoreFiles = true

    func run(paths: [String]) throws -> Summary {
        var discovery = FileDiscovery(workingDirectory: linter.workingDirectory)
        discovery.honoursIgnoreFiles = honoursIgnoreFiles
        discovery.skipsIgnoredNamedFiles = forceExclude
        for path in paths { discovery.add(path) }
        var summary = Summary()
        summary.problems = discovery.problems
        let fixer = FileFixer(linter: linter)
        let walkedFolders = FixWriter.realFolders(paths, workingDirectory: linter.workingDirectory)
        for candidate in discovery.candidates {
            do throws(PostlintError) {
                if !candidate.isExplicit || forceExclude {
                    let configuration = try linter.resolver.configuration(forFileAt: candidate.absolutePath)
                    let relative = configuration.relativePath(of: candidate.absolutePath) ?? candidate.displayPath
                    guard configuration.selects(relativePath: relative) else { continue }
                }
                if !dryRun {
                    var applied = 0
                    var fixerError: PostlintError?
                    do throws(PostlintError) {
                        // The writer reads the post itself (through a link, again if it changes).
                        let written = try FixWriter().rewrite(
                            candidate.absolutePath,
                            within: candidate.isExplicit ? nil : walkedFolders
                        ) { bytes throws(PostlintError) in
                            do throws(PostlintError) {
                                let result = try fixer.fix(
                                    bytes: bytes, displayPath: candidate.displayPath,
                                    absolutePath: candidate.absolutePath)
                                applied = result.appliedFixes
                                return result.fixed
                            } catch {
                                fixerError = error
                                throw error
                            }
                        }
                        guard written else { continue }
                    } catch {
                        if let fixerError { throw fixerError }
                        var problem = error
                        problem.path = candidate.displayPath
                        summary.problems.append(problem)
                        continue
                    }
                    summary.fixedFiles.append(candidate.displayPath)
                    summary.appliedFixes += applied
                    continue
                }
                let bytes: [UInt8]
                switch FileReader.read(candidate.absolutePath) {
                case .success(let read): bytes = read
                case .failure(var error):
                    error.path = candidate.displayPath
                    summary.problems.append(error)
                    continue
                }
                let result = try fixer.fix(
                    bytes: bytes, displayPath: candidate.displayPath,
                    absolutePath: candidate.absolutePath)
                guard result.changed else { continue }
                summary.diff += UnifiedDiff.make(old: result.original, new: result.fixed, path: candidate.displayPath)
                summary.fixedFiles.append(candidate.displayPath)
                summary.appliedFixes += result.appliedFixes
            } catch {
                throw CommandFailure(error)
            }
        }
        return summary
    }
}
