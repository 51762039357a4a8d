import PostlintCore
import PostlintEngine
import PostlintParsing

/// Runs a site rule's own examples: each example's posts are read, their facts gathered and the
/// rule's findings compared with the marked ranges (as line and column, since site findings carry
/// positions). Triggering examples must be reported exactly there, non-triggering ones not at all.
/// Returns readable failures (empty when everything holds).
public enum SiteExampleChecker {
    public static func failures(of factory: SiteRuleFactory) -> [String] {
        var failures: [String] = []
        for example in factory.metadata.triggeringSiteExamples {
            let (findings, expected) = run(factory, example)
            let found = Set(findings.map(Position.init))
            if expected.isEmpty {
                if findings.isEmpty { failures.append("\(where_(example)): expected a finding, got none") }
            } else if found != expected {
                failures.append(
                    "\(where_(example)): expected findings at \(describe(expected)), got \(describe(found)) "
                        + "(\(findings.map(\.message)))")
            }
            for finding in findings where !ExampleChecker.isWellFormedMessage(finding.message) {
                failures.append(
                    "\(where_(example)): message \"\(finding.message)\" should start lower-case and end without a period")
            }
        }
        for example in factory.metadata.nonTriggeringSiteExamples {
            let (findings, _) = run(factory, example)
            if !findings.isEmpty {
                failures.append("\(where_(example)): expected no finding, got \(findings.map { "\($0.path): \($0.message)" })")
            }
        }
        return failures
    }

    /// Where a finding is: its post and its range as lines and columns.
    struct Position: Hashable, CustomStringConvertible {
        var path: String
        var start: SourceLocation
        var end: SourceLocation

        init(path: String, start: SourceLocation, end: SourceLocation) {
            self.path = path
            self.start = start
            self.end = end
        }

        init(_ finding: Finding) {
            self.init(path: finding.path, start: finding.start, end: finding.end)
        }

        var description: String {
            "\(path):\(start.line):\(start.column)-\(end.line):\(end.column)"
        }
    }

    private static func run(_ factory: SiteRuleFactory, _ example: SiteRuleExample) -> (
        findings: [Finding], expected: Set<Position>
    ) {
        let rule = factory.make(RuleOptions(defaultsOf: factory.metadata, overrides: example.options))
        let context = RuleContext(fileSystem: ExampleFileSystem(example), siteRoots: [ExampleFileSystem.root])
        var facts: [SiteFact] = []
        var expected: Set<Position> = []
        for post in example.posts {
            let marked = RuleExample(post.text, path: post.path)
            let (text, ranges) = marked.unmarked
            let document = DocumentLoader.load(path: post.path, text: text)
            for range in ranges {
                expected.insert(
                    Position(
                        path: post.path, start: document.location(of: range.lowerBound),
                        end: document.location(of: range.upperBound)))
            }
            facts += rule.facts(of: document, context: context)
        }
        return (rule.check(SiteFacts(facts)), expected)
    }

    private static func describe(_ positions: Set<Position>) -> String {
        positions.map(\.description).sorted().joined(separator: ", ")
    }

    private static func where_(_ example: SiteRuleExample) -> String {
        "\(example.sourceFile):\(example.sourceLine)"
    }
}
