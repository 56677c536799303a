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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "Randomness"),
        .target(name: "Objectives", dependencies: ["Randomness"]),
        .target(name: "Optimizers", dependencies: ["Objectives", "Randomness"]),
        .target(name: "Results"),
        .target(name: "TestSupport", dependencies: ["Objectives"], path: "Tests/TestSupport"),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results"]),
    ]
)
