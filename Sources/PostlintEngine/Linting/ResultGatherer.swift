import PostlintCore

/// Gathers the files' results as they are delivered, in file order: findings, site facts,
/// problems, the files checked, suppressions and remote images. Per file it keeps only what the
/// site rules and the report need later, not the file's whole result.
///
/// Files are known by their index in `paths`, the run's table of display paths (the discovery's
/// own, shared rather than copied): every rule's facts and the list of files checked refer to a
/// post by that index, so a post's path is stored once however many facts it has.
final class ResultGatherer {
    /// The findings of the files checked, in the order they arrive (sorted when the run ends).
    private(set) var findings = CompactFindings()
    /// The display path of every file the run reads, by index.
    private(set) var paths: PathTable
    private var factsByRule: [String: SiteFactStore] = [:]
    private(set) var problems: [PostlintError]
    /// Which files were checked (not only read for their facts), a bit per path.
    private var checked: [UInt64] = []
    private var checkedCount = 0
    /// Suppressions of the files that have any, for the site findings that arrive later.
    private(set) var suppressionsByPath: [String: Suppressions] = [:]
    private(set) var remote: [(path: String, reference: RemoteImageReference, ruleID: String, severity: Severity)] = []
    /// The site rules' configured severities: the distinct tables seen (a site with one
    /// configuration has one), and the table of each checked file whose table is not the first.
    /// With `reportOnly`, only some files are checked: each of those is recorded.
    private var severityTables: [[String: Severity?]] = []
    private var lastTable = 0
    private var severityTableByPath: [String: Int] = [:]
    private let reportOnly: Bool
    private var isFull = false

    init(paths: PathTable, problems: [PostlintError], options: LintOptions) {
        self.paths = paths
        self.problems = problems
        reportOnly = options.reportOnly != nil
        checked = Array(repeating: 0, count: (paths.count + 63) / 64)
    }

    /// Takes in the result of the file at `path`, adding the path to the table. A file past what
    /// the table holds (4 GB of paths) is not gathered; one problem says so.
    func gather(_ result: FileResult, path: String) {
        guard paths.append(path) else {
            noteFull(at: path)
            return
        }
        gather(result, ofFile: paths.count - 1)
    }

    /// Adds a post read for its facts alone whose facts are added to the stores directly
    /// (`takeFactStores`): its path goes into the table. Its index there, or nil when the table
    /// is full (then it is not gathered, as `gather` does not).
    func appendPath(utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard paths.append(utf8: utf8) else {
            noteFull(at: String(decoding: utf8, as: UTF8.self))
            return nil
        }
        return paths.count - 1
    }

    /// Says once that the table of paths is full, at the first file left out.
    private func noteFull(at path: String) {
        guard !isFull else { return }
        isFull = true
        problems.append(
            PostlintError(
                path: path,
                message: "too many files: the list of posts is full "
                    + "(4 GB of paths); this file and those after it are not linted"))
    }

    /// Makes room in the table for `count` more paths of `bytes` bytes in all.
    func reservePaths(_ count: Int, bytes: Int) {
        paths.reserveCapacity(paths: count, bytes: bytes)
    }

    /// The fact stores of `rules`, taken out to be added to directly (an empty store for a rule
    /// with none yet); `putBack` returns them before anything else is gathered.
    func takeFactStores(of rules: [String]) -> [SiteFactStore] {
        rules.map { factsByRule.removeValue(forKey: $0) ?? SiteFactStore() }
    }

    /// Returns the stores `takeFactStores` took. An empty one stays out when it is the last time
    /// (a rule without facts has no store), and goes back with the room made in it otherwise.
    func putBack(_ stores: [SiteFactStore], of rules: [String], isLast: Bool) {
        for (rule, store) in zip(rules, stores) where store.count > 0 || !isLast { factsByRule[rule] = store }
    }

    /// The display path at `index` of the table, as a string.
    func path(at index: Int) -> String {
        paths[index]
    }

    /// Puts `earlier` before the problems gathered so far (the walk's, which come first in a report).
    func insertProblemsFirst(_ earlier: [PostlintError]) {
        problems.insert(contentsOf: earlier, at: 0)
    }

    /// Takes in the result of the file whose display path is `paths[file]`.
    func gather(_ result: FileResult, ofFile file: Int) {
        var path: String?
        /// The file's path as a string, built once and only when something keeps it.
        func displayPath() -> String {
            if let path { return path }
            let built = paths[file]
            path = built
            return built
        }
        for reference in result.remoteImages {
            remote.append((displayPath(), reference, result.remoteRuleID, result.remoteSeverity ?? .error))
        }
        for (rule, fact) in result.facts {
            // Rules give the document's path, which is the file's; any other is added to the table.
            var pathIndex = file
            if !paths.path(at: file, equals: fact.path) {
                paths.append(fact.path)
                pathIndex = paths.count - 1
            }
            factsByRule[rule, default: SiteFactStore()].append(fact, path: pathIndex)
        }
        if let problem = result.problem, result.checked || !reportOnly { problems.append(problem) }
        guard result.checked else { return }
        markChecked(file)
        for finding in result.findings { findings.append(finding) }
        let table = tableIndex(of: result.siteSeverities)
        if table != 0 || reportOnly { severityTableByPath[displayPath()] = table }
        if let suppressions = result.suppressions { suppressionsByPath[displayPath()] = suppressions }
    }

    /// The findings gathered so far, handed over once (the run's site and remote findings are
    /// added to them before they are sorted).
    func takeFindings() -> CompactFindings {
        defer { findings = CompactFindings() }
        return findings
    }

    /// The facts gathered for `rule`, handed over once: the store is released with the view.
    func takeFacts(of rule: String) -> SiteFacts? {
        factsByRule.removeValue(forKey: rule).map { SiteFacts($0, paths: paths) }
    }

    /// The display paths of the files checked, sorted by their bytes (the report's order).
    func checkedFilesInPathOrder() -> [String] {
        var indices: [UInt32] = []
        indices.reserveCapacity(checkedCount)
        for (word, bits) in checked.enumerated() where bits != 0 {
            for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { indices.append(UInt32(word * 64 + bit)) }
        }
        indices.sort { paths.utf8Precedes(Int($0), Int($1)) }
        return indices.map { paths[Int($0)] }
    }

    /// The site rules' severities for a file that was checked; nil for one read for its facts only.
    func siteSeverities(ofCheckedFile path: String) -> [String: Severity?]? {
        if let index = severityTableByPath[path] { return severityTables[index] }
        return reportOnly || severityTables.isEmpty ? nil : severityTables[0]
    }

    private func markChecked(_ file: Int) {
        // Files whose path was added after the table was given (none from a discovery) widen it.
        while file / 64 >= checked.count { checked.append(0) }
        let bit: UInt64 = 1 << UInt64(file % 64)
        if checked[file / 64] & bit == 0 { checkedCount += 1 }
        checked[file / 64] |= bit
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
