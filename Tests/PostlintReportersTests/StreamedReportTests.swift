import Testing
import PostlintCore
import PostlintJSON
@testable import PostlintReporters

/// The JSON and SARIF reporters write their findings one at a time into the document's skeleton;
/// the text must be exactly that of the whole document encoded as one tree.
@Suite struct StreamedReportTests {
    static var reports: [LintReport] {
        var many = ReportSamples.report
        many.findings = FindingList((0..<40).flatMap { _ in ReportSamples.findings })
        return [ReportSamples.report, ReportSamples.cleanReport, many]
    }

    @Test(arguments: [JSONValue.Layout.pretty, .compact])
    func theJSONReportIsTheWholeDocumentsText(_ layout: JSONValue.Layout) throws {
        for report in Self.reports {
            let whole = try OrderedJSONEncoder().encode(JSONReportDocument(report)).serialized(layout) + "\n"
            #expect(JSONReporter(layout: layout).render(report) == whole)
        }
    }

    /// Findings as a run keeps them (compactly, in report order): shared and own messages with
    /// quotes, control characters, U+2028, text that is not ASCII, every severity, fixes, large
    /// lines, paths repeated and interleaved.
    static var compactReports: [LintReport] {
        var generator = Xorshift(state: 0x4A53_4F4E)
        let messages = [
            "missing required field \"title\"", "tab\there", "line\nbreak", "\u{2028}separator\u{2029}",
            "café — naïve 日本", "back\\slash", "control \u{1}\u{7F}", "", "a \"quoted\" word",
        ]
        var reports: [LintReport] = []
        // 9,000 findings, half with messages of their own: more distinct messages than are kept
        // shared (4,096), so the last are stored with their findings.
        for size in [1, 7, 300, 9_000] {
            var compact = CompactFindings()
            for index in 0..<size {
                let path = ["a.md", "b/ü.md", "c \"q\".md", "d.md"][Int.random(in: 0..<4, using: &generator)]
                let own = Int.random(in: 0..<2, using: &generator) == 0
                let message =
                    messages[Int.random(in: 0..<messages.count, using: &generator)] + (own ? " #\(index)" : "")
                let line = [1, 9, 10, 99, 1_000_000, Int(Int32.max)][Int.random(in: 0..<6, using: &generator)]
                let fix =
                    Int.random(in: 0..<4, using: &generator) == 0
                    ? Fix(title: "fix", edits: [TextEdit(range: 0..<1, replacement: "x")]) : nil
                compact.append(
                    Finding(
                        path: path, start: SourceLocation(line: line, column: index % 80 + 1),
                        end: SourceLocation(line: line, column: index % 80 + 2),
                        ruleID: ["required-fields", "slug-format", "broken-link"][index % 3],
                        severity: [Severity.error, .warning, .info][Int.random(in: 0..<3, using: &generator)],
                        message: message, range: index % 2 == 0 ? 3..<5 : nil, fix: fix))
            }
            var report = ReportSamples.report
            report.findings = FindingList(reportOrderOf: compact)
            reports.append(report)
            // Some filtered out, as --quiet does: the order no longer covers every finding.
            report.findings = report.findings.only(.error)
            reports.append(report)
        }
        return reports
    }

    @Test(arguments: [JSONValue.Layout.pretty, .compact])
    func theJSONReportOfCompactFindingsIsTheWholeDocumentsText(_ layout: JSONValue.Layout) throws {
        for report in Self.compactReports {
            #expect(report.findings.compactStorage != nil)
            // The summary's counts, read from the findings' bytes, are those of the findings made whole.
            for severity in [Severity.error, .warning, .info] {
                #expect(report.findings.count(of: severity) == Array(report.findings).filter { $0.severity == severity }.count)
            }
            let whole = try OrderedJSONEncoder().encode(JSONReportDocument(report)).serialized(layout) + "\n"
            #expect(JSONReporter(layout: layout).render(report) == whole)
        }
    }

    /// Entries at another depth than the report's (a document that nests them deeper) are laid
    /// out for it.
    @Test(arguments: [JSONValue.Layout.pretty, .compact])
    func compactEntriesDeeperInADocumentAreLaidOutForTheirDepth(_ layout: JSONValue.Layout) throws {
        let report = try #require(Self.compactReports.first { $0.findings.count > 100 })
        let (compact, order) = try #require(report.findings.compactStorage)
        let marker = "\u{0}entries\u{0}"
        let document = JSONValue.object([("outer", .object([("entries", .string(marker))]))])
        var written: [UInt8] = []
        CompactEntryWriter(compact: compact).withStreamedArray(marker: marker, order: order, layout: layout) { array in
            document.write(layout, streaming: array, partSize: 1 << 30) {
                written += $0; $0 = []
            }
        }
        let values = JSONValue.StreamedArray(marker: marker, count: report.findings.count) { index, object in
            JSONReporter.write(report.findings[index], to: &object)
        }
        #expect(String(decoding: written, as: UTF8.self) == document.serialized(layout, streaming: values))
    }

    @Test(arguments: [JSONValue.Layout.pretty, .compact])
    func theSARIFLogIsTheWholeLogsText(_ layout: JSONValue.Layout) throws {
        for report in Self.reports {
            let reporter = SARIFReporter(layout: layout)
            let whole = try OrderedJSONEncoder().encode(reporter.log(for: report)).serialized(layout) + "\n"
            #expect(reporter.render(report) == whole)
        }
    }

    /// Every format writes the same bytes whether the findings are kept compactly (as a run over
    /// a site keeps them) or as values, and whether the report is written in parts (as the
    /// command line writes it) or whole: 3,000 findings make a report of many parts.
    @Test func everyFormatWritesTheSameBytesFromCompactFindings() {
        let findings = (0..<500).flatMap { _ in ReportSamples.findings }.sorted(by: Finding.reportOrder)
        var compact = CompactFindings()
        for finding in findings.reversed() { compact.append(finding) }
        var values = ReportSamples.report
        values.findings = FindingList(findings)
        var compacted = values
        compacted.findings = FindingList(reportOrderOf: compact)
        #expect(compacted.findings == values.findings)
        let reporters: [any Reporter] = ReportFormat.allCases.flatMap { format in
            [
                format.makeReporter(files: values.files), format.makeReporter(colored: true, files: values.files, quiet: true),
                format.makeReporter(files: values.files, compact: true),
            ]
        }
        for reporter in reporters {
            let whole = reporter.render(values)
            var parts: [[UInt8]] = []
            let output = ReportOutput { parts.append($0) }
            reporter.write(compacted, to: output)
            output.finish()
            #expect(String(decoding: parts.joined(), as: UTF8.self) == whole, "\(type(of: reporter))")
            #expect(reporter.render(compacted) == whole)
            #expect(parts.count > 1 || whole.utf8.count < ReportOutput.partSize)
        }
    }

    /// A streamed array sits where its marker is, at any depth, empty or not; other strings and
    /// a path that leads nowhere leave the document as it is.
    @Test func aStreamedArrayTakesItsMarkersPlace() {
        let document = JSONValue.object([("a", .array([.object([("b", .string("x")), ("c", .number("1"))])]))])
        let marked = document.replacing("b", at: [.member("a"), .element(0)], with: .string("\u{0}m"))
        for count in [0, 1, 3] {
            let streamed = JSONValue.StreamedArray(marker: "\u{0}m", count: count) { .number(String($0)) }
            let whole = document.replacing(
                "b", at: [.member("a"), .element(0)],
                with: .array((0..<count).map { .number(String($0)) }))
            for layout in [JSONValue.Layout.pretty, .compact] {
                #expect(marked.serialized(layout, streaming: streamed) == whole.serialized(layout))
            }
        }
        #expect(document.replacing("b", at: [.member("z")], with: .null) == document)
        #expect(document.replacing("b", at: [.member("a"), .element(5)], with: .null) == document)
    }

    /// Objects written member by member are the bytes of the object values holding the same
    /// members: empty or not, escaped text, at any depth, in both layouts.
    @Test func objectsWrittenMemberByMemberAreTheirValuesText() {
        let document = JSONValue.object([("a", .object([("b", .string("\u{0}m"))]))])
        func members(_ index: Int) -> [(key: String, value: JSONValue)] {
            guard index > 0 else { return [] }
            return [
                ("text", .string("line \(index) \"quoted\"\n\u{2028}é")), ("number", .number(String(-index))),
                ("flag", .bool(index % 2 == 0)),
            ]
        }
        for count in [0, 1, 4] {
            let streamed = JSONValue.StreamedArray(marker: "\u{0}m", count: count) { index, object in
                for (key, value) in members(index) {
                    switch value {
                    case .string(let text): object.string(key, text)
                    case .number(let text): object.integer(key, Int(text) ?? 0)
                    case .bool(let flag): object.bool(key, flag)
                    default: Issue.record("unexpected value \(value)")
                    }
                }
            }
            let whole = document.replacing(
                "b", at: [.member("a")], with: .array((0..<count).map { .object(members($0)) }))
            for layout in [JSONValue.Layout.pretty, .compact] {
                #expect(document.serialized(layout, streaming: streamed) == whole.serialized(layout))
            }
        }
    }

    /// The JUnit report is written a file and a test case at a time; its text is that of the
    /// document built whole as the reporter used to build it, for reports in path order, out of
    /// order, with findings outside the files listed, and with extra files.
    @Test func theJUnitReportIsTheWholeDocumentsText() {
        var shuffled = ReportSamples.report
        shuffled.findings = FindingList(shuffled.findings.reversed())
        shuffled.files.reverse()
        var unlisted = ReportSamples.report
        unlisted.files = [ReportSamples.cleanPath]
        var many = ReportSamples.report
        many.findings = FindingList((0..<40).flatMap { _ in ReportSamples.findings })
        many.files += (0..<50).map { "posts/generated-\($0).md" }
        for report in Self.reports + [shuffled, unlisted, many] {
            for extra in [[], ["posts/z-extra.md", ReportSamples.cleanPath, "a-first.md"]] {
                let reporter = JUnitReporter(files: extra)
                #expect(reporter.render(report) == WholeJUnitDocument.render(report, files: extra))
            }
        }
        #expect(JUnitReporter().render(ReportSamples.report).contains("<testcase name=\"postlint\" classname=\"posts/clean.md\""))
    }
}

/// The JUnit document as the reporter built it before it wrote it a test case at a time: every
/// finding grouped by path in a table, every path in a set. Kept as the reference the streamed
/// reporter must match.
private enum WholeJUnitDocument {
    static func render(_ report: LintReport, files: [String]) -> String {
        var findingsByPath: [String: [Finding]] = [:]
        for finding in report.findings { findingsByPath[finding.path, default: []].append(finding) }
        var paths = Set(report.files)
        paths.formUnion(files)
        paths.formUnion(findingsByPath.keys)
        let ordered = paths.sorted { $0.precedesInByteOrder($1) }
        let failureCount = report.findings.count
        let testCount = failureCount + ordered.count { (findingsByPath[$0] ?? []).isEmpty }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"postlint\" tests=\"\(testCount)\" failures=\"\(failureCount)\" errors=\"0\" time=\"0\">\n"
        for path in ordered {
            let findings = findingsByPath[path] ?? []
            let name = XMLEscaping.attribute(path)
            output +=
                "  <testsuite name=\"\(name)\" tests=\"\(max(findings.count, 1))\" failures=\"\(findings.count)\""
                + " errors=\"0\" skipped=\"0\" time=\"0\">\n"
            if findings.isEmpty {
                output += "    <testcase name=\"postlint\" classname=\"\(name)\" file=\"\(name)\" time=\"0\"/>\n"
            }
            for finding in findings {
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
            output += "  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }
}

/// A seeded generator for the findings above (xorshift64).
private struct Xorshift: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
