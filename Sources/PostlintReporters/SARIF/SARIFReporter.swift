import PostlintCore
import PostlintJSON

/// SARIF 2.1.0 (`--format sarif`), for code scanning services and SARIF viewers.
///
/// - `tool.driver` names postlint and its version and describes every rule that ran, from its
///   metadata: `shortDescription` is the summary, `fullDescription` the rationale, `help` (text and
///   Markdown) both plus the options, `defaultConfiguration.level` the default severity. There is
///   no `helpUri`: the project claims no published home, and `help` carries the whole text.
/// - Each result has `ruleId`, `ruleIndex`, `level` (`error`, `warning`, `note` for info),
///   `message.text` and one physical location: the path as a URI reference (relative paths stay
///   relative to `%SRCROOT%`, percent-encoded) and a region with lines and columns (counted in
///   Unicode scalars, which `run.columnKind` says) and, when known, the exact byte offset and length.
/// - A finding with a fix has one SARIF fix whose replacements give the deleted region by byte
///   offset and length, which is exact whatever the file holds.
///
/// Output is pretty-printed JSON by default, keys in a fixed order, followed by a newline.
public struct SARIFReporter: Reporter {
    public var layout: JSONValue.Layout
    /// The tool's home page (`tool.driver.informationUri`), written only when given.
    public var informationURI: String?

    public init(layout: JSONValue.Layout = .pretty, informationURI: String? = nil) {
        self.layout = layout
        self.informationURI = informationURI
    }

    /// The column unit postlint reports in, in SARIF's words.
    public static let columnKind = "unicodeCodePoints"
    /// The base every relative artifact URI is resolved against: where the run started.
    public static let sourceRootBaseID = "%SRCROOT%"

    public func write(_ report: LintReport, to output: ReportOutput) {
        // The log's types encode only strings, integers and booleans: encoding cannot fail.
        let encoder = OrderedJSONEncoder()
        let (skeletonLog, ruleIndices) = log(for: report, includingResults: false)
        guard let skeleton = try? encoder.encode(skeletonLog) else {
            output.write("{}\n")
            return
        }
        // The results are encoded and written one at a time: a tree of every result took more
        // memory than the run's linting on a large site.
        let results = JSONValue.StreamedArray(marker: Self.resultsMarker, count: report.findings.count) { index in
            let finding = report.findings[index]
            return (try? encoder.encode(Self.result(for: finding, ruleIndex: ruleIndices[finding.ruleID] ?? 0))) ?? .null
        }
        skeleton.replacing("results", at: [.member("runs"), .element(0)], with: .string(Self.resultsMarker))
            .write(layout, streaming: results, to: output)
        output.write("\n")
    }

    /// Stands for the results in the log's skeleton (no report text holds a NUL).
    static let resultsMarker = "\u{0}postlint-results\u{0}"

    /// The SARIF log for a report.
    public func log(for report: LintReport) -> SARIFLog {
        log(for: report, includingResults: true).log
    }

    /// The SARIF log for a report, its results left out unless `includingResults`, and each
    /// rule's index in the log's rule table.
    private func log(for report: LintReport, includingResults: Bool) -> (log: SARIFLog, ruleIndices: [String: Int]) {
        var descriptors: [SARIFLog.ReportingDescriptor] = []
        var indexByID: [String: Int] = [:]
        for rule in report.rules where indexByID[rule.id] == nil {
            indexByID[rule.id] = descriptors.count
            descriptors.append(Self.descriptor(for: rule, version: report.toolVersion))
        }
        // A finding of a rule the report does not describe still gets an entry, so that every
        // result can point into the table.
        for position in report.findings.indices {
            let ruleID = report.findings.ruleID(at: position)
            guard indexByID[ruleID] == nil else { continue }
            indexByID[ruleID] = descriptors.count
            descriptors.append(SARIFLog.ReportingDescriptor(id: ruleID))
        }
        let results =
            includingResults
            ? report.findings.map { finding in
                Self.result(for: finding, ruleIndex: indexByID[finding.ruleID] ?? 0)
            } : []
        let driver = SARIFLog.ToolComponent(
            name: ToolIdentity.name, version: report.toolVersion,
            informationUri: informationURI, rules: descriptors)
        let run = SARIFLog.Run(tool: SARIFLog.Tool(driver: driver), columnKind: Self.columnKind, results: results)
        return (SARIFLog(schema: SARIFLog.schemaURI, version: SARIFLog.formatVersion, runs: [run]), indexByID)
    }

    /// SARIF's level for a severity.
    public static func level(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func descriptor(for rule: RuleMetadata, version: String) -> SARIFLog.ReportingDescriptor {
        let summary = RuleHelp.sentence(rule.summary)
        let rationale = RuleHelp.trimmed(rule.rationale)
        return SARIFLog.ReportingDescriptor(
            id: rule.id,
            name: RuleHelp.pascalCaseName(rule.id),
            shortDescription: SARIFLog.MultiformatMessage(text: summary),
            fullDescription: rationale.isEmpty ? nil : SARIFLog.MultiformatMessage(text: rationale),
            help: SARIFLog.MultiformatMessage(text: RuleHelp.text(for: rule), markdown: RuleHelp.markdown(for: rule)),
            helpUri: nil,
            defaultConfiguration: SARIFLog.ReportingConfiguration(
                enabled: rule.isEnabledByDefault ? nil : false,
                level: level(for: rule.defaultSeverity)),
            properties: SARIFLog.RuleProperties(
                tags: [rule.category.rawValue], fixable: rule.isFixable,
                origin: rule.origin))
    }

    static func result(for finding: Finding, ruleIndex: Int) -> SARIFLog.Result {
        let artifact = artifactLocation(forPath: finding.path)
        var region = SARIFLog.Region(
            startLine: max(finding.start.line, 1), startColumn: max(finding.start.column, 1),
            endLine: max(finding.end.line, 1), endColumn: max(finding.end.column, 1))
        if let range = finding.range, range.lowerBound >= 0 {
            region.byteOffset = range.lowerBound
            region.byteLength = range.count
        }
        var fixes: [SARIFLog.Fix]?
        if let fix = finding.fix, !fix.edits.isEmpty {
            let replacements = fix.edits
                .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
                .map { edit in
                    SARIFLog.Replacement(
                        deletedRegion: SARIFLog.Region(
                            byteOffset: max(edit.range.lowerBound, 0),
                            byteLength: max(edit.range.count, 0)),
                        insertedContent: edit.replacement.isEmpty ? nil : SARIFLog.ArtifactContent(text: edit.replacement))
                }
            fixes = [
                SARIFLog.Fix(
                    description: SARIFLog.Message(text: fix.title),
                    artifactChanges: [
                        SARIFLog.ArtifactChange(
                            artifactLocation: artifact,
                            replacements: replacements)
                    ])
            ]
        }
        return SARIFLog.Result(
            ruleId: finding.ruleID, ruleIndex: ruleIndex, level: level(for: finding.severity),
            message: SARIFLog.Message(text: finding.message),
            locations: [
                SARIFLog.Location(
                    physicalLocation: SARIFLog.PhysicalLocation(
                        artifactLocation: artifact,
                        region: region))
            ],
            fixes: fixes)
    }

    static func artifactLocation(forPath path: String) -> SARIFLog.ArtifactLocation {
        let uri = URIEncoding.fileURI(forPath: path)
        return SARIFLog.ArtifactLocation(uri: uri, uriBaseId: path.hasPrefix("/") ? nil : sourceRootBaseID)
    }
}

extension SARIFLog.ReportingDescriptor {
    init(id: String) {
        self.init(
            id: id, name: nil, shortDescription: nil, fullDescription: nil, help: nil, helpUri: nil,
            defaultConfiguration: nil, properties: nil)
    }
}

extension SARIFLog.Region {
    init(byteOffset: Int, byteLength: Int) {
        self.init(
            startLine: nil, startColumn: nil, endLine: nil, endColumn: nil, byteOffset: byteOffset,
            byteLength: byteLength)
    }
}
