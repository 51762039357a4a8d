import PostlintCore

/// Gathers the files' results as they are delivered, in file order: findings, site facts,
/// problems, the files checked, suppressions and remote images. Per file it keeps only what the
/// site rules and the report need later, not the file's whole result.
final class ResultGatherer {
    private(set) var findings: [Finding] = []
    private var factsByRule: [String: SiteFactStore] = [:]
    private(set) var problems: [PostlintError]
    private(set) var files: [String] = []
    /// Suppressions of the files that have any, for the site findings that arrive later.
    private(set) var suppressionsByPath: [String: Suppressions] = [:]
    private(set) var remote: [(path: String, reference: RemoteImageReference, severity: Severity)] = []
    /// The site rules' configured severities: the distinct tables seen (a site with one
    /// configuration has one), and the table of each checked file whose table is not the first.
    /// With `reportOnly`, only some files are checked: each of those is recorded.
    private var severityTables: [[String: Severity?]] = []
    private var lastTable = 0
    private var severityTableByPath: [String: Int] = [:]
    private let reportOnly: Bool
    private let expectedFiles: Int
    private var gathered = 0
    /// After this many files, each rule's list of facts is given the capacity the run will
    /// probably need (its facts so far, scaled to every file), so the lists do not double past it.
    static let sampleForCapacity = 1_024

    init(problems: [PostlintError], options: LintOptions, expectedFiles: Int) {
        self.problems = problems
        self.expectedFiles = expectedFiles
        reportOnly = options.reportOnly != nil
        files.reserveCapacity(expectedFiles)
    }

    func gather(_ result: FileResult, of candidate: FileDiscovery.Candidate) {
        let path = candidate.displayPath
        for reference in result.remoteImages {
            remote.append((path, reference, result.remoteSeverity ?? .error))
        }
        for (rule, fact) in result.facts { factsByRule[rule, default: SiteFactStore()].append(fact) }
        gathered += 1
        if gathered == Self.sampleForCapacity, expectedFiles > 2 * gathered {
            for rule in factsByRule.keys {
                // The facts so far, scaled to every file, with a sixteenth to spare.
                let estimate = (factsByRule[rule]?.count ?? 0) * expectedFiles / gathered
                factsByRule[rule]?.reserveCapacity(estimate + estimate / 16)
            }
        }
        if let problem = result.problem, result.checked || !reportOnly { problems.append(problem) }
        guard result.checked else { return }
        files.append(path)
        findings += result.findings
        let table = tableIndex(of: result.siteSeverities)
        if table != 0 || reportOnly { severityTableByPath[path] = table }
        if let suppressions = result.suppressions { suppressionsByPath[path] = suppressions }
    }

    /// The facts gathered for `rule`, handed over once: the store is emptied.
    func takeFacts(of rule: String) -> [SiteFact]? {
        factsByRule.removeValue(forKey: rule)?.siteFacts()
    }

    /// The site rules' severities for a file that was checked; nil for one read for its facts only.
    func siteSeverities(ofCheckedFile path: String) -> [String: Severity?]? {
        if let index = severityTableByPath[path] { return severityTables[index] }
        return reportOnly || severityTables.isEmpty ? nil : severityTables[0]
    }

    private func tableIndex(of table: [String: Severity?]) -> Int {
        if lastTable < severityTables.count, severityTables[lastTable] == table { return lastTable }
        if let index = severityTables.firstIndex(of: table) {
            lastTable = index
            return index
        }
        severityTables.append(table)
        lastTable = severityTables.count - 1
        return lastTable
    }
}
