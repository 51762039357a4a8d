import Foundation
import PostlintCore
import PostlintParsing
import PostlintReporters

/// `postlint audit`: runs the search checks on every post and scores them.
///
/// The checks are the rules of the `seo` and `site` categories and those that declare
/// `RuleCapabilities.isSearchCheck` (built in, or a pack rule with `audit: true`), each with the options and severity its configuration gives it, and switched on unless the
/// configuration switches it off explicitly (so that an audit means the same on a site that only
/// uses the recommended defaults). Files are discovered and configured as `postlint check` does;
/// suppression comments apply.
public final class Auditor: Sendable {
    public let linter: Linter
    public let options: AuditOptions
    private let ruleSets = AuditRuleSetCache()

    public init(linter: Linter, options: AuditOptions = AuditOptions()) {
        self.linter = linter
        self.options = options
    }

    /// Audits the posts below `paths`.
    public func audit(paths: [String], toolVersion: String = "") throws(PostlintError) -> AuditReport {
        var discovery = FileDiscovery(workingDirectory: linter.workingDirectory)
        discovery.honoursIgnoreFiles = options.honoursIgnoreFiles
        for path in paths { discovery.add(path) }
        var selected: [FileDiscovery.Candidate] = []
        for candidate in discovery.candidates {
            if !candidate.isExplicit {
                let configuration = try linter.resolver.configuration(forFileAt: candidate.absolutePath)
                let relative = configuration.relativePath(of: candidate.absolutePath) ?? candidate.displayPath
                guard configuration.selects(relativePath: relative) else { continue }
            }
            selected.append(candidate)
        }
        let results = try auditInParallel(selected)
        return try assemble(results, problems: discovery.problems, toolVersion: toolVersion)
    }

    // MARK: - Per file

    struct FileAudit: Sendable {
        var path = ""
        var title: String?
        var checks: [(id: String, severity: Severity)] = []
        var findings: [Finding] = []
        var facts: [(rule: String, fact: SiteFact)] = []
        var siteSeverities: [String: Severity] = [:]
        var suppressions: Suppressions?
        var problem: PostlintError?
    }

    private func auditFile(_ candidate: FileDiscovery.Candidate) throws(PostlintError) -> FileAudit {
        var result = FileAudit(path: candidate.displayPath)
        let bytes: [UInt8]
        switch FileReader.read(candidate.absolutePath) {
        case .success(let data): bytes = data
        case .failure(var error):
            error.path = candidate.displayPath
            result.problem = error
            return result
        }
        let configuration = try linter.resolver.configuration(forFileAt: candidate.absolutePath)
        let relative = configuration.relativePath(of: candidate.absolutePath) ?? candidate.displayPath
        var ruleSet = try ruleSets.ruleSet(
            configuration: configuration, overrideIndices: configuration.overrideIndices(for: relative),
            fileSystem: linter.fileSystem, auditing: isCheck)
        linter.sites.apply(
            to: &ruleSet, folder: PathUtilities.directory(of: candidate.absolutePath), configuration: configuration)
        let checkIDs = Set(ruleSet.rules.map(\.rule.metadata.id) + ruleSet.siteRules.map(\.rule.metadata.id))
            .filter { id in configuration.catalog.metadata(of: id).map(isCheck) ?? false }
        let document = DocumentLoader.load(
            path: candidate.displayPath, bytes: bytes,
            parts: ruleSet.parts.union([.frontMatter, .markdown]),
            yamlVersion: linter.yamlVersion(
                forFileAt: candidate.absolutePath,
                configuration: configuration))
        result.title = document.field(ruleSet.context.fieldNames.name(of: "title"))?.scalarText
        let suppressions = Suppressions(document: document)
        // An audit applies no fix: a finding keeps its message and position, not its edits.
        let findings = ruleSet.check(document).map { diagnostic in
            var finding = Finding(diagnostic, in: document)
            finding.fix = nil
            return finding
        }
        result.findings = suppressions.apply(to: findings, in: document, reportUnused: false)
            .filter { checkIDs.contains($0.ruleID) }
        result.suppressions = suppressions.isEmpty ? nil : suppressions
        for entry in ruleSet.rules where checkIDs.contains(entry.rule.metadata.id) {
            result.checks.append((entry.rule.metadata.id, entry.severity ?? entry.rule.metadata.defaultSeverity))
        }
        for entry in ruleSet.siteRules where checkIDs.contains(entry.rule.metadata.id) {
            let metadata = entry.rule.metadata
            result.siteSeverities[metadata.id] = entry.severity ?? metadata.defaultSeverity
            if !metadata.capabilities.contains(.concernsTheSite) {
                result.checks.append((metadata.id, entry.severity ?? metadata.defaultSeverity))
            }
            for fact in entry.rule.facts(of: document, context: ruleSet.context) { result.facts.append((metadata.id, fact)) }
        }
        return result
    }

    /// Whether a rule is one of the audit's checks: a search rule (categories seo and site, built-in
    /// or from a pack) or one that declares itself a search check.
    private func isCheck(_ metadata: RuleMetadata) -> Bool {
        metadata.category == .seo || metadata.category == .site || metadata.capabilities.contains(.isSearchCheck)
    }

    private func auditInParallel(_ candidates: [FileDiscovery.Candidate]) throws(PostlintError) -> [FileAudit] {
        let slots = AuditSlots(count: candidates.count)
        let workers = max(1, min(WorkerCount.available, candidates.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.nextIndex() {
                do throws(PostlintError) {
                    slots.store(try auditFile(candidates[index]), at: index)
                } catch {
                    slots.fail(error)
                }
            }
        }
        if let error = slots.failure { throw error }
        return slots.results
    }

    // MARK: - Site

    private func assemble(_ results: consuming [FileAudit], problems: [PostlintError], toolVersion: String)
        throws(PostlintError) -> AuditReport
    {
        // Per post only an index by path; its findings stay in `results`, and the site rules'
        // findings for it are gathered apart. Its facts move, in file order, to each rule's
        // compact store (a post's path kept once in `paths`, as `check` keeps them).
        var paths = PathTable()
        var factsByRule: [String: SiteFactStore] = [:]
        var siteFindingsByPath: [String: [Finding]] = [:]
        var indexByPath: [String: Int] = [:]
        var problemTexts = problems.map(\.description)
        for index in results.indices {
            if let problem = results[index].problem {
                problemTexts.append(problem.description)
                continue
            }
            indexByPath[results[index].path] = index
            for (rule, fact) in results[index].facts {
                if paths.isEmpty || !paths.path(at: paths.count - 1, equals: fact.path) {
                    guard paths.append(fact.path) else { continue }
                }
                factsByRule[rule, default: SiteFactStore()].append(fact, path: paths.count - 1)
            }
            results[index].facts = []
        }
        var siteFindings: [Finding] = []
        let configuration = try linter.resolver.configuration(forFileAt: PathUtilities.join(linter.workingDirectory, "-"))
        let catalog = configuration.catalog
        for factory in catalog.siteRules {
            let id = factory.metadata.id
            guard let facts = factsByRule.removeValue(forKey: id) else { continue }
            let configured = configuration.setting(for: id, overrides: []).options
            let rule = factory.make(RuleOptions(defaultsOf: factory.metadata, overrides: configured))
            for var finding in rule.check(SiteFacts(facts, paths: paths)) {
                guard let index = indexByPath[finding.path] else { continue }
                let file = results[index]
                guard let severity = file.siteSeverities[id] else { continue }
                // A finding the rule reports below its own severity is a notice about the site (a
                // keyphrase many posts share is a topic): listed apart, not held against one post.
                let isSiteNotice = finding.severity != factory.metadata.defaultSeverity
                if !isSiteNotice { finding.severity = severity }
                if let suppressions = file.suppressions, suppressions.silences(finding) { continue }
                if factory.metadata.capabilities.contains(.concernsTheSite) || isSiteNotice {
                    siteFindings.append(finding)
                } else {
                    siteFindingsByPath[finding.path, default: []].append(finding)
                }
            }
        }
        var posts: [AuditReport.Post] = []
        posts.reserveCapacity(indexByPath.count)
        for index in results.indices where results[index].problem == nil {
            // The findings move to the post's score: `results` keeps no second copy.
            var findings: [Finding] = []
            swap(&findings, &results[index].findings)
            let result = results[index]
            posts.append(
                PostScore.post(
                    path: result.path, title: result.title, checks: result.checks,
                    findings: findings + (siteFindingsByPath[result.path] ?? [])))
        }
        posts.sort { $0.path.precedesInByteOrder($1.path) }
        siteFindings.sort(by: Finding.reportOrder)
        return AuditReport(
            posts: posts, checks: Self.checks(of: results, posts: posts, catalog: catalog),
            siteFindings: siteFindings, problems: problemTexts, toolVersion: toolVersion)
    }

    /// Each check's pass rate over the posts it ran on, in catalog order.
    static func checks(of results: [FileAudit], posts: [AuditReport.Post], catalog: RuleCatalog) -> [AuditReport.Check] {
        var ran: [String: Int] = [:]
        var severities: [String: Severity] = [:]
        for result in results where result.problem == nil {
            for check in result.checks {
                ran[check.id, default: 0] += 1
                if let known = severities[check.id] {
                    severities[check.id] = max(known, check.severity)
                } else {
                    severities[check.id] = check.severity
                }
            }
        }
        var failed: [String: Int] = [:]
        for post in posts { for check in post.failed { failed[check.id, default: 0] += 1 } }
        var checks: [AuditReport.Check] = []
        for metadata in catalog.allMetadata {
            guard let total = ran[metadata.id], let severity = severities[metadata.id] else { continue }
            checks.append(
                AuditReport.Check(
                    id: metadata.id, summary: metadata.summary, severity: severity,
                    weight: AuditReport.weight(of: severity),
                    passed: total - (failed[metadata.id] ?? 0), total: total))
        }
        return checks
    }
}
