// swift-tools-version: 6.0
import PackageDescription

// The tests of the types whose thread safety the compiler takes on trust (`@unchecked Sendable`)
// and of the shared caches built on them, in a package of their own so that ThreadSanitizer
// builds only the engine and these tests, not the whole suite (.ci/sanitizers.sh). The test
// files are links to the suite's own.
let package = Package(
    name: "postlint-thread-sanitizer",
    dependencies: [
        .package(name: "postlint", path: "../..")
    ],
    targets: [
        .testTarget(
            name: "ConcurrencyTests",
            dependencies: [
                .product(name: "PostlintEngine", package: "postlint"),
                .product(name: "PostlintTestSupport", package: "postlint"),
            ],
            path: "Concurrency",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
