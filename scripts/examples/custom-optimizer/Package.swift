// swift-tools-version:6.1
// An optimizer defined outside gdbench, given the complete gdbench command line (run, validate, check,
// plot, report, describe, list, merge, bench). See README.md; from this directory:
//   swift run -c release custom-optimizer run sign-descent
import PackageDescription

let package = Package(
    name: "custom-optimizer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "gdbench", path: "../../..")],
    targets: [
        .executableTarget(
            name: "custom-optimizer",
            dependencies: [
                .product(name: "GdbenchCommandLine", package: "gdbench"), .product(name: "Harness", package: "gdbench"),
                .product(name: "Optimizers", package: "gdbench"), .product(name: "Objectives", package: "gdbench"),
            ],
            path: "Sources"),
    ]
)
