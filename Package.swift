// swift-tools-version:6.1
import PackageDescription

/// The numeric targets are optimised in debug builds too, so that the plain `swift run gdbench --suite conditioning`
/// is not ten times slower than `-c release` (README "Quick start"); records are bit-identical either way (no
/// fast-math, FP contraction off). SwiftPM refuses unsafe flags in a version-pinned dependency, so they are added
/// only when this package is not one: not when its manifest is read from a checkout of dependencies
/// (`.build/checkouts/`, Xcode's `SourcePackages/checkouts/`). `GDBENCH_DEBUG_UNOPTIMIZED=1` turns them off
/// (for a debugger).
let isDependencyCheckout = Context.packageDirectory.contains("/checkouts/")
let optimizeDebug = !isDependencyCheckout && Context.environment["GDBENCH_DEBUG_UNOPTIMIZED"] == nil
let optimizedSwift: [SwiftSetting] = optimizeDebug ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []
let optimizedC: [CSetting] = optimizeDebug ? [.unsafeFlags(["-O2"], .when(configuration: .debug))] : []

/// Dependencies point one way (docs/architecture.md draws the graph): gdbench → Harness → SuiteLanguage →
/// Optimizers → Objectives → Parameters, LinearAlgebra, Randomness; gdbench → Checking → Results.
let package = Package(
    name: "gdbench",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Randomness", targets: ["Randomness"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "Parameters", targets: ["Parameters"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Objectives", targets: ["Objectives"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "Results", targets: ["Results"]),
        .library(name: "Checking", targets: ["Checking"]),
        .library(name: "SuiteLanguage", targets: ["SuiteLanguage"]),
        .library(name: "Harness", targets: ["Harness"]),
        // Derivative checks against central differences, for package users' own tests.
        .library(name: "GradientCheck", targets: ["GradientCheck"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "GdbenchCommandLine", targets: ["GdbenchCommandLine"]),
        .executable(name: "gdbench", targets: ["gdbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "Randomness", dependencies: ["WideKernels"], swiftSettings: optimizedSwift),
        // The one error protocol (message, file / line / key path) and the one table of exit codes.
        .target(name: "Diagnostics", swiftSettings: optimizedSwift),
        // The parameter language: values, specs and the one validator of every kind's parameters.
        .target(name: "Parameters", dependencies: ["Diagnostics"], swiftSettings: optimizedSwift),
        // AVX versions of the LinearAlgebra kernels, bitwise identical to the Swift ones, chosen at run time.
        // Optimised in debug builds too (optimizedC): the construction kernels build the instances `validate`
        // checks, and at -O0 a d = 4096 rotation takes half an hour instead of seconds (same bits).
        .target(name: "WideKernels", cSettings: optimizedC),
        .target(name: "LinearAlgebra", dependencies: ["WideKernels"], swiftSettings: optimizedSwift),
        .target(
            name: "Objectives", dependencies: ["Randomness", "Parameters", "LinearAlgebra", "WideKernels"],
            // The data file and its README; the library embeds the same text (BreastCancerData.swift).
            exclude: ["Data"], swiftSettings: optimizedSwift),
        .target(
            name: "Optimizers", dependencies: ["Objectives", "Parameters", "LinearAlgebra", "Randomness"],
            swiftSettings: optimizedSwift),
        .target(name: "GradientCheck", dependencies: ["Objectives", "Randomness"], swiftSettings: optimizedSwift),
        .target(name: "Results", dependencies: ["Diagnostics"], swiftSettings: optimizedSwift),
        // Optimizers and objectives in other processes and languages over the pipe protocol of docs/protocol.md.
        .target(name: "External", dependencies: ["Objectives", "Optimizers", "Parameters"], swiftSettings: optimizedSwift),
        // The check workflow: a run compared with a committed baseline.
        .target(name: "Checking", dependencies: ["Results"]),
        // The suite language: loader, expressions, includes, validation, the catalog of kinds.
        .target(
            name: "SuiteLanguage",
            dependencies: [
                "Optimizers", "Objectives", "Parameters", "Results", "External",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: optimizedSwift),
        .target(
            name: "Harness",
            dependencies: [
                "SuiteLanguage", "Optimizers", "Objectives", "Parameters", "LinearAlgebra", "Randomness", "Results", "External",
            ],
            swiftSettings: optimizedSwift),
        // Analysis reads trimmed baselines (Checking's TrimmedBaseline) as result sets.
        .target(name: "Analysis", dependencies: ["Results", "Checking", "Randomness"]),
        .target(name: "Figures", dependencies: ["Analysis", "Results"]),
        // The whole command line as a library (GdbenchCommand.main), so that a package adding its own kinds
        // gets the complete command; the executable only calls it.
        .target(
            name: "GdbenchCommandLine",
            dependencies: [
                "Diagnostics", "Harness", "SuiteLanguage", "Checking", "Results", "Objectives", "Parameters", "Analysis",
                "Figures", "GradientCheck", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/gdbench"),
        .executableTarget(name: "gdbench", dependencies: ["GdbenchCommandLine"], path: "Sources/gdbench-executable"),
        // The seeded mutation fuzzer over the suite loader and expression parser (scripts/fuzz).
        .executableTarget(
            name: "gdbench-fuzz", dependencies: ["Harness", "SuiteLanguage", "Results", "Objectives", "Optimizers", "Parameters"],
            path: "Sources/Fuzz"),
        // Derivative checks, fixture paths and the subprocess runner the test targets share.
        .target(name: "TestSupport", dependencies: ["Objectives", "Results"], path: "Tests/TestSupport"),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(
            name: "HarnessTests",
            dependencies: [
                "Harness", "SuiteLanguage", "Checking", "Results", "Objectives", "Optimizers", "Parameters",
                "Randomness", "Analysis", "TestSupport",
            ]),
        // CanonicalJSONBaselineTests reads committed baselines back through Checking's TrimmedBaseline.
        .testTarget(name: "ResultsTests", dependencies: ["Results", "Checking", "Randomness"]),
        .testTarget(name: "CheckingTests", dependencies: ["Checking", "Results", "Randomness"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Results"], exclude: ["Fixtures"]),
        .testTarget(
            name: "FiguresTests", dependencies: ["Figures", "Analysis", "Results", "Harness", "SuiteLanguage"],
            exclude: ["Fixtures", "Snapshots"]),
        .testTarget(
            name: "GdbenchTests",
            dependencies: ["GdbenchCommandLine", "gdbench", "Diagnostics", "Harness", "SuiteLanguage", "Objectives",
                           "Optimizers", "Results", "Checking", "Figures", "TestSupport"]),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["Harness", "SuiteLanguage", "Checking", "Results", "Randomness", "TestSupport"],
            // Malformed suites and test suites read through #filePath; the subprocess tests run the built gdbench.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ProblemsTests",
            dependencies: ["Objectives", "Parameters", "SuiteLanguage", "Harness", "GradientCheck", "Randomness", "Results"]),
        .testTarget(
            name: "ObjectivesTests", dependencies: ["Objectives", "LinearAlgebra", "Parameters", "Randomness", "TestSupport"],
            // JSON reference files read through #filePath, not as resources.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ExternalTests",
            dependencies: ["External", "Harness", "Results", "Objectives", "Optimizers", "TestSupport"],
            // Test clients (Python) started by the tests.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "OptimizersTests",
            dependencies: ["Optimizers", "Objectives", "Parameters", "LinearAlgebra", "Randomness", "TestSupport"],
            exclude: ["Fixtures"]),
    ]
)
