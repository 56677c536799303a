import Foundation
import Results

/// What `gdbench check` reads from a run's `manifest.json`, and from a baseline's sidecar
/// `SUITE.manifest.json` (a verbatim copy of the manifest of the run the baseline came from).
/// Every key is optional and unknown keys are ignored, so any manifest version can be read.
public struct RunProvenance: Codable, Sendable, Equatable {
    public var gdbenchVersion: String?
    public var gitCommit: String?
    /// E.g. `Swift 6.3`.
    public var swiftVersion: String?
    /// `SYSNAME RELEASE MACHINE (version text)`, e.g. `Linux 6.8.0-45-generic x86_64 (Ubuntu 24.04)`.
    public var operatingSystem: String?
    /// The machine architecture when the manifest records it separately; else taken from
    /// `operatingSystem`'s third word.
    public var architecture: String?
    public var cpu: String?
    /// `release` or `debug`.
    public var buildConfiguration: String?
    public var suite: String?
    public var startTime: String?

    public init(
        gdbenchVersion: String? = nil, gitCommit: String? = nil, swiftVersion: String? = nil,
        operatingSystem: String? = nil, architecture: String? = nil, cpu: String? = nil,
        buildConfiguration: String? = nil, suite: String? = nil, startTime: String? = nil
    ) {
        self.gdbenchVersion = gdbenchVersion
        self.gitCommit = gitCommit
        self.swiftVersion = swiftVersion
        self.operatingSystem = operatingSystem
        self.architecture = architecture
        self.cpu = cpu
        self.buildConfiguration = buildConfiguration
        self.suite = suite
        self.startTime = startTime
    }

    /// Reads the fields above from manifest JSON; `file` names the file in the error.
    public init(manifestData data: Data, file: String) throws {
        do {
            self = try RecordCoding.decoder().decode(RunProvenance.self, from: data)
        } catch {
            throw ResultsError("\(file): not a gdbench manifest (\(error.localizedDescription))")
        }
    }

    /// The platform part: operating system name, architecture and compiler. The kernel release and
    /// the CPU model are left out — they change between CI machines without changing results.
    public var platform: PlatformIdentity {
        let words = (operatingSystem ?? "").split(separator: " ").map(String.init)
        return PlatformIdentity(
            operatingSystem: words.first,
            architecture: architecture ?? (words.count >= 3 ? words[2] : nil),
            swiftVersion: swiftVersion)
    }

    /// `gdbench 0.1.0 at 1a2b3c4d5e6f, Swift 6.3, Linux x86_64, release`.
    public var summary: String {
        var parts: [String] = []
        let commit = gitCommit.flatMap { $0 == "unknown" ? nil : String($0.prefix(12)) }
        parts.append("gdbench \(gdbenchVersion ?? "?") at \(commit ?? "unknown commit")")
        parts.append(platform.description)
        if let buildConfiguration { parts.append(buildConfiguration) }
        return parts.joined(separator: ", ")
    }
}
