import PostlintCore
import PostlintMarkdown
import FuzzerDriver

/// The Markdown body scanner over the whole input, and over a range that starts inside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let source = SourceText(bytes: bytes)
    let body = MarkdownScanner.scan(source, range: 0..<bytes.count)
    let count = bytes.count
    func check(_ range: ByteRange, _ what: String) {
        if range.lowerBound < 0 || range.upperBound > count { fatalError("\(what) range \(range) outside \(count) bytes") }
    }
    for image in body.images { check(image.range, "image"); check(image.destinationRange, "image destination") }
    for link in body.links { check(link.range, "link") }
    for heading in body.headings { check(heading.range, "heading") }
    for paragraph in body.paragraphs { check(paragraph, "paragraph") }
    for definition in body.referenceDefinitions { check(definition.range, "definition") }
    for comment in body.comments { check(comment.range, "comment") }
    var previousEnd = 0
    for range in body.excludedRanges {
        check(range, "excluded")
        if range.lowerBound < previousEnd { fatalError("excluded ranges overlap or are unsorted at \(range)") }
        previousEnd = range.upperBound
    }
    // A body that starts part-way (after front matter), as the loader scans it.
    if count > 1 { _ = MarkdownScanner.scan(source, range: (count / 2)..<count) }
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzMarkdown` as the callback.
@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzMarkdown($0, $1) }
}
