// swift-tools-version: 6.1
import PackageDescription

// The benchmarks of issue 8, a package of their own so that the main package's build and tests never
// depend on them. `kaoping-bench` measures whole processes: the `kaoping` executable of the main package
// (built here, in the same configuration, through the dependency below), `kaoping-raw-read` and `sqlite3`,
// each through `kaoping-measure`.
//
//   swift run -c release --package-path Benchmarks kaoping-bench [--cases 1000000,3000000,10000000] [--out DIR]
let package = Package(
    name: "kaoping-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "kaoping", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "kaoping-bench",
            dependencies: [
                "kaoping-raw-read", "kaoping-measure",
                .product(name: "kaoping", package: "kaoping"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kaoping-raw-read", linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(name: "kaoping-measure"),
    ],
    swiftLanguageModes: [.v6]
)
