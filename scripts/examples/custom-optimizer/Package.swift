// swift-tools-version:6.1
// An optimizer defined outside gdbench, benchmarked on gdbench's `conditioning` suite beside Adam.
// Build and run from this directory:  swift run -c release custom-optimizer ../../../suites/conditioning.yaml
import PackageDescription

let package = Package(
    name: "custom-optimizer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "gdbench", path: "../../..")],
    targets: [
        .executableTarget(
            name: "custom-optimizer",
            dependencies: [
                .product(name: "Harness", package: "gdbench"), .product(name: "Optimizers", package: "gdbench"),
                .product(name: "Objectives", package: "gdbench"), .product(name: "Results", package: "gdbench"),
            ],
            path: "Sources"),
    ]
)
