import Foundation
import LinearAlgebra
import Objectives

/// What the manifest says about the code and the machine.
public struct Provenance: Sendable {
    public static let gdbenchVersion = "0.1.0"

    public var gitCommit: String
    public var swiftVersion: String
    public var operatingSystem: String
    public var cpu: String
    public var cpuCount: Int
    public var buildConfiguration: String
    /// ``KernelPath/current`` of this process ("avx" or "portable").
    public var vectorKernels: String

    public init(
        gitCommit: String, swiftVersion: String, operatingSystem: String, cpu: String, cpuCount: Int,
        buildConfiguration: String, vectorKernels: String = KernelPath.portable.rawValue
    ) {
        self.gitCommit = gitCommit
        self.swiftVersion = swiftVersion
        self.operatingSystem = operatingSystem
        self.cpu = cpu
        self.cpuCount = cpuCount
        self.buildConfiguration = buildConfiguration
        self.vectorKernels = vectorKernels
    }

    /// The current process: git commit of the working directory (`git rev-parse HEAD`, "unknown"
    /// outside a repository), compiler version (from `#if compiler`, to the minor version), OS,
    /// CPU model, `#if DEBUG` and the vector-kernel path.
    public static func current() -> Provenance {
        Provenance(
            gitCommit: gitCommit(), swiftVersion: compilerVersion, operatingSystem: operatingSystem(),
            cpu: cpuModel(), cpuCount: ProcessInfo.processInfo.activeProcessorCount,
            buildConfiguration: buildConfiguration, vectorKernels: KernelPath.current.rawValue)
    }

    public static var buildConfiguration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    static var compilerVersion: String {
        #if compiler(>=7.0)
        return "Swift ≥ 7.0"
        #elseif compiler(>=6.3)
        return "Swift 6.3"
        #elseif compiler(>=6.2)
        return "Swift 6.2"
        #elseif compiler(>=6.1)
        return "Swift 6.1"
        #else
        return "Swift < 6.1"
        #endif
    }

    static func gitCommit() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return process.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
        } catch {
            return "unknown"
        }
    }

    static func operatingSystem() -> String {
        var system = utsname()
        uname(&system)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { bytes in String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(field(system.sysname)) \(field(system.release)) \(field(system.machine)) "
            + "(\(ProcessInfo.processInfo.operatingSystemVersionString))"
    }

    static func cpuModel() -> String {
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("model name") {
                if let colon = line.firstIndex(of: ":") {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        #if canImport(Darwin)
        var size = 0
        sysctlbyname("machdep.cpu.brand_string", nil, &size, nil, 0)
        if size > 0 {
            var buffer = [CChar](repeating: 0, count: size)
            sysctlbyname("machdep.cpu.brand_string", &buffer, &size, nil, 0)
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        #endif
        return "unknown"
    }
}
