import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The documentation is plain text: valid UTF-8, with no control characters but tab and newline,
/// so it reads the same in a browser, a terminal and `git diff`.
@Suite struct DocumentationTextTests {
    /// The first control character (C0 but tab and newline, DEL, C1) in `text`, if any.
    static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
        }
    }

    @Test func everyFileUnderDocsIsUTF8TextWithoutControlCharacters() throws {
        let docs = CommandRunner.packageRoot().appendingPathComponent("docs")
        let enumerator = try #require(FileManager.default.enumerator(at: docs, includingPropertiesForKeys: [.isRegularFileKey]))
        var checked = 0
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let bytes = try Data(contentsOf: url)
            let text = try #require(String(bytes: bytes, encoding: .utf8), "\(url.lastPathComponent) is not valid UTF-8")
            if let control = Self.firstControlCharacter(in: text) {
                Issue.record("\(url.lastPathComponent) holds the control character \(String(format: "U+%04X", control.value))")
            }
            checked += 1
        }
        #expect(checked >= 5, "expected the documentation files under docs/, found \(checked)")
    }

    @Test func renderedExamplesShowControlCharactersAsVisibleEscapes() throws {
        let metadata = try RuleCatalog.base().allMetadata
        let controlRule = try #require(
            metadata.first { rule in
                (rule.triggeringExamples + rule.nonTriggeringExamples).contains { Self.firstControlCharacter(in: $0.text) != nil }
            }, "some rule's examples hold control characters; this test needs one")
        let explanation = RuleDocumentation.explanation(controlRule)
        #expect(Self.firstControlCharacter(in: explanation) == nil)
        #expect(explanation.contains("<U+00"))
        let reference = RuleDocumentation.reference(metadata)
        #expect(Self.firstControlCharacter(in: reference) == nil)
        #expect(reference.contains("<U+001B>"))
    }
}
