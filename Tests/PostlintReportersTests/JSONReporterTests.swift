import Foundation
import PostlintCore
import PostlintJSON
import PostlintReporters
import Testing

@Suite struct JSONReporterTests {
    private func decode(_ output: String) throws -> JSONReportDocument {
        try JSONDecoder().decode(JSONReportDocument.self, from: Data(output.utf8))
    }

    @Test func roundTripsThroughAStandardDecoder() throws {
        let report = ReportSamples.report
        for layout in [JSONValue.Layout.pretty, .compact] {
            let document = try decode(JSONReporter(layout: layout).render(report))
            #expect(document == JSONReportDocument(report))
            #expect(document.version == 1)
            #expect(document.tool.name == "postlint")
            #expect(document.tool.version == "1.2.3")
            #expect(document.summary.files == 3)
            #expect(document.summary.errors == 2)
            #expect(document.summary.warnings == 2)
            #expect(document.summary.infos == 1)
            #expect(document.diagnostics.count == report.findings.count)
            #expect(
                document.diagnostics.first?.message == ReportSamples.hostileMessage
                    || document.diagnostics.contains { $0.message == ReportSamples.hostileMessage })
        }
    }

    @Test func diagnosticFieldsComeFromTheFinding() throws {
        let document = try decode(JSONReporter().render(ReportSamples.report))
        let slug = try #require(document.diagnostics.first { $0.rule == "slug-format" })
        #expect(slug.path == "posts/crème brûlée.md")
        #expect((slug.line, slug.column, slug.endLine, slug.endColumn) == (3, 7, 3, 19))
        #expect(slug.severity == .error)
        #expect(slug.fixable)
        let tbd = try #require(document.diagnostics.first { $0.rule == "house.no-tbd" })
        #expect(!tbd.fixable)
    }

    @Test func keysComeInTheDocumentedOrder() {
        let compact = JSONReporter(layout: .compact).render(ReportSamples.report)
        #expect(
            compact.hasPrefix(
                #"{"version":1,"tool":{"name":"postlint","version":"1.2.3"},"summary":{"files":3,"errors":2,"warnings":2,"infos":1},"diagnostics":[{"path":"#
            ))
        #expect(
            compact.contains(
                #"{"path":"posts/a b#c%d?.md","line":2,"column":8,"endLine":2,"endColumn":11,"rule":"house.no-tbd","severity":"error","message":"\"TBD\" left in the title","fixable":false}"#
            ))
        #expect(compact.hasSuffix("}\n"))
        #expect(compact.filter { $0 == "\n" }.count == 1)
        // Same bytes on every run.
        #expect(compact == JSONReporter(layout: .compact).render(ReportSamples.report))
    }

    @Test func prettyLayoutIndentsByTwoSpaces() {
        let pretty = JSONReporter().render(ReportSamples.cleanReport)
        #expect(
            pretty == """
                {
                  "version": 1,
                  "tool": {
                    "name": "postlint",
                    "version": "1.2.3"
                  },
                  "summary": {
                    "files": 1,
                    "errors": 0,
                    "warnings": 0,
                    "infos": 0
                  },
                  "diagnostics": []
                }

                """)
    }

    @Test func everyControlCharacterIsEscaped() throws {
        var message = ""
        for value in 0..<0x20 { message.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        message += "\u{7F}\"\\/ é 🍮 \u{2028}\u{2029}"
        let finding = Finding(
            path: "p.md", start: SourceLocation(line: 1, column: 1),
            end: SourceLocation(line: 1, column: 2), ruleID: "r", severity: .info, message: message)
        let output = JSONReporter(layout: .compact).render(
            LintReport(findings: [finding], fileCount: 1, rules: [], toolVersion: "0"))
        #expect(
            output.contains(
                #""message":"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f\"\\/ é 🍮 \u2028\u2029""#
            ))
        // Nothing raw below U+0020 remains but the one final newline.
        #expect(output.unicodeScalars.filter { $0.value < 0x20 }.map(\.value) == [0x0A])
        #expect(try decode(output).diagnostics.first?.message == message)
    }

    @Test func invalidUTF8InTheFileReachesTheReportAsSubstitutes() throws {
        // The engine decodes invalid bytes as U+001A; whatever a rule quotes from the text is valid.
        let source = SourceText(bytes: Array("title: caf".utf8) + [0xE9, 0xFF, 0x0A])
        let message = "title is \"\(source.string(in: 7..<12))\""
        let finding = Finding(
            path: "bad.md", start: SourceLocation(line: 1, column: 8),
            end: SourceLocation(line: 1, column: 13), ruleID: "r", severity: .error, message: message)
        let output = JSONReporter(layout: .compact).render(
            LintReport(findings: [finding], fileCount: 1, rules: [], toolVersion: "0"))
        #expect(output.contains(#"title is \"caf\u001a\u001a\""#))
        #expect(try decode(output).diagnostics.first?.message == "title is \"caf\u{1A}\u{1A}\"")
    }

    @Test func orderedEncoderKeepsDeclarationOrderAndDropsNil() throws {
        struct Sample: Encodable {
            var zebra = 1
            var apple: String? = nil
            var middle = [true, false]
            var nested = ["only": 2.5]
            var infinite = Double.infinity
            var whole = 3.0
        }
        let value = try OrderedJSONEncoder().encode(Sample())
        #expect(
            value.serialized(.compact) == #"{"zebra":1,"middle":[true,false],"nested":{"only":2.5},"infinite":null,"whole":3}"#)
    }
}
