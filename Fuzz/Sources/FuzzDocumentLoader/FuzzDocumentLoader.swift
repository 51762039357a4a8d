import PostlintCore
import PostlintParsing
import FuzzerDriver

/// Document loading: decoding, line index, front matter split and parse (YAML or TOML), body scan.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let document = DocumentLoader.load(path: "fuzz.md", bytes: bytes)
    // Invalid bytes are replaced one for one, so text offsets are file offsets.
    if document.source.text.utf8.count != bytes.count { fatalError("text length differs from byte length") }
    if document.bodyRange.lowerBound < 0 || document.bodyRange.upperBound > bytes.count {
        fatalError("body range \(document.bodyRange) outside \(bytes.count) bytes")
    }
    if let block = document.frontMatter?.block, block.content.upperBound > bytes.count {
        fatalError("front matter content \(block.content) outside \(bytes.count) bytes")
    }
    if let error = document.frontMatter?.syntaxError, error.offset < 0 || error.offset > bytes.count {
        fatalError("syntax error offset \(error.offset) outside \(bytes.count) bytes")
    }
    // Every position a rule may ask for resolves.
    _ = document.location(of: bytes.count)
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzDocumentLoader` as the callback.
@_cdecl("FuzzDocumentLoader_main")
public func fuzzDocumentLoaderMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzDocumentLoader($0, $1) }
}
