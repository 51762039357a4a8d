// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for the parsers that read untrusted bytes. A separate package so that the main
// build and `swift test` never compile them. Build and run them with `scripts/fuzz.sh`, which passes
// `-sanitize=fuzzer,address` for every module (the linter's own code is instrumented too, so the
// fuzzer is guided by its branches and AddressSanitizer watches its memory).
//
// Each target is an executable whose only file defines `LLVMFuzzerTestOneInput` (compiled with
// `-parse-as-library`: no top-level code) and `<Target>_main`, the name SwiftPM gives an executable's
// entry point on Linux, which runs libFuzzer's driver. The executables link libFuzzer and
// AddressSanitizer; the script instruments every module for coverage and AddressSanitizer (a
// plugin's build tool is compiled with the same flags, so libFuzzer's own `main` can't be linked
// into everything).
let fuzzerFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let fuzzerLinking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies + ["FuzzerDriver"], path: "Sources/\(name)",
                      swiftSettings: fuzzerFlags, linkerSettings: fuzzerLinking)
}

let engine: Target.Dependency = .product(name: "PostlintEngine", package: "postlint")

let package = Package(
    name: "postlint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "postlint", path: "..")],
    targets: [
        .target(name: "FuzzerDriver", path: "Sources/FuzzerDriver"),
        fuzzTarget("FuzzDocumentLoader", [engine]),
        fuzzTarget("FuzzYAML", [engine]),
        fuzzTarget("FuzzTOML", [engine]),
        fuzzTarget("FuzzMarkdown", [engine]),
        fuzzTarget("FuzzEncoding", [engine]),
        fuzzTarget("FuzzConfiguration", [engine]),
        fuzzTarget("FuzzRulePack", [engine]),
        // The language server module is not a product of the main package; its framing and the JSON
        // value and parser (PostlintJSON) have no dependencies, so this target compiles them (symbolic
        // links) on their own.
        .target(name: "LanguageServerFraming", path: "Sources/LanguageServerFraming"),
        fuzzTarget("FuzzLSPFraming", ["LanguageServerFraming", engine]),
    ],
    swiftLanguageModes: [.v6]
)
