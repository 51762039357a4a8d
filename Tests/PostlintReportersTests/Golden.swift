import Foundation
import Testing

/// Golden files: expected outputs stored beside the tests, in `Golden/`.
///
/// Set `POSTLINT_RECORD_GOLDEN=1` to rewrite them from the current output; a recording run always
/// fails, so a recorded file is never taken for a passing check by accident.
enum Golden {
    static let recordVariable = "POSTLINT_RECORD_GOLDEN"

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }

    static func check(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = url(name)
        if let value = ProcessInfo.processInfo.environment[recordVariable], !value.isEmpty, value != "0" {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded \(name); unset \(recordVariable) and run again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record(
                "missing golden file \(name); run with \(recordVariable)=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = firstDifference?.offset ?? min(expectedLines.count, actualLines.count)
            let expectedLine = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
            let actualLine = line < actualLines.count ? String(actualLines[line]) : "<end>"
            Issue.record(
                """
                output differs from \(name) at line \(line + 1):
                  expected: \(expectedLine)
                  actual:   \(actualLine)
                (run with \(recordVariable)=1 to accept the new output)
                """, sourceLocation: sourceLocation)
        }
    }
}
