// swift-tools-version:6.0
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "carbs",
    products: [
        .library(name: "CARBSCore", targets: ["CARBSCore"]),
        .executable(name: "carbs-space", targets: ["carbs-space"]),
        .executable(name: "carbs-fit", targets: ["carbs-fit"]),
        .executable(name: "carbs-suggest", targets: ["carbs-suggest"]),
        .executable(name: "carbs-pareto", targets: ["carbs-pareto"]),
        .executable(name: "carbs-plot", targets: ["carbs-plot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System LAPACK/BLAS (Debian: liblapack-dev libblas-dev). OpenBLAS replaces both through alternatives.
        .systemLibrary(
            name: "CLapack", path: "Sources/CLapack", pkgConfig: "lapack",
            providers: [.apt(["liblapack-dev", "libblas-dev"])]),
        // All logic: spaces, log records, linear algebra, GP, Pareto, search, plots.
        .target(name: "CARBSCore", dependencies: ["CLapack"]),
        // Shared command-line plumbing: common options, input, output, exit codes.
        .target(
            name: "CARBSCLI",
            dependencies: [
                "CARBSCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(name: "carbs-space", dependencies: ["CARBSCLI", "CARBSCore", argumentParser]),
        .executableTarget(name: "carbs-fit", dependencies: ["CARBSCLI", "CARBSCore", argumentParser]),
        .executableTarget(name: "carbs-suggest", dependencies: ["CARBSCLI", "CARBSCore", argumentParser]),
        .executableTarget(name: "carbs-pareto", dependencies: ["CARBSCLI", "CARBSCore", argumentParser]),
        .executableTarget(name: "carbs-plot", dependencies: ["CARBSCLI", "CARBSCore", argumentParser]),
        // Benchmarks (not tests): search quality and speed. See BENCHMARKS.md.
        .executableTarget(
            name: "carbs-bench",
            dependencies: ["CARBSCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/Sources/carbs-bench"),
        .testTarget(name: "CARBSCoreTests", dependencies: ["CARBSCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CLITests",
            dependencies: ["CARBSCore", "carbs-space", "carbs-fit", "carbs-suggest", "carbs-pareto", "carbs-plot"],
            exclude: ["Corpus", "Fixtures"]),  // bad-input files and foreign configurations, read through #filePath
    ]
)
