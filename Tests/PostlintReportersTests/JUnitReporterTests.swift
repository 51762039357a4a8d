import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import PostlintCore
import PostlintReporters
import Testing

/// Collects the elements of a parsed XML document, or the parser's error.
private final class ElementCollector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    var elements: [Element] = []
    private var open: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = open.popLast()
    }

    static func parse(_ xml: String) throws -> [Element] {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        return collector.elements
    }
}

@Suite struct JUnitReporterTests {
    @Test func oneSuitePerFileOneCasePerFindingAndPassingCleanFiles() throws {
        let elements = try ElementCollector.parse(JUnitReporter().render(ReportSamples.report))
        let root = try #require(elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "6")
        #expect(root.attributes["failures"] == "5")
        let suites = elements.filter { $0.name == "testsuite" }
        #expect(
            suites.map { $0.attributes["name"] } == [
                ReportSamples.reservedPath, ReportSamples.cleanPath,
                ReportSamples.dessertPath,
            ])
        #expect(suites.map { $0.attributes["tests"] } == ["2", "1", "3"])
        #expect(suites.map { $0.attributes["failures"] } == ["2", "0", "3"])
        let cases = elements.filter { $0.name == "testcase" }
        #expect(cases.count == 6)
        #expect(cases[2].attributes["name"] == "postlint")
        #expect(cases[2].attributes["classname"] == ReportSamples.cleanPath)
        #expect(cases[0].attributes["name"] == "house.no-tbd at 2:8")
        let failures = elements.filter { $0.name == "failure" }
        #expect(failures.count == 5)
        #expect(failures.map { $0.attributes["type"] } == ["error", "warning", "error", "warning", "info"])
        #expect(failures.map(\.text).allSatisfy { $0.contains(": ") && $0.hasSuffix("]") })
    }

    @Test func messagesSurviveEscapingExactly() throws {
        let elements = try ElementCollector.parse(JUnitReporter().render(ReportSamples.report))
        let failure = try #require(
            elements.first {
                $0.name == "failure" && $0.attributes["type"] == "warning"
                    && $0.text.contains("smart-quotes")
            })
        // Attribute-value normalization would turn a raw tab or newline into a space: they are kept.
        #expect(
            failure.attributes["message"] == ReportSamples.hostileMessage.replacingOccurrences(of: "\u{1B}", with: "\u{FFFD}"))
        #expect(failure.text.hasPrefix("posts/crème brûlée.md:5:3: warning: says \"hi\""))
    }

    @Test func charactersXMLCannotHoldAreReplaced() throws {
        var message = "<tag attr='x'> & \"q\" ]]> "
        for value in 0..<0x20 { message.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        message += "\u{7F}\u{FFFE}\u{FFFF}\u{10FFFF}"
        let finding = Finding(
            path: "a&b<c>.md", start: SourceLocation(line: 1, column: 1),
            end: SourceLocation(line: 1, column: 2), ruleID: "r", severity: .error, message: message)
        let xml = JUnitReporter().render(LintReport(findings: [finding], fileCount: 1, rules: [], toolVersion: "0"))
        // Only tab and line feed appear raw (in text content); everything else below U+0020 is gone.
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(!xml.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF })
        let elements = try ElementCollector.parse(xml)
        let failure = try #require(elements.first { $0.name == "failure" })
        var expected = "<tag attr='x'> & \"q\" ]]> "
        for value in 0..<0x20 {
            expected += [0x09, 0x0A, 0x0D].contains(value) ? String(UnicodeScalar(UInt8(value))) : "\u{FFFD}"
        }
        expected += "\u{7F}\u{FFFD}\u{FFFD}\u{10FFFF}"
        #expect(failure.attributes["message"] == expected)
        #expect(elements.first { $0.name == "testsuite" }?.attributes["name"] == "a&b<c>.md")
    }

    @Test func filesFromTheReporterAndTheReportAreMerged() throws {
        let report = LintReport(findings: [], fileCount: 2, rules: [], toolVersion: "0", files: ["b.md"])
        let elements = try ElementCollector.parse(JUnitReporter(files: ["a.md", "b.md"]).render(report))
        #expect(elements.filter { $0.name == "testsuite" }.map { $0.attributes["name"] } == ["a.md", "b.md"])
        #expect(elements.first?.attributes["failures"] == "0")
        #expect(elements.first?.attributes["tests"] == "2")
    }
}
