import Foundation
import PostlintCore
import PostlintEngine

/// The linter for one workspace folder and the site facts of its posts on disk.
///
/// Site-level rules (duplicate slug) need every post. Rather than re-reading the whole site on each
/// keystroke, the facts of the posts on disk are gathered once (the first time a buffer needs them)
/// and kept per file; a save or a watched-file event refreshes the files it names. A lint then
/// parses only the buffer and runs the site rules over the buffer's facts plus the cached facts of
/// every other post, which costs a dictionary walk, not a re-read.
///
/// Owned by the server's `WorkRunner` alone (one lint at a time); not `Sendable`, so the compiler
/// keeps it there.
final class Workspace {
    /// The workspace folder (absolute), or nil when the client opened loose files.
    let root: String?
    let linter: Linter?
    /// Why no linter could be built (an unreadable `--config` file).
    let configurationError: PostlintError?
    /// The configuration file named for every document, if any.
    let configPath: String?
    /// Whether the posts below `root` are scanned for site facts: not when the root is the whole
    /// disk or a home folder (unless the client asked), when only the open documents are linted.
    let scansSite: Bool
    /// Site facts of the posts on disk: absolute path → rule id → facts.
    private var siteFacts: [String: [String: [SiteFact]]]?
    /// The tool version the site facts cache is kept for; nil when the client turned the cache
    /// off (`initializationOptions.cache: false`).
    let factsCacheVersion: String?

    init(root: String?, configPath: String?, scansSite: Bool = true, factsCacheVersion: String? = nil) {
        self.root = root
        self.configPath = configPath
        self.scansSite = scansSite
        self.factsCacheVersion = factsCacheVersion
        let workingDirectory = root ?? PathUtilities.currentDirectory()
        do throws(PostlintError) {
            linter = try Linter(configPath: configPath, workingDirectory: workingDirectory)
            configurationError = nil
        } catch {
            linter = nil
            configurationError = error
        }
    }

    /// The path a file is shown as: relative to the workspace folder when inside it.
    func displayPath(of absolutePath: String) -> String {
        Self.displayPath(of: absolutePath, root: root)
    }

    /// The path a file is shown as in a workspace rooted at `root`.
    static func displayPath(of absolutePath: String, root: String?) -> String {
        guard let root, let relative = PathUtilities.relative(absolutePath, to: root), !relative.isEmpty else {
            return absolutePath
        }
        return relative
    }

    /// Lints a buffer as if it were its file: the configuration of its folder, the site's other posts.
    func lint(_ document: OpenDocument) -> LintResult {
        let lineIndex = LineIndex(bytes: document.bytes)
        var result = LintResult(
            revision: document.revision, version: document.version, bytes: document.bytes,
            lineIndex: lineIndex, bodyStart: 0, diagnostics: [])
        guard let linter else {
            result.diagnostics = [configurationDiagnostic(configurationError)]
            return result
        }
        do throws(PostlintError) {
            let outcome = try linter.lint(bytes: document.bytes, as: document.displayPath)
            for finding in outcome.findings {
                result.diagnostics.append(diagnostic(finding, lineIndex: lineIndex))
            }
            let (parsed, ruleSet) = try linter.prepare(
                bytes: document.bytes, displayPath: document.displayPath,
                absolutePath: document.absolutePath)
            result.bodyStart = parsed.bodyRange.lowerBound
            if !ruleSet.siteRules.isEmpty {
                let others = otherPostsFacts(excluding: document.absolutePath)
                for entry in ruleSet.siteRules {
                    let id = entry.rule.metadata.id
                    let facts = entry.rule.facts(of: parsed, context: ruleSet.context) + (others[id] ?? [])
                    for var finding in entry.rule.check(SiteFacts(facts)) where finding.path == document.displayPath {
                        if let severity = entry.severity, finding.severity == entry.rule.metadata.defaultSeverity {
                            finding.severity = severity
                        }
                        result.diagnostics.append(diagnostic(finding, lineIndex: lineIndex))
                    }
                }
            }
        } catch {
            result.diagnostics = [configurationDiagnostic(error)]
        }
        return result
    }

    /// The safe fixes of `postlint fix` applied to a buffer, as `postlint fix` would apply them.
    func fixAll(_ document: OpenDocument) -> [UInt8]? {
        guard let linter else { return nil }
        do throws(PostlintError) {
            let fixed = try FileFixer(linter: linter).fix(
                bytes: document.bytes, displayPath: document.displayPath,
                absolutePath: document.absolutePath)
            return fixed.changed ? fixed.fixed : nil
        } catch {
            return nil
        }
    }

    /// Reads a post again after it changed on disk (or forgets it when it is gone).
    func refresh(path absolutePath: String) {
        guard siteFacts != nil else { return }
        siteFacts?[absolutePath] = facts(ofFileAt: absolutePath)
    }

    private func diagnostic(_ finding: Finding, lineIndex: LineIndex) -> ServerDiagnostic {
        let range =
            finding.range
            ?? {
                let lower = lineIndex.offset(of: finding.start)
                return lower..<max(lower, lineIndex.offset(of: finding.end))
            }()
        return ServerDiagnostic(
            ruleID: finding.ruleID, severity: finding.severity, message: finding.message,
            range: range, fix: finding.fix)
    }

    private func configurationDiagnostic(_ error: PostlintError?) -> ServerDiagnostic {
        let message = error.map { "postlint cannot lint this file: \($0)" } ?? "postlint cannot lint this file"
        return ServerDiagnostic(ruleID: nil, severity: .error, message: message, range: 0..<0)
    }

    /// The cached site facts of every post on disk but one, by rule id.
    private func otherPostsFacts(excluding absolutePath: String) -> [String: [SiteFact]] {
        if siteFacts == nil { siteFacts = scanSite() }
        var merged: [String: [SiteFact]] = [:]
        for (path, byRule) in siteFacts ?? [:] where path != absolutePath {
            for (rule, facts) in byRule { merged[rule, default: []] += facts }
        }
        return merged
    }

    /// The site facts of every post the CLI would lint in the workspace folder.
    private func scanSite() -> [String: [String: [SiteFact]]] {
        guard scansSite, let root, let linter else { return [:] }
        let cache = factsCacheVersion.flatMap { version in
            SiteFactsCacheLocation.file(forRepositoryAround: root).map { SiteFactsCache(path: $0, toolVersion: version) }
        }
        return linter.siteFactsOfPosts(below: root, displayPath: displayPath(of:), cache: cache)
    }

    private func facts(ofFileAt absolutePath: String) -> [String: [SiteFact]]? {
        guard let linter else { return nil }
        return facts(ofFileAt: absolutePath, linter: linter)
    }

    /// The site facts of one post on disk, or nil when it is not a post the site includes.
    private func facts(ofFileAt absolutePath: String, linter: Linter) -> [String: [SiteFact]]? {
        let name = PathUtilities.fileName(of: absolutePath)
        guard FileDiscovery.extensions.contains(where: { name.hasSuffix($0) }) else { return nil }
        guard let configuration = try? linter.resolver.configuration(forFileAt: absolutePath) else { return nil }
        let relative = configuration.relativePath(of: absolutePath) ?? absolutePath
        guard configuration.selects(relativePath: relative),
            case .success(let bytes) = FileReader.read(absolutePath),
            let (document, ruleSet) = try? linter.prepare(
                bytes: bytes, displayPath: displayPath(of: absolutePath),
                absolutePath: absolutePath)
        else { return nil }
        var byRule: [String: [SiteFact]] = [:]
        for entry in ruleSet.siteRules {
            byRule[entry.rule.metadata.id] = entry.rule.facts(of: document, context: ruleSet.context)
        }
        return byRule
    }
}
