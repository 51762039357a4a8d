import PostlintCore
import PostlintParsing
import FuzzerDriver

/// Positioned YAML (front matter, configurations, rule packs) over the whole input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let source = SourceText(bytes: bytes)
    let result = PositionedYAML.parse(source, content: 0..<bytes.count)
    if let error = result.error, error.offset < 0 || error.offset > bytes.count {
        fatalError("error offset \(error.offset) outside \(bytes.count) bytes")
    }
    if let root = result.root, root.range.lowerBound < 0 || root.range.upperBound > bytes.count {
        fatalError("root range \(root.range) outside \(bytes.count) bytes")
    }
    // The same text inside a document, after a fence: offsets shift, nothing else changes.
    let fenced = Array("---\n".utf8) + bytes + Array("\n---\n".utf8)
    _ = DocumentLoader.load(path: "fuzz.md", bytes: fenced, parts: [.frontMatter])
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzYAML` as the callback.
@_cdecl("FuzzYAML_main")
public func fuzzYAMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzYAML($0, $1) }
}
