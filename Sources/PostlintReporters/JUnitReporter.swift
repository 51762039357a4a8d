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

    public func write(_ report: LintReport, to output: ReportOutput) {
        // Written one file and one test case at a time, from the findings in path order and the
        // sorted list of paths: no table of findings by path, and no set of every path checked.
        let findings = Self.pathOrder(of: report.findings)
        let paths = Self.sortedUniquePaths(report.files, files, report.findings)
        let failureCount = report.findings.count
        var cleanFiles = 0
        Self.forEachFile(paths, findings, report.findings) { _, range in if range.isEmpty { cleanFiles += 1 } }

        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write(
            "<testsuites name=\"\(ToolIdentity.name)\" tests=\"\(failureCount + cleanFiles)\" failures=\"\(failureCount)\""
                + " errors=\"0\" time=\"0\">\n")
        var text = ""
        Self.forEachFile(paths, findings, report.findings) { path, range in
            text.removeAll(keepingCapacity: true)
            let name = XMLEscaping.attribute(path)
            text +=
                "  <testsuite name=\"\(name)\" tests=\"\(max(range.count, 1))\" failures=\"\(range.count)\""
                + " errors=\"0\" skipped=\"0\" time=\"0\">\n"
            if range.isEmpty {
                text += "    <testcase name=\"\(Self.cleanTestName)\" classname=\"\(name)\" file=\"\(name)\" time=\"0\"/>\n"
            }
            for position in range {
                Self.writeTestCase(report.findings[findings[position]], fileName: name, into: &text)
                if text.utf8.count >= ReportOutput.partSize {
                    output.write(text)
                    text.removeAll(keepingCapacity: true)
                }
            }
            text += "  </testsuite>\n"
            output.write(text)
        }
        output.write("</testsuites>\n")
    }

    /// One finding's failing test case.
    private static func writeTestCase(_ finding: Finding, fileName name: String, into output: inout String) {
        let testName = "\(finding.ruleID) at \(finding.start.line):\(finding.start.column)"
        output +=
            "    <testcase name=\"\(XMLEscaping.attribute(testName))\" classname=\"\(name)\""
            + " file=\"\(name)\" line=\"\(finding.start.line)\" time=\"0\">\n"
        let line =
            "\(finding.path):\(finding.start.line):\(finding.start.column): "
            + "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
        output +=
            "      <failure message=\"\(XMLEscaping.attribute(finding.message))\""
            + " type=\"\(finding.severity.rawValue)\">\(XMLEscaping.text(line))</failure>\n"
        output += "    </testcase>\n"
    }

    /// The positions of `findings` ordered by path (byte order), keeping their order within a
    /// path. Reports come in path order already; then this is `0..<count`.
    static func pathOrder(of findings: FindingList) -> [Int] {
        var order = Array(findings.indices)
        let sorted = findings.indices.dropFirst().allSatisfy {
            !findings.path(at: $0).precedesInByteOrder(findings.path(at: $0 - 1))
        }
        if !sorted {
            order.sort { left, right in
                let (a, b) = (findings.path(at: left), findings.path(at: right))
                if a != b { return a.precedesInByteOrder(b) }
                return left < right
            }
        }
        return order
    }

    /// Every path the report names, once each, in byte order: the files checked, the extra files
    /// and the findings' paths. The files checked usually come sorted and hold the others.
    static func sortedUniquePaths(_ checked: [String], _ extra: [String], _ findings: FindingList) -> [String] {
        var paths = checked + extra
        paths.reserveCapacity(paths.count + 16)
        var previous: String?
        for position in findings.indices {
            let path = findings.path(at: position)
            guard path != previous else { continue }
            paths.append(path)
            previous = path
        }
        let isSorted = paths.indices.dropFirst().allSatisfy { !paths[$0].precedesInByteOrder(paths[$0 - 1]) }
        if !isSorted { paths.sort { $0.precedesInByteOrder($1) } }
        var unique: [String] = []
        unique.reserveCapacity(paths.count)
        for path in paths where unique.last != path { unique.append(path) }
        return unique
    }

    /// Calls `body` with each path and the range of `order` (positions into `findings`) that
    /// holds its findings, walking both sorted lists together.
    private static func forEachFile(
        _ paths: [String], _ order: [Int], _ findings: FindingList,
        _ body: (String, Range<Int>) -> Void
    ) {
        var next = 0
        for path in paths {
            let start = next
            while next < order.count, findings.path(at: order[next]) == path { next += 1 }
            body(path, start..<next)
        }
    }
}
