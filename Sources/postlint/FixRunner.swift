import PostlintCore
import PostlintEngine

/// Applies safe fixes to the posts below some paths, writing atomically (or printing a diff).
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

    func run(paths: [String]) throws -> Summary {
        var discovery = FileDiscovery(workingDirectory: linter.workingDirectory)
        for path in paths { discovery.add(path) }
        var summary = Summary()
        summary.problems = discovery.problems
        let fixer = FileFixer(linter: linter)
        for candidate in discovery.candidates {
            do throws(PostlintError) {
                if !candidate.isExplicit || forceExclude {
                    let configuration = try linter.resolver.configuration(forFileAt: candidate.absolutePath)
                    let relative = configuration.relativePath(of: candidate.absolutePath) ?? candidate.displayPath
                    guard configuration.selects(relativePath: relative) else { continue }
                }
                let bytes: [UInt8]
                switch FileReader.read(candidate.absolutePath) {
                case .success(let read): bytes = read
                case .failure(var error):
                    error.path = candidate.displayPath
                    summary.problems.append(error)
                    continue
                }
                let result = try fixer.fix(bytes: bytes, displayPath: candidate.displayPath,
                                           absolutePath: candidate.absolutePath)
                guard result.changed else { continue }
                if dryRun {
                    summary.diff += UnifiedDiff.make(old: result.original, new: result.fixed, path: candidate.displayPath)
                } else {
                    do throws(PostlintError) {
                        try AtomicWriter.replace(candidate.absolutePath, with: result.fixed, expecting: result.original)
                    } catch {
                        var problem = error
                        problem.path = candidate.displayPath
                        summary.problems.append(problem)
                        continue
                    }
                }
                summary.fixedFiles.append(candidate.displayPath)
                summary.appliedFixes += result.appliedFixes
            } catch {
                throw CommandFailure(error)
            }
        }
        return summary
    }
}
