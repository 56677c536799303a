// swift-tools-version:6.1
import PackageDescription

/// Dependencies point one way: gdbench → Harness → Optimizers → Objectives → Randomness
/// (see README "Architecture").
let package = Package(
    name: "gdbench",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Randomness", targets: ["Randomness"]),
        .library(name: "Objectives", targets: ["Objectives"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "Results", targets: ["Results"]),
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
        .target(name: "Randomness"),
        // AVX versions of the Objectives kernels, bitwise identical to the Swift ones, chosen at run time.
        .target(name: "WideKernels"),
        .target(
            name: "Objectives", dependencies: ["Randomness", "WideKernels"],
            // The data file and its README; the library embeds the same text (BreastCancerData.swift).
            exclude: ["Data"]),
        .target(name: "Optimizers", dependencies: ["Objectives", "Randomness"]),
        .target(name: "GradientCheck", dependencies: ["Objectives", "Randomness"]),
        .target(name: "Results"),
        .target(
            name: "Harness",
            dependencies: ["Optimizers", "Objectives", "Randomness", "Results", .product(name: "Yams", package: "Yams")]),
        .target(name: "Analysis", dependencies: ["Results", "Randomness"]),
        .target(name: "Figures", dependencies: ["Analysis", "Results"]),
        .executableTarget(
            name: "gdbench",
            dependencies: ["Harness", "Results", "Objectives", "Analysis", "Figures", "GradientCheck", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "TestSupport", dependencies: ["Objectives"], path: "Tests/TestSupport"),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "HarnessTests", dependencies: ["Harness", "Results", "Objectives", "Optimizers", "Randomness"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results", "Randomness"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Results"], exclude: ["Fixtures"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Analysis", "Results"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "GdbenchTests", dependencies: ["gdbench", "Results", "Figures"]),
        .testTarget(
            name: "HardeningTests", dependencies: ["Harness", "Results", "Randomness"],
            // Malformed suites and test suites read through #filePath; the subprocess tests run the built gdbench.
            exclude: ["Fixtures"]),
        .testTarget(name: "ProblemsTests", dependencies: ["Objectives", "Harness", "GradientCheck", "Randomness", "Results"]),
        .testTarget(
            name: "ObjectivesTests", dependencies: ["Objectives", "Randomness", "TestSupport"],
            // JSON reference files read through #filePath, not as resources.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "OptimizersTests", dependencies: ["Optimizers", "Objectives", "Randomness", "TestSupport"],
            exclude: ["Fixtures"]),
    ]
)
