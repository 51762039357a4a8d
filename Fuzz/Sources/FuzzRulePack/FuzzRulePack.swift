import PostlintCore
import PostlintRulePacks
import FuzzerDriver

/// A user rule pack file: schema, kinds, options, patterns.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRulePack(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let factory = try RulePackLoader.parse(path: "pack/rule.yml", text: String(decoding: bytes, as: UTF8.self),
                                               packName: "pack")
        _ = try factory.make(RuleOptions(defaultsOf: factory.metadata))
    } catch {
        // A positioned error is the expected answer to most inputs.
    }
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzRulePack` as the callback.
@_cdecl("FuzzRulePack_main")
public func fuzzRulePackMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzRulePack($0, $1) }
}
