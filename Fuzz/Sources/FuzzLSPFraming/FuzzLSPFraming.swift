import LanguageServerFraming
import PostlintCore
import FuzzerDriver

/// The language server's message framing, fed in chunks whose sizes come from the input itself,
/// and the JSON parser on every message body it yields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLSPFraming(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let first = bytes.first else { return 0 }
    let chunk = Int(first % 64) + 1
    let limit = 4096
    var framer = MessageFramer(maximumContentLength: limit)
    var index = 1
    while index < bytes.count {
        let end = min(bytes.count, index + chunk)
        framer.append(bytes[index..<end])
        index = end
        while let event = framer.next() {
            if case .message(let body) = event {
                if body.count > limit { fatalError("body of \(body.count) bytes over the \(limit) limit") }
                _ = try? JSONParser.parse(body, maximumDepth: ParserLimits.jsonNesting)
            }
        }
        if framer.pendingByteCount > limit + MessageFramer.maximumHeaderLength + chunk {
            fatalError("framer holds \(framer.pendingByteCount) bytes")
        }
    }
    _ = try? JSONParser.parse(Array(bytes.dropFirst()), maximumDepth: ParserLimits.jsonNesting)
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzLSPFraming` as the callback.
@_cdecl("FuzzLSPFraming_main")
public func fuzzLSPFramingMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzLSPFraming($0, $1) }
}
