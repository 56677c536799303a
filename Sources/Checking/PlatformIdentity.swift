import Results

/// What decides whether two runs can agree bit for bit: the operating system (its libm), the CPU
/// architecture (FMA contraction, vector widths) and the Swift compiler version (code generation).
/// Unknown components (nil) are not compared.
public struct PlatformIdentity: Sendable, Equatable, CustomStringConvertible {
    public var operatingSystem: String?
    public var architecture: String?
    public var swiftVersion: String?

    public init(operatingSystem: String?, architecture: String?, swiftVersion: String?) {
        self.operatingSystem = operatingSystem
        self.architecture = architecture
        self.swiftVersion = swiftVersion
    }

    /// The components known on both sides that differ from this (baseline) platform to `current`, as
    /// `OS Darwin → Linux` texts.
    public func changes(to current: PlatformIdentity) -> [String] {
        var found: [String] = []
        func compare(_ name: String, _ baseline: String?, _ now: String?) {
            if let baseline, let now, baseline != now { found.append("\(name) \(baseline) → \(now)") }
        }
        compare("OS", operatingSystem, current.operatingSystem)
        compare("architecture", architecture, current.architecture)
        compare("compiler", swiftVersion, current.swiftVersion)
        return found
    }

    /// `Swift 6.3, Linux x86_64`.
    public var description: String {
        "\(swiftVersion ?? "unknown compiler"), \(operatingSystem ?? "unknown OS") "
            + "\(architecture ?? "unknown architecture")"
    }
}
