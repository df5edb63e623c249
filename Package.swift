// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "maex-node",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "maex-node", targets: ["MAEXCLI"]),
        .executable(name: "maex-bench", targets: ["MAEXBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        // Pure domain logic: ids, keys, signatures, clock, envelope, merge, digest.
        .target(
            name: "MAEXCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // JSON shapes of the wire protocol and error bodies.
        .target(name: "MAEXWire", dependencies: ["MAEXCore"], swiftSettings: swiftSettings),
        // SQLite storage: log, derived register, pending, quarantine.
        .target(
            name: "MAEXStore",
            dependencies: [
                "MAEXCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // libcurl, through a module map and a header of typed inline wrappers.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // The peer client over libcurl.
        .target(
            name: "MAEXClient",
            dependencies: ["MAEXCore", "MAEXWire", "CCurl", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Configuration, HTTP API, pages, replicator, composition root.
        .target(
            name: "MAEXNode",
            dependencies: [
                "MAEXCore", "MAEXWire", "MAEXStore", "MAEXClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // openapi.json: written by protocol/openapi-build.py, served at /openapi.json.
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MAEXCLI",
            dependencies: [
                "MAEXNode", "MAEXCore", "MAEXStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MAEXBench",
            dependencies: ["MAEXCore", "MAEXStore", "MAEXClient", "MAEXNode", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Test-only helpers shared by the test targets and the crash-test child.
        .target(name: "MAEXTestSupport", dependencies: ["MAEXCore"], path: "Tests/MAEXTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "MAEXCoreTests", dependencies: ["MAEXCore", "MAEXWire", "MAEXTestSupport"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        // A child process for the store's crash-safety test: applies change sets, reports each stored one.
        .executableTarget(
            name: "maex-store-crash-child",
            dependencies: ["MAEXCore", "MAEXStore", "MAEXTestSupport", .product(name: "Logging", package: "swift-log")],
            path: "Tests/StoreCrashChild",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MAEXStoreTests",
            dependencies: ["MAEXCore", "MAEXStore", "MAEXTestSupport", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MAEXClientTests", dependencies: ["MAEXClient", "MAEXNode", .product(name: "Hummingbird", package: "hummingbird")], swiftSettings: swiftSettings),
        .testTarget(
            name: "MAEXNodeTests",
            dependencies: [
                "MAEXNode", "MAEXCore", "MAEXStore", "MAEXWire", "MAEXTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)
