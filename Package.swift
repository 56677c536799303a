// swift-tools-version:6.1
import PackageDescription

/// Dependencies point one way (docs/architecture.md draws the graph): gdbench → Harness → SuiteLanguage →
/// Optimizers → Objectives → Parameters, LinearAlgebra, Randomness; gdbench → Checking → Results.
let package = Package(
    name: "gdbench",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Randomness", targets: ["Randomness"]),
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
        .executable(name: "gdbench", targets: ["gdbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "Randomness", dependencies: ["WideKernels"]),
        // The parameter language: values, specs and the one validator of every kind's parameters.
        .target(name: "Parameters"),
        // AVX versions of the LinearAlgebra kernels, bitwise identical to the Swift ones, chosen at run time.
        // Optimised in debug builds too: the construction kernels build the instances `validate` checks,
        // and at -O0 a d = 4096 rotation takes half an hour instead of seconds (results are the same bits).
        .target(name: "WideKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        .target(name: "LinearAlgebra", dependencies: ["WideKernels"]),
        .target(
            name: "Objectives", dependencies: ["Randomness", "Parameters", "LinearAlgebra", "WideKernels"],
            // The data file and its README; the library embeds the same text (BreastCancerData.swift).
            exclude: ["Data"]),
        .target(name: "Optimizers", dependencies: ["Objectives", "Parameters", "LinearAlgebra", "Randomness"]),
        .target(name: "GradientCheck", dependencies: ["Objectives", "Randomness"]),
        .target(name: "Results"),
        // Optimizers and objectives in other processes and languages over the pipe protocol of docs/protocol.md.
        .target(name: "External", dependencies: ["Objectives", "Optimizers", "Parameters"]),
        // The check workflow: a run compared with a committed baseline.
        .target(name: "Checking", dependencies: ["Results"]),
        // The suite language: loader, expressions, includes, validation, the catalog of kinds.
        .target(
            name: "SuiteLanguage",
            dependencies: [
                "Optimizers", "Objectives", "Parameters", "Results", "External",
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(
            name: "Harness",
            dependencies: ["SuiteLanguage", "Optimizers", "Objectives", "Parameters", "Randomness", "Results", "External"]),
        .target(name: "Analysis", dependencies: ["Results", "Randomness"]),
        .target(name: "Figures", dependencies: ["Analysis", "Results"]),
        .executableTarget(
            name: "gdbench",
            dependencies: [
                "Harness", "SuiteLanguage", "Checking", "Results", "Objectives", "Parameters", "Analysis", "Figures",
                "GradientCheck", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The seeded mutation fuzzer over the suite loader and expression parser (scripts/fuzz).
        .executableTarget(
            name: "gdbench-fuzz", dependencies: ["Harness", "SuiteLanguage", "Results", "Objectives", "Optimizers", "Parameters"],
            path: "Sources/Fuzz"),
        .target(name: "TestSupport", dependencies: ["Objectives"], path: "Tests/TestSupport"),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(
            name: "HarnessTests",
            dependencies: [
                "Harness", "SuiteLanguage", "Checking", "Results", "Objectives", "Optimizers", "Parameters",
                "Randomness", "Analysis",
            ]),
        // CanonicalJSONBaselineTests reads committed baselines back through Checking's TrimmedBaseline.
        .testTarget(name: "ResultsTests", dependencies: ["Results", "Checking", "Randomness"]),
        .testTarget(name: "CheckingTests", dependencies: ["Checking", "Results", "Randomness"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Results"], exclude: ["Fixtures"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Analysis", "Results"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "GdbenchTests", dependencies: ["gdbench", "Results", "Checking", "Figures"]),
        .testTarget(
            name: "HardeningTests", dependencies: ["Harness", "SuiteLanguage", "Checking", "Results", "Randomness"],
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
            name: "ExternalTests", dependencies: ["External", "Harness", "Results", "Objectives", "Optimizers"],
            // Test clients (Python) started by the tests.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "OptimizersTests",
            dependencies: ["Optimizers", "Objectives", "Parameters", "LinearAlgebra", "Randomness", "TestSupport"],
            exclude: ["Fixtures"]),
    ]
)
