// swift-tools-version: 6.0
import PackageDescription

// Dependencies, each justified (every one costs CI build minutes):
// - Yams: for the libyaml it bundles (module CYaml), whose events postlint composes itself (front
//   matter, config and rule packs).
// - swift-argument-parser: the command line (subcommands, help, validation).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "postlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "postlint", targets: ["postlint"]),
        .library(name: "PostlintEngine", targets: ["PostlintEngine"]),
        // For the concurrency tests' own package (Tests/ThreadSanitizer), which builds them under
        // ThreadSanitizer without the rest of the suite; not an API.
        .library(name: "PostlintTestSupport", targets: ["PostlintTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "PostlintCore", swiftSettings: strictSettings),
        .target(name: "PostlintMarkdown", dependencies: ["PostlintCore"], swiftSettings: strictSettings),
        .target(name: "PostlintEncoding", dependencies: ["PostlintCore"], swiftSettings: strictSettings),
        .target(
            name: "PostlintParsing",
            dependencies: [
                "PostlintCore", "PostlintMarkdown",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PostlintRules",
            dependencies: ["PostlintCore", "PostlintEncoding", "PostlintMarkdown"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PostlintRulePacks",
            dependencies: ["PostlintCore", "PostlintParsing"],
            swiftSettings: strictSettings,
            plugins: ["EmbedRulePacks"]
        ),
        // The one JSON model (ordered output, streamed arrays, the parser, Codable to and from it);
        // no dependencies, so the fuzz targets compile its value and parser files on their own.
        .target(name: "PostlintJSON", swiftSettings: strictSettings),
        .target(name: "PostlintReporters", dependencies: ["PostlintCore", "PostlintJSON"], swiftSettings: strictSettings),
        .target(
            name: "PostlintEngine",
            dependencies: [
                "PostlintCore", "PostlintEncoding", "PostlintParsing", "PostlintRules", "PostlintRulePacks",
                "PostlintReporters", "PostlintJSON",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PostlintLanguageServer",
            dependencies: ["PostlintCore", "PostlintEngine", "PostlintJSON"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "postlint",
            dependencies: [
                "PostlintEngine", "PostlintReporters", "PostlintCore", "PostlintLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Linked as a position-independent executable (the toolchain's default), never with
            // -no-pie: a fixed-address executable takes the address of functions in the Swift
            // runtime's shared library, and the loader warns on every run that such references to
            // protected functions may break pointer equality. docs/performance.md has the start-up cost.
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "PackEmbedder", path: "Sources/PackEmbedder"),
        // The CommonMark conformance check's runner (.ci/commonmark.sh); not a product.
        .executableTarget(
            name: "commonmark-conformance", dependencies: ["PostlintMarkdown"],
            path: "scripts/commonmark-conformance-tool"),
        .plugin(name: "EmbedRulePacks", capability: .buildTool(), dependencies: ["PackEmbedder"]),
        .target(
            name: "PostlintTestSupport",
            dependencies: ["PostlintCore", "PostlintParsing", "PostlintEngine"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PostlintCoreTests", dependencies: ["PostlintCore", "PostlintTestSupport"]),
        .testTarget(name: "PostlintParsingTests", dependencies: ["PostlintParsing", "PostlintTestSupport"]),
        .testTarget(name: "PostlintMarkdownTests", dependencies: ["PostlintMarkdown", "PostlintTestSupport"]),
        .testTarget(name: "PostlintEncodingTests", dependencies: ["PostlintEncoding", "PostlintTestSupport"]),
        .testTarget(
            name: "PostlintRulesTests",
            dependencies: ["PostlintRules", "PostlintRulePacks", "PostlintEngine", "PostlintEncoding", "PostlintTestSupport"]
        ),
        .testTarget(name: "PostlintRulePacksTests", dependencies: ["PostlintRulePacks", "PostlintTestSupport"]),
        .testTarget(name: "PostlintJSONTests", dependencies: ["PostlintJSON", "PostlintCore", "PostlintTestSupport"]),
        .testTarget(name: "PostlintReportersTests", dependencies: ["PostlintReporters", "PostlintJSON"], exclude: ["Golden"]),
        .testTarget(name: "PostlintEngineTests", dependencies: ["PostlintEngine", "PostlintJSON", "PostlintTestSupport"]),
        .testTarget(name: "PostlintCLITests", dependencies: ["postlint", "PostlintTestSupport"]),
        .testTarget(
            name: "PostlintLanguageServerTests",
            dependencies: ["PostlintLanguageServer", "PostlintCore", "PostlintJSON", "PostlintTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
