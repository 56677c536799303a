/// `manifest.json`: where, how and from what a run directory was produced.
public struct RunManifest: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var gdbenchVersion: String
    /// `git rev-parse HEAD` of the working directory at run time, or "unknown".
    public var gitCommit: String
    /// The compiler that built gdbench, from `#if compiler(...)` checks (e.g. "Swift 6.3").
    public var swiftVersion: String
    public var operatingSystem: String
    /// `model name` of /proc/cpuinfo (Linux) or `machdep.cpu.brand_string` (macOS), else "unknown".
    public var cpu: String
    public var cpuCount: Int
    /// "release" or "debug" (`#if DEBUG`). Timings from debug builds are not comparable.
    public var buildConfiguration: String
    public var suite: String
    public var suiteFile: String
    /// SHA-256 of the suite text and its includes.
    public var suiteDigest: String
    /// The suite seed as 16 hex digits.
    public var seed: String
    public var commandLine: [String]
    /// ISO 8601 UTC.
    public var startTime: String
    /// nil while the run is in progress or after an interruption (then `--resume` may continue it).
    public var endTime: String?
    /// `--filter` glob, if any.
    public var filter: String?
    /// `i/n` for a shard.
    public var shard: String?
    /// Runs selected by filter and shard (the records a complete directory holds).
    public var selectedRuns: Int
    /// Runs of the whole plan after the filter, before sharding (what merged shards must cover).
    public var plannedRuns: Int
    /// The vector kernels the objectives used ("avx" or "portable", `GDBENCH_KERNELS`): they give the
    /// same records, not the same times. Absent in manifests written before it was recorded.
    public var vectorKernels: String?
    /// The data files the suite's problems read (absent when none).
    public var dataFiles: [DataFileRecord]?

    public init(
        gdbenchVersion: String, gitCommit: String, swiftVersion: String, operatingSystem: String, cpu: String,
        cpuCount: Int, buildConfiguration: String, suite: String, suiteFile: String, suiteDigest: String, seed: String,
        commandLine: [String], startTime: String, endTime: String?, filter: String?, shard: String?, selectedRuns: Int,
        plannedRuns: Int, vectorKernels: String? = nil
    ) {
        self.schemaVersion = RunManifest.currentSchemaVersion
        self.gdbenchVersion = gdbenchVersion
        self.gitCommit = gitCommit
        self.swiftVersion = swiftVersion
        self.operatingSystem = operatingSystem
        self.cpu = cpu
        self.cpuCount = cpuCount
        self.buildConfiguration = buildConfiguration
        self.suite = suite
        self.suiteFile = suiteFile
        self.suiteDigest = suiteDigest
        self.seed = seed
        self.commandLine = commandLine
        self.startTime = startTime
        self.endTime = endTime
        self.filter = filter
        self.shard = shard
        self.selectedRuns = selectedRuns
        self.plannedRuns = plannedRuns
        self.vectorKernels = vectorKernels
    }

    /// What must be equal for records to be reused (`--resume`) or joined (`merge`).
    public var codeVersion: String { "\(gdbenchVersion)+\(gitCommit)+\(buildConfiguration)" }
}
