import Testing
import PostlintCore
@testable import PostlintReporters

/// The JSON and SARIF reporters write their findings one at a time into the document's skeleton;
/// the text must be exactly that of the whole document encoded as one tree.
@Suite struct StreamedReportTests {
    static var reports: [LintReport] {
        var many = ReportSamples.report
        many.findings = (0..<40).flatMap { _ in ReportSamples.findings }
        return [ReportSamples.report, ReportSamples.cleanReport, many]
    }

    @Test(arguments: [JSONValue.Layout.pretty, .compact])
    func theJSONReportIsTheWholeDocumentsText(_ layout: JSONValue.Layout) throws {
        for report in Self.reports {
            let whole = try OrderedJSONEncoder().encode(JSONReportDocument(report)).serialized(layout) + "\n"
            #expect(JSONReporter(layout: layout).render(report) == whole)
        }
    }

    @Test(arguments: [JSONValue.Layout.pretty, .compact])
    func theSARIFLogIsTheWholeLogsText(_ layout: JSONValue.Layout) throws {
        for report in Self.reports {
            let reporter = SARIFReporter(layout: layout)
            let whole = try OrderedJSONEncoder().encode(reporter.log(for: report)).serialized(layout) + "\n"
            #expect(reporter.render(report) == whole)
        }
    }

    /// A streamed array sits where its marker is, at any depth, empty or not; other strings and
    /// a path that leads nowhere leave the document as it is.
    @Test func aStreamedArrayTakesItsMarkersPlace() {
        let document = JSONValue.object([("a", .array([.object([("b", .string("x")), ("c", .number("1"))])]))])
        let marked = document.replacing("b", at: [.member("a"), .element(0)], with: .string("\u{0}m"))
        for count in [0, 1, 3] {
            let streamed = JSONValue.StreamedArray(marker: "\u{0}m", count: count) { .number(String($0)) }
            let whole = document.replacing("b", at: [.member("a"), .element(0)],
                                           with: .array((0..<count).map { .number(String($0)) }))
            for layout in [JSONValue.Layout.pretty, .compact] {
                #expect(marked.serialized(layout, streaming: streamed) == whole.serialized(layout))
            }
        }
        #expect(document.replacing("b", at: [.member("z")], with: .null) == document)
        #expect(document.replacing("b", at: [.member("a"), .element(5)], with: .null) == document)
    }
}
