import Testing
import PostlintTestSupport
@testable import PostlintCore

/// `CompactFindings` keeps a run's findings as bytes: each must read back as the finding that went
/// in, and the report order must be the one sorting the values gives.
@Suite struct CompactFindingsTests {
    /// Findings of every shape: both paths' orders (and a path that comes back after another),
    /// every severity, no range, a range, fixes of several edits (insertion, deletion), text
    /// beyond ASCII, empty text, large numbers, and findings equal in place, rule and message.
    static var findings: [Finding] {
        let fix = Fix(
            title: "Replace “x” with ✓",
            edits: [
                TextEdit(range: 3..<7, replacement: "✓ done"), TextEdit(range: 9..<9, replacement: "inserted"),
                TextEdit(range: 12..<20, replacement: ""),
            ])
        return [
            Finding(
                path: "b/post.md", start: SourceLocation(line: 4, column: 2), end: SourceLocation(line: 4, column: 9),
                ruleID: "slug-format", severity: .error, message: "slug \"Crème Brûlée\" is not lower-case",
                range: 40..<52, fix: fix),
            Finding(
                path: "b/post.md", start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 4),
                ruleID: "required-fields", severity: .error, message: "missing required field \"title\""),
            Finding(
                path: "b/post.md", start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 4),
                ruleID: "required-fields", severity: .error, message: "missing required field \"excerpt\""),
            Finding(
                path: "a/日本語.md", start: SourceLocation(line: 300_000, column: 70_000),
                end: SourceLocation(line: 300_001, column: 1), ruleID: "mojibake", severity: .warning,
                message: "", range: 5_000_000_000..<5_000_000_001),
            Finding(
                path: "b.md", start: SourceLocation(line: 2, column: 1), end: SourceLocation(line: 2, column: 1),
                ruleID: "duplicate-title", severity: .info, message: "title is also used by b/post.md",
                fix: Fix(title: "", edits: [])),
            Finding(
                path: "b/post.md", start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 4),
                ruleID: "required-fields", severity: .error, message: "missing required field \"excerpt\"",
                range: 0..<3),
            Finding(
                path: "b/post.md", start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 4),
                ruleID: "front-matter-missing", severity: .warning, message: "z"),
            // Messages beyond ASCII at one place: canonically equal ones (composed "é", then
            // decomposed) keep the order they came in, as sorting the strings gives.
            Finding(
                path: "c.md", start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 2),
                ruleID: "invisible-character", severity: .warning, message: "caf\u{E9} z"),
            Finding(
                path: "c.md", start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 2),
                ruleID: "invisible-character", severity: .warning, message: "cafe\u{301} a"),
            Finding(
                path: "c.md", start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 2),
                ruleID: "invisible-character", severity: .warning, message: "cafe\u{301} z"),
            Finding(
                path: "c.md", start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 2),
                ruleID: "invisible-character", severity: .warning, message: "cafe"),
        ]
    }

    static func store(_ findings: [Finding]) -> CompactFindings {
        var store = CompactFindings()
        for finding in findings { store.append(finding) }
        return store
    }

    @Test func everyFindingReadsBackAsItWent() {
        let findings = Self.findings
        let store = Self.store(findings)
        #expect(store.count == findings.count)
        for (position, finding) in findings.enumerated() {
            #expect(store[position] == finding)
            #expect(store.path(at: position) == finding.path)
            #expect(store.severity(at: position) == finding.severity)
            #expect(store.ruleID(at: position) == finding.ruleID)
        }
    }

    /// The order the linter used to give, sorting the values (a stable sort: findings equal in
    /// the report order keep the order they came in).
    @Test func theReportOrderIsTheValuesSortedOrder() {
        let findings = Self.findings + Self.findings.reversed()
        let sorted = Array(findings.enumerated())
            .sorted {
                Finding.reportOrder($0.element, $1.element)
                    || (!Finding.reportOrder($1.element, $0.element) && $0.offset < $1.offset)
            }
            .map(\.offset)
        #expect(Self.store(findings).reportOrder().map(Int.init) == sorted)
        let list = FindingList(reportOrderOf: Self.store(findings))
        #expect(Array(list) == sorted.map { findings[$0] })
        #expect(list == FindingList(sorted.map { findings[$0] }))
    }

    /// Past the shared messages' limit, messages are kept with their findings: both kinds read
    /// back, and sort, as the values do (a message shared and the same text kept apart are equal).
    @Test func messagesSharedAndKeptApartReadBackAndSortAlike() {
        var random = SeededRandom(seed: 5)
        let findings = (0..<6_000).map { index in
            let message = index % 3 == 0 ? "missing required field \"excerpt\"" : "link \(random.next() % 5_000) is broken"
            return Finding(
                path: "p\(random.next() % 40).md", start: SourceLocation(line: Int(random.next() % 3) + 1, column: 1),
                end: SourceLocation(line: 1, column: 2), ruleID: index % 2 == 0 ? "broken-link" : "required-fields",
                severity: .error, message: message)
        }
        let store = Self.store(findings)
        for (position, finding) in findings.enumerated() where store[position] != finding {
            Issue.record("finding \(position) reads back as \(store[position])")
        }
        let sorted = findings.indices.sorted {
            Finding.reportOrder(findings[$0], findings[$1]) || (!Finding.reportOrder(findings[$1], findings[$0]) && $0 < $1)
        }
        #expect(store.reportOrder().map(Int.init) == sorted)
    }

    /// Findings as a run gathers them: a file's in a row (from none to 40, so both the small
    /// sorts and the large ones run), files in the walk's order rather than the report's (a
    /// folder `a` before `a.b`, `a` before `a-b.md`), then the site's findings for files seen
    /// before (a path stored apart), with ties on everything but the message, shared messages and
    /// messages of their own. The order is the one a sort of all of them gives.
    @Test func findingsGatheredAFileAtATimeSortAsAllOfThemDo() {
        var random = SeededRandom(seed: 11)
        let names = [
            "a/z.md", "a/b.md", "a.b/c.md", "a-b.md", "a.md", "b/é.md", "b/e.md", "b/f/g.md", "b/f.md", "c.md",
            "c d.md", "C.md", "z/a.md",
        ]
        let rules = ["required-fields", "broken-link", "unchecked-link", "mojibake"]
        func finding(_ path: String) -> Finding {
            let line = Int(random.next() % 4) + 1
            let message =
                random.next() % 2 == 0
                ? "missing required field \"\(["title", "slug", "excerpt"][Int(random.next() % 3)])\""
                : "link \(random.next() % 7) is broken"
            return Finding(
                path: path, start: SourceLocation(line: line, column: Int(random.next() % 3) + 1),
                end: SourceLocation(line: line, column: 9), ruleID: rules[Int(random.next() % 4)], severity: .error,
                message: message)
        }
        var findings: [Finding] = []
        for name in names {
            for _ in 0..<Int(random.next() % 41) { findings.append(finding(name)) }
        }
        for _ in 0..<30 { findings.append(finding(names[Int(random.next() % UInt64(names.count))])) }
        let sorted = findings.indices.sorted {
            Finding.reportOrder(findings[$0], findings[$1]) || (!Finding.reportOrder(findings[$1], findings[$0]) && $0 < $1)
        }
        #expect(Self.store(findings).reportOrder().map(Int.init) == sorted)
        #expect(findings.count > 200)
    }

    @Test func aListReadsTheSameWhicheverWayItIsKept() {
        let findings = Self.findings.sorted(by: Finding.reportOrder)
        let compact = FindingList(reportOrderOf: Self.store(findings))
        let values = FindingList(findings)
        for list in [compact, values] {
            #expect(list.count == findings.count)
            for position in list.indices {
                #expect(list.path(at: position) == findings[position].path)
                #expect(list.severity(at: position) == findings[position].severity)
                #expect(list.ruleID(at: position) == findings[position].ruleID)
            }
            for severity in Severity.allCases {
                #expect(list.count(of: severity) == findings.filter { $0.severity == severity }.count)
                #expect(Array(list.only(severity)) == findings.filter { $0.severity == severity })
            }
            #expect(Array(list.filter { $0.fix != nil }) == findings.filter { $0.fix != nil })
        }
        #expect(FindingList(reportOrderOf: CompactFindings()).isEmpty)
    }
}
