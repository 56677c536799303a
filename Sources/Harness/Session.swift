import Foundation
import Results

/// Options of a suite run that writes result files.
public struct SessionOptions: Sendable {
    /// The `results/` root; the run goes to `root/SUITE/RUN/`.
    public var resultsRoot: URL
    public var jobs: Int
    public var filter: GlobPattern?
    public var shard: Shard?
    /// Continue the newest unfinished run of the same suite digest, seed, code version, filter and shard.
    public var resume: Bool
    public var stop: StopSignal?
    public var commandLine: [String]
    public var onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?
    public var provenance: Provenance
    /// Told at once what the user should know before the run goes on (``SessionOutcome/resumeNote``).
    public var onNotice: (@Sendable (String) -> Void)?

    public init(
        resultsRoot: URL, jobs: Int = 1, filter: GlobPattern? = nil, shard: Shard? = nil, resume: Bool = false,
        stop: StopSignal? = nil, commandLine: [String] = [], onRecord: (@Sendable (RunRecord, Int, Int) -> Void)? = nil,
        provenance: Provenance = .current(), onNotice: (@Sendable (String) -> Void)? = nil
    ) {
        self.onNotice = onNotice
        self.resultsRoot = resultsRoot
        self.jobs = jobs
        self.filter = filter
        self.shard = shard
        self.resume = resume
        self.stop = stop
        self.commandLine = commandLine
        self.onRecord = onRecord
        self.provenance = provenance
    }
}

/// The result of ``Session/run(_:options:)``: where the records are, how many, and the outcome table
/// built while `runs.jsonl` was written (the records themselves are read from the run directory).
public struct SessionOutcome: Sendable {
    public var directory: RunDirectory
    /// Records in the run directory (in `runs.jsonl`, or in the journal when interrupted).
    public var runCount: Int
    public var interrupted: Bool
    /// Records taken from the journal of an unfinished run (`--resume`).
    public var reusedCount: Int
    /// The table `gdbench run` prints; nil when interrupted.
    public var table: OutcomeTable?
    /// With `resume`: why no unfinished run was continued (a new run was started), else nil.
    public var resumeNote: String? = nil
}

/// Runs a plan into a run directory: manifest first (no end time), each finished record appended to
/// the journal, and on completion `runs.jsonl`, `summary.csv`, the finished manifest and `latest`.
/// An interrupted run keeps its journal and unfinished manifest, so `resume` can continue it.
/// Memory does not grow with the number of runs: records go to the journal as they finish, which
/// keeps only their ids and byte ranges, and the files are written from the journal one record at a
/// time (``RunDirectory/finish(lines:manifest:onRecord:)``).
public enum Session {
    public static func run(_ plan: RunPlan, options: SessionOptions) throws -> SessionOutcome {
        let cache = InstanceCache()
        try SuiteRunner.validate(plan, cache: cache)
        let selected = SuiteRunner.select(plan, filter: options.filter, shard: options.shard)
        let filteredCount = selected.filteredCount
        let provenance = options.provenance
        let now = Date()
        var manifest = RunManifest(
            gdbenchVersion: Provenance.gdbenchVersion, gitCommit: provenance.gitCommit,
            swiftVersion: provenance.swiftVersion,
            operatingSystem: provenance.operatingSystem, cpu: provenance.cpu, cpuCount: provenance.cpuCount,
            buildConfiguration: provenance.buildConfiguration, suite: plan.suite.name, suiteFile: plan.suite.file,
            suiteDigest: plan.suite.digest, seed: RunRecord.hex(plan.suite.seed), commandLine: options.commandLine,
            startTime: RunDirectory.isoTime(now), endTime: nil, filter: options.filter?.pattern,
            shard: options.shard?.description, selectedRuns: selected.count, plannedRuns: filteredCount,
            vectorKernels: provenance.vectorKernels)
        if !plan.suite.dataFiles.isEmpty { manifest.dataFiles = plan.suite.dataFiles }

        if let problem = RunDirectory.componentProblem(plan.suite.name) {
            throw ResultsError("suite name '\(plan.suite.name)' cannot name a results directory: \(problem)")
        }
        var directory: RunDirectory?
        var lock: RunLock?
        var resumeNote: String?
        if options.resume {
            let suiteDirectory = options.resultsRoot.appendingPathComponent(plan.suite.name)
            var mismatches: [String] = []
            for candidate in RunDirectory.unfinished(suiteDirectory: suiteDirectory) {
                guard let old = try? candidate.readManifest() else { continue }
                let differences = [
                    old.suiteDigest == manifest.suiteDigest ? nil : "the suite text changed",
                    old.seed == manifest.seed ? nil : "seed \(old.seed)",
                    old.codeVersion == manifest.codeVersion ? nil : "another gdbench build (\(old.codeVersion))",
                    old.filter == manifest.filter ? nil : "filter \(old.filter ?? "none")",
                    old.shard == manifest.shard ? nil : "shard \(old.shard ?? "none")",
                ].compactMap { $0 }
                guard differences.isEmpty else {
                    mismatches.append("\(candidate.url.lastPathComponent) (\(differences.joined(separator: ", ")))")
                    continue
                }
                lock = try RunLock(directory: candidate)
                directory = candidate
                manifest.startTime = old.startTime
                break
            }
            if directory == nil {
                try DataFileResolution.refuseChangedFiles(
                    RunDirectory.unfinished(suiteDirectory: suiteDirectory), current: manifest)
                resumeNote =
                    mismatches.isEmpty
                    ? "--resume: no unfinished run of \(plan.suite.name) in \(suiteDirectory.path); starting a new run"
                    : "--resume: no unfinished run in \(suiteDirectory.path) matches this one — "
                        + mismatches.prefix(5).joined(separator: "; ") + (mismatches.count > 5 ? "; …" : "")
                        + "; starting a new run"
            }
            if let resumeNote { options.onNotice?(resumeNote) }
        }
        let runDirectory =
            try directory ?? RunDirectory.create(root: options.resultsRoot, suite: plan.suite.name, date: now)
        let heldLock = try lock ?? RunLock(directory: runDirectory)
        defer { heldLock.release() }
        var reused = Set<String>()
        let resuming = directory != nil
        let journal = try Journal(directory: runDirectory) { record in
            guard resuming, let position = plan.specs.position(of: record.id), selected.contains(position) else {
                return false
            }
            return reused.insert(record.id).inserted
        }
        defer { journal.close() }
        try runDirectory.writeManifest(manifest)
        let finished = reused
        let failures = JournalFailures()
        let sidecars = SidecarWriter(directory: runDirectory.url)
        let onRecord = options.onRecord
        // A write failure stops the run at once (no more runs are computed only to be lost).
        let stop = options.stop ?? StopSignal()
        let outcome = try SuiteRunner.run(
            plan,
            options: SuiteRunOptions(
                jobs: options.jobs, filter: options.filter, shard: options.shard, stop: stop, finished: finished,
                selection: selected,
                onRecord: { record, done, total in
                    guard failures.first == nil else { return }
                    do {
                        try journal.append(record)
                    } catch {
                        failures.note("\(error)")
                        stop.raise()
                        return
                    }
                    if sidecars.firstFailure != nil { stop.raise() }
                    onRecord?(record, done, total)
                }, validate: false, sidecars: sidecars, cache: cache))
        let failure =
            failures.first.map { "\($0)" }
            ?? sidecars.firstFailure.map {
                "cannot write the sidecars of the runs (paths, iterates) in \(runDirectory.url.path): \($0)"
            }
        if let failure {
            let resume =
                options.commandLine.isEmpty
                ? "" : "; then continue with: \(ShellQuote.resumeCommand(options.commandLine))"
            throw ResultsError(
                "\(failure). The run stopped; its \(journal.count) finished runs are kept in "
                    + "\(journal.path) — free space (or fix the cause)\(resume)")
        }
        var table: OutcomeTable?
        if !outcome.interrupted {
            manifest.endTime = RunDirectory.isoTime(Date())
            var accumulator = OutcomeTable.Accumulator()
            try runDirectory.finish(lines: journal.lines, manifest: manifest) { accumulator.add($0) }
            table = accumulator.table
        }
        return SessionOutcome(
            directory: runDirectory, runCount: journal.count, interrupted: outcome.interrupted,
            reusedCount: finished.count, table: table, resumeNote: resumeNote)
    }
}

/// The first journal write error, if any (reported after the run).
final class JournalFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func note(_ text: String) {
        lock.lock()
        if message == nil { message = text }
        lock.unlock()
    }
    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return message
    }
}
