import PostlintCore
import PostlintParsing
import FuzzerDriver

/// TOML front matter (`+++` fences) through the front matter parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let fenced = Array("+++\n".utf8) + bytes + Array("\n+++\n".utf8)
    let source = SourceText(bytes: fenced)
    let block = FrontMatterBlock(format: .toml, openingFence: 0..<3, content: 4..<(4 + bytes.count),
                                 closingFence: (fenced.count - 4)..<(fenced.count - 1), firstContentLine: 1)
    let frontMatter = FrontMatterParser.parse(block, in: source)
    if let error = frontMatter.syntaxError, error.offset < 0 || error.offset > fenced.count {
        fatalError("error offset \(error.offset) outside \(fenced.count) bytes")
    }
    if let root = frontMatter.root, root.range.lowerBound < 0 || root.range.upperBound > fenced.count {
        fatalError("root range \(root.range) outside \(fenced.count) bytes")
    }
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzTOML` as the callback.
@_cdecl("FuzzTOML_main")
public func fuzzTOMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzTOML($0, $1) }
}
