// swift-tools-version: 6.0
import PackageDescription

// One library per stage of the pipeline (docs/architecture in README): dependencies point one way,
// store ← syntax ← check ← evaluate ← results ← report, and only the `kaoping` executable parses arguments.
let package = Package(
    name: "kaoping",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kaoping", targets: ["kaoping"]),
        .library(name: "KaopingStore", targets: ["KaopingStore"]),
        .library(name: "KaopingDemo", targets: ["KaopingDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The 通报's wording and layout live in Mustache templates an office can edit (HTML escaped by default).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The DOCX is a zip of WordprocessingML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // Personal fields are kept only as HMAC-SHA256 with the office's key (import --pii-key); each row's
        // SHA-256 for the data digest (hardware SHA instructions where the CPU has them).
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // PostgreSQL's own client library, a system library like SQLite: it builds in seconds, speaks COPY and is
        // synchronous like the rest of the store code (postgres-nio would bring SwiftNIO: minutes of build).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "KaopingStore", dependencies: ["CSQLite", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "KaopingDemo", dependencies: ["KaopingStore"]),
        .target(name: "KaopingPostgres", dependencies: ["CLibPQ", "KaopingStore"]),
        .target(name: "KaopingSyntax"),
        .target(name: "KaopingCheck", dependencies: ["KaopingSyntax", "KaopingStore"]),
        .target(name: "KaopingResults"),
        .target(name: "KaopingEval", dependencies: ["KaopingCheck", "KaopingResults", "KaopingStore", "KaopingPostgres", "KaopingSQL"]),
        .target(
            name: "KaopingReport",
            dependencies: [
                "KaopingResults", "CXLSXWriter", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "KaopingSQL", dependencies: ["KaopingCheck", "KaopingStore"]),
        .target(
            name: "KaopingImport",
            dependencies: ["KaopingStore", "KaopingPostgres", "KaopingSyntax", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "KaopingTesting", dependencies: ["KaopingSyntax", "KaopingCheck", "KaopingEval", "KaopingResults", "KaopingStore"]),
        .executableTarget(
            name: "kaoping",
            dependencies: [
                "KaopingStore", "KaopingDemo", "KaopingSyntax", "KaopingCheck", "KaopingEval", "KaopingResults", "KaopingReport",
                "KaopingTesting", "KaopingSQL", "KaopingImport", "KaopingPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KaopingStoreTests", dependencies: ["KaopingStore"]),
        .testTarget(name: "KaopingPostgresTests", dependencies: ["KaopingPostgres", "KaopingStore"]),
        .testTarget(name: "KaopingImportTests", dependencies: ["KaopingImport", "KaopingStore"]),
        .testTarget(name: "KaopingDemoTests", dependencies: ["KaopingDemo", "KaopingStore"]),
        .testTarget(
            name: "KaopingSyntaxTests", dependencies: ["KaopingSyntax", "KaopingCheck", "KaopingDemo"],
            // The malformed corpus is read from the source tree (located from #filePath), not bundled.
            exclude: ["Malformed"]
        ),
        .testTarget(name: "KaopingCheckTests", dependencies: ["KaopingCheck", "KaopingSyntax", "KaopingStore"]),
        .testTarget(
            name: "KaopingAssessmentTests",
            dependencies: [
                "KaopingDemo", "KaopingStore", "KaopingSyntax", "KaopingCheck", "KaopingEval", "KaopingResults", "KaopingTesting",
                "KaopingSQL", "KaopingReport", "KaopingImport", "KaopingPostgres",
            ]
        ),
        .testTarget(
            name: "KaopingEvalTests",
            dependencies: [
                "KaopingEval", "KaopingCheck", "KaopingSyntax", "KaopingStore", "KaopingResults", "KaopingReport", "KaopingSQL",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The golden reports are read from the source tree (located from #filePath), not bundled.
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
