import PostlintCore
import PostlintEncoding
import FuzzerDriver

private let detector = MojibakeDetector()

/// The encoding sniffer on raw bytes, and the mojibake detector on their decoded text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let sniffed = EncodingSniffer.sniff(bytes)
    if sniffed.byteOrderMarkLength < 0 || sniffed.byteOrderMarkLength > bytes.count {
        fatalError("byte order mark length \(sniffed.byteOrderMarkLength) for \(bytes.count) bytes")
    }
    let text = SourceText(bytes: bytes).text
    let length = text.utf8.count
    for finding in detector.findings(in: text) {
        if finding.range.lowerBound < 0 || finding.range.upperBound > length || finding.range.isEmpty {
            fatalError("finding range \(finding.range) outside \(length) bytes")
        }
        // A repair names the code pages it undoes, or (a C1 control) says in its note what it is.
        for repair in finding.repairs where repair.chain.isEmpty && repair.note == nil {
            fatalError("repair without a code page or a note")
        }
    }
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzEncoding` as the callback.
@_cdecl("FuzzEncoding_main")
public func fuzzEncodingMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzEncoding($0, $1) }
}
