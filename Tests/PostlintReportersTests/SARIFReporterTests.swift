import Foundation
import PostlintCore
@testable import PostlintReporters
import Testing

@Suite struct SARIFReporterTests {
    private func decodedLog(_ report: LintReport = ReportSamples.report) throws -> SARIFLog {
        try JSONDecoder().decode(SARIFLog.self, from: Data(SARIFReporter().render(report).utf8))
    }

    @Test func describesTheToolAndEveryRule() throws {
        let log = try decodedLog()
        #expect(log.version == "2.1.0")
        #expect(log.schema.hasSuffix("sarif-schema-2.1.0.json"))
        let run = try #require(log.runs.first)
        #expect(run.columnKind == "unicodeCodePoints")
        let driver = run.tool.driver
        #expect(driver.name == "postlint")
        #expect(driver.version == "1.2.3")
        #expect(driver.informationUri == nil, "no home page is claimed")
        #expect(!SARIFReporter().render(ReportSamples.report).contains("informationUri"))
        #expect(driver.rules.map(\.id) == ["slug-format", "smart-quotes", "trailing-space", "house.no-tbd", "ghost-rule"])

        let slug = driver.rules[0]
        #expect(slug.name == "SlugFormat")
        #expect(slug.shortDescription?.text == "The slug is lower-case ASCII words joined by hyphens.")
        #expect(slug.fullDescription?.text == "The slug becomes the URL; anything else breaks when typed.")
        #expect(slug.defaultConfiguration == SARIFLog.ReportingConfiguration(enabled: nil, level: "error"))
        #expect(slug.helpUri == nil, "no documentation site is claimed")
        let help = try #require(slug.help)
        #expect(help.text.contains("- max-length (integer, default 75): the longest slug allowed, in characters"))
        #expect(help.text.contains("The fix command corrects"))
        #expect(help.markdown?.contains("- `field` (string, default `\"slug\"`)") == true)
        #expect(slug.properties == SARIFLog.RuleProperties(tags: ["front-matter"], fixable: true, origin: "built-in"))

        // Off by default: said so; info: SARIF's note.
        #expect(driver.rules[2].defaultConfiguration == SARIFLog.ReportingConfiguration(enabled: false, level: "note"))
        // A pack rule has no page in the built-in reference.
        #expect(driver.rules[3].helpUri == nil)
        #expect(driver.rules[3].properties?.origin == "rules/house/no-tbd.yml")
        // Markdown in the rationale is escaped in the Markdown help, kept in the text.
        #expect(driver.rules[1].help?.markdown?.contains("in \\`code\\` and \\*feeds\\*") == true)
        #expect(driver.rules[1].fullDescription?.text.contains("in `code` and *feeds*") == true)
        // A rule that is not described still has an entry to point at.
        #expect(
            driver.rules[4]
                == SARIFLog.ReportingDescriptor(
                    id: "ghost-rule", name: nil, shortDescription: nil,
                    fullDescription: nil, help: nil, helpUri: nil,
                    defaultConfiguration: nil, properties: nil))
    }

    @Test func everyResultHasARuleAndAPhysicalLocation() throws {
        let run = try #require(try decodedLog().runs.first)
        #expect(run.results.count == ReportSamples.findings.count)
        for (result, finding) in zip(run.results, ReportSamples.findings) {
            #expect(result.ruleId == finding.ruleID)
            #expect(run.tool.driver.rules[result.ruleIndex].id == finding.ruleID)
            #expect(result.message.text == finding.message)
            #expect(result.locations.count == 1)
            let location = try #require(result.locations.first?.physicalLocation)
            #expect(location.artifactLocation.uriBaseId == "%SRCROOT%")
            #expect(location.region.startLine == finding.start.line)
            #expect(location.region.startColumn == finding.start.column)
            #expect(location.region.endLine == finding.end.line)
            #expect(location.region.endColumn == finding.end.column)
            #expect(location.region.byteOffset == finding.range?.lowerBound)
            #expect(location.region.byteLength == finding.range?.count)
        }
        #expect(run.results.map(\.level) == ["error", "warning", "error", "warning", "note"])
    }

    @Test func pathsBecomePercentEncodedURIReferences() throws {
        let uris = try #require(try decodedLog().runs.first).results.map {
            $0.locations.first?.physicalLocation.artifactLocation.uri
        }
        #expect(uris.first == "posts/a%20b%23c%25d%3F.md")
        #expect(uris.last == "posts/cr%C3%A8me%20br%C3%BBl%C3%A9e.md")
        #expect(URIEncoding.fileURI(forPath: "./././notes/a.md") == "notes/a.md")
        #expect(URIEncoding.fileURI(forPath: "/srv/blog/é.md") == "file:///srv/blog/%C3%A9.md")
        #expect(URIEncoding.fileURI(forPath: "c:odd.md") == "c%3Aodd.md")
        #expect(URIEncoding.fileURI(forPath: "../up/[1].md") == "../up/%5B1%5D.md")
    }

    @Test func fixesAreByteRegionReplacements() throws {
        let run = try #require(try decodedLog().runs.first)
        let slug = try #require(run.results.first { $0.ruleId == "slug-format" })
        let fix = try #require(slug.fixes?.first)
        #expect(fix.description.text == "Use \"creme-brulee\"")
        let change = try #require(fix.artifactChanges.first)
        #expect(change.artifactLocation.uri == "posts/cr%C3%A8me%20br%C3%BBl%C3%A9e.md")
        let range = ReportSamples.range(of: "Crème Brûlée", in: ReportSamples.dessertText)
        #expect(
            change.replacements == [
                SARIFLog.Replacement(
                    deletedRegion: SARIFLog.Region(
                        startLine: nil, startColumn: nil, endLine: nil, endColumn: nil,
                        byteOffset: range.lowerBound, byteLength: range.count),
                    insertedContent: SARIFLog.ArtifactContent(text: "creme-brulee"))
            ])
        // Applying the replacements to the file's bytes gives the fixed file.
        var bytes = Array(ReportSamples.dessertText.utf8)
        for replacement in change.replacements.reversed() {
            let offset = try #require(replacement.deletedRegion.byteOffset)
            let length = try #require(replacement.deletedRegion.byteLength)
            bytes.replaceSubrange(offset..<(offset + length), with: Array((replacement.insertedContent?.text ?? "").utf8))
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("slug: creme-brulee\n"))

        let trailing = try #require(run.results.first { $0.ruleId == "trailing-space" })
        let replacements = try #require(trailing.fixes?.first?.artifactChanges.first?.replacements)
        #expect(replacements.map(\.deletedRegion.byteLength) == [0, 2])
        #expect(replacements.map(\.insertedContent?.text) == [".", nil])
        #expect(run.results.filter { $0.fixes != nil }.count == 2)
    }

    @Test func cleanRunHasRulesAndNoResults() throws {
        let run = try #require(try decodedLog(ReportSamples.cleanReport).runs.first)
        #expect(run.results.isEmpty)
        #expect(run.tool.driver.rules.count == 4)
    }

    @Test func duplicateRuleMetadataIsDescribedOnce() throws {
        let rules = ReportSamples.rules + ReportSamples.rules
        let report = LintReport(findings: ReportSamples.findings, fileCount: 2, rules: rules, toolVersion: "1")
        let run = try #require(try decodedLog(report).runs.first)
        #expect(run.tool.driver.rules.count == 5)
        #expect(Set(run.tool.driver.rules.map(\.id)).count == 5)
    }

    @Test func levelsMapFromSeverities() {
        #expect(Severity.allCases.map(SARIFReporter.level(for:)) == ["note", "warning", "error"])
    }
}
