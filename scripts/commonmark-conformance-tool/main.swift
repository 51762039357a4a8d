// Reads a JSON array of CommonMark examples (`{"example": 1, "markdown": "..."}`) on standard
// input and prints, for each, the destinations the body scanner found: a JSON array of
// `{"example": 1, "images": [...], "links": [...]}`. The conformance script compares them with the
// spec's expected HTML.
import Foundation
import PostlintCore
import PostlintMarkdown

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let examples = (try? JSONSerialization.jsonObject(with: input)) as? [[String: Any]] else {
    FileHandle.standardError.write(Data("expected a JSON array of examples on standard input\n".utf8))
    exit(2)
}
var output: [[String: Any]] = []
for example in examples {
    guard let number = example["example"] as? Int, let markdown = example["markdown"] as? String else { continue }
    let source = SourceText(markdown)
    let body = MarkdownScanner.scan(source, range: 0..<source.bytes.count)
    output.append([
        "example": number,
        "images": body.images.map(\.destination),
        "links": body.links.map(\.destination),
    ])
}
do {
    let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
} catch {
    FileHandle.standardError.write(Data("cannot write the results: \(error)\n".utf8))
    exit(2)
}
