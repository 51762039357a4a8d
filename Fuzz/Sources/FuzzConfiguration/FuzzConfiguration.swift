import PostlintCore
import PostlintEngine
import FuzzerDriver

/// The `.postlint.yml` loader. The folder does not exist, so packs it names fail to load (an error,
/// not a crash) and nothing is read from the machine's disk.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        _ = try ConfigurationLoader.parse(path: ".postlint.yml", bytes: bytes, directory: "/nonexistent-postlint-fuzz")
    } catch {
        if error.message.isEmpty { fatalError("configuration error without a message") }
    }
    return 0
}

/// The program's entry point: libFuzzer's driver with `fuzzConfiguration` as the callback.
@_cdecl("FuzzConfiguration_main")
public func fuzzConfigurationMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzConfiguration($0, $1) }
}
