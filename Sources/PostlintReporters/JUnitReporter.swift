import PostlintCore

/// JUnit XML (`--format junit`), the test report GitLab, Jenkins and most CI servers import.
///
/// - One `<testsuite>` per file checked, named by its path, with `tests` and `failures` counts.
/// - One `<testcase>` per finding, named `rule-id at line:column` with the file's path as
///   `classname` (and `file`), holding one `<failure>` whose `message` is the finding's message,
///   `type` its severity, and whose text is the finding's text-format line. One test per finding
///   (rather than per file and rule) because both GitLab and Jenkins show only the first failure
///   of a test case: this way every finding is visible.
/// - A file without findings has one passing `<testcase>` named `postlint`, so a clean run still
///   shows what was checked. Files come from `LintReport.files`, the reporter's own `files`, and
///   the findings' paths.
///
/// The output is well-formed XML 1.0 whatever messages and paths hold: markup characters are
/// escaped and characters XML cannot carry are replaced by U+FFFD.
public struct JUnitReporter: Reporter {
    /// More files checked, besides those in the report.
    public var files: [String]

    public init(files: [String] = []) {
        self.files = files
    }

    /// The name of the passing test case of a file without findings.
    public static let cleanTestName = "postlint"

    public func render(_ report: LintReport) -> String {
        var findingsByPath: [String: [Finding]] = [:]
        for finding in report.findings { findingsByPath[finding.path, default: []].append(finding) }
        var paths = Set(report.files)
        paths.formUnion(files)
        paths.formUnion(findingsByPath.keys)
        let ordered = paths.sorted { $0.precedesInByteOrder($1) }

        let failureCount = report.findings.count
        let testCount = failureCount + ordered.count { (findingsByPath[$0] ?? []).isEmpty }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output.reserveCapacity(failureCount * 256 + ordered.count * 128 + 128)
        output += "<testsuites name=\"\(ToolIdentity.name)\" tests=\"\(testCount)\" failures=\"\(failureCount)\""
            + " errors=\"0\" time=\"0\">\n"
        for path in ordered {
            let findings = findingsByPath[path] ?? []
            let name = XMLEscaping.attribute(path)
            output += "  <testsuite name=\"\(name)\" tests=\"\(max(findings.count, 1))\" failures=\"\(findings.count)\""
                + " errors=\"0\" skipped=\"0\" time=\"0\">\n"
            if findings.isEmpty {
                output += "    <testcase name=\"\(Self.cleanTestName)\" classname=\"\(name)\" file=\"\(name)\" time=\"0\"/>\n"
            }
            for finding in findings {
                let testName = "\(finding.ruleID) at \(finding.start.line):\(finding.start.column)"
                output += "    <testcase name=\"\(XMLEscaping.attribute(testName))\" classname=\"\(name)\""
                    + " file=\"\(name)\" line=\"\(finding.start.line)\" time=\"0\">\n"
                let line = "\(finding.path):\(finding.start.line):\(finding.start.column): "
                    + "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
                output += "      <failure message=\"\(XMLEscaping.attribute(finding.message))\""
                    + " type=\"\(finding.severity.rawValue)\">\(XMLEscaping.text(line))</failure>\n"
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }
}
