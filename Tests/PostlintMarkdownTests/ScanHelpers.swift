import PostlintCore
import PostlintMarkdown

/// A scanned text and ways to ask where things are.
struct Scanned {
    let source: SourceText
    let body: MarkdownBody

    init(_ text: String, bodyFrom start: Int = 0) {
        source = SourceText(text)
        body = MarkdownScanner.scan(source, range: start..<source.bytes.count)
    }

    /// `line:column` of a byte offset.
    func at(_ offset: Int) -> String {
        source.lineIndex.location(of: offset).description
    }

    func text(_ range: ByteRange) -> String {
        source.string(in: range)
    }

    var imageDestinations: [String] { body.images.map(\.destination) }
    var linkDestinations: [String] { body.links.map(\.destination) }
    var imagePositions: [String] { body.images.map { at($0.range.lowerBound) } }
}
