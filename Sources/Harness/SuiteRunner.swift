import Dispatch
import Foundation
import Objectives
import Results

/// How to run a plan.
public struct SuiteRunOptions: Sendable {
    /// Worker threads; records are identical for every value (each run depends only on its spec).
    public var jobs: Int
    /// Keep only run ids matching this glob.
    public var filter: GlobPattern?
    public var shard: Shard?
    public var stop: StopSignal?
    /// Ids of runs already finished (`--resume`: their records are in the journal): not run again,
    /// counted as finished.
    public var finished: Set<String>
    /// Called (serially) with each new record, the number finished and the total selected. This is
    /// where records go: the runner keeps none of them.
    public var onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?
    /// Validate the plan first (``SuiteRunner/validate(_:)``); false when the caller already did.
    public var validate: Bool
    /// Where the paths and contour grids of 2-D problems go (nil: not written).
    public var sidecars: SidecarWriter?
    /// The runs `filter` and `shard` select, when the caller has already counted them (one pass over
    /// the ids of a large grid instead of two).
    public var selection: RunSelection?
    /// Instances the caller's validation built (nil: a fresh cache, filled by `validate`).
    public var cache: InstanceCache?

    public init(
        jobs: Int = 1, filter: GlobPattern? = nil, shard: Shard? = nil, stop: StopSignal? = nil,
        finished: Set<String> = [], selection: RunSelection? = nil,
        onRecord: (@Sendable (RunRecord, Int, Int) -> Void)? = nil, validate: Bool = true,
        sidecars: SidecarWriter? = nil, cache: InstanceCache? = nil
    ) {
        self.selection = selection
        self.cache = cache
        self.jobs = max(1, jobs)
        self.filter = filter
        self.shard = shard
        self.stop = stop
        self.finished = finished
        self.onRecord = onRecord
        self.validate = validate
        self.sidecars = sidecars
    }
}

/// How far a (possibly partial) run of a plan got.
public struct SuiteOutcome: Sendable {
    /// Runs finished: the already finished ones and the new ones.
    public var finishedCount: Int
    /// Runs selected by filter and shard.
    public var selectedCount: Int
    /// True when the stop signal ended the run before every selected run finished.
    public var interrupted: Bool
}

/// Runs a ``RunPlan``: validates it, builds each problem instance once per (instance, repetition)
/// and runs every optimizer on it, on `jobs` threads that pull (instance, repetition) groups from a
/// shared counter. Each record goes to ``SuiteRunOptions/onRecord`` as it finishes and is not kept,
/// so memory does not grow with the number of runs (``Session`` appends them to the run's journal);
/// ``records(_:options:)`` gathers them for small suites.
public enum SuiteRunner {
    /// The runs selected by filter and shard (positions in `plan.specs`, in id order; one bit per run
    /// at most, never a copy of the specs).
    public static func select(_ plan: RunPlan, filter: GlobPattern?, shard: Shard?) -> RunSelection {
        RunSelection(plan, filter: filter, shard: shard)
    }

    /// Checks everything that needs a problem instance, on repetition 0 of each problem cell: the
    /// kinds' `make` errors, the memory a run needs, expressions over constants the problem lacks,
    /// ranges of resolved values, that the target measure is defined, and that every optimizer can be
    /// prepared on the problem (``PairCheck``). Throws every error found (``SuiteErrors``), each
    /// (problem, optimizer entry) reported once. The instances it builds go to `cache` (when given,
    /// within its bound), where ``run(_:options:)`` takes them instead of building them again.
    public static func validate(_ plan: RunPlan, cache: InstanceCache? = nil) throws {
        var instances: [String: ProblemInstance] = [:]
        let specs = plan.specs
        var errors: [SuiteError] = []
        var seen = Set<String>()
        func note(_ error: Error) {
            let suiteError =
                error as? SuiteError
                ?? SuiteError(file: plan.suite.file, line: nil, keyPath: "", message: "\(error)")
            if seen.insert(suiteError.description).inserted { errors.append(suiteError) }
        }
        for (p, problem) in specs.problems.enumerated() {
            let optimizers = specs.optimizers(of: p)
            guard let first = optimizers.first else { continue }
            let problemSeed = specs.spec(problem: p, optimizer: first, repetition: 0).problemSeed
            let instance: ProblemInstance
            if let built = instances[problem.instanceID] {
                instance = built
            } else {
                do {
                    instance = try Instantiation.makeProblem(problem, problemSeed: problemSeed)
                    try Instantiation.checkMeasure(
                        plan.suite.targets.measure, instance: instance, cell: problem,
                        suiteFile: plan.suite.file)
                } catch {
                    note(error)
                    continue
                }
                instances = [problem.instanceID: instance]
                cache?.insert(instance, instanceID: problem.instanceID, problemSeed: problemSeed)
            }
            for o in optimizers {
                let spec = specs.spec(problem: p, optimizer: o, repetition: 0)
                do { try PairCheck.check(spec.optimizer, instance: instance, spec: spec) } catch { note(error) }
            }
        }
        // In file order (the specs enumerate optimizers by id).
        errors = errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        try SuiteErrors.throwIfAny(errors)
    }

    public static func run(_ plan: RunPlan, options: SuiteRunOptions = SuiteRunOptions()) throws -> SuiteOutcome {
        let cache = options.cache ?? InstanceCache()
        if options.validate { try validate(plan, cache: cache) }
        let settings = RunSettings(suite: plan.suite)
        let specs = plan.specs
        let selection = options.selection ?? select(plan, filter: options.filter, shard: options.shard)
        let collector = Collector(total: selection.count, onRecord: options.onRecord)
        // Work units: the problem cells of one instance (they differ only in batch size or noise and
        // share the instance) × one repetition.
        var instanceGroups: [[Int]] = []
        var groupOfInstance: [String: Int] = [:]
        for (p, problem) in specs.problems.enumerated() {
            if let index = groupOfInstance[problem.instanceID] {
                instanceGroups[index].append(p)
            } else {
                groupOfInstance[problem.instanceID] = instanceGroups.count
                instanceGroups.append([p])
            }
        }
        groupOfInstance = [:]
        let groups = instanceGroups
        let repetitions = max(1, plan.suite.repetitions)
        // The first selected repetition of each 2-D problem gets the contour grid with its paths.
        var contourRepetition = [Int](repeating: -1, count: specs.problems.count)
        if options.sidecars != nil {
            for p in specs.problems.indices {
                let ordinals = specs.optimizers(of: p).indices
                contourRepetition[p] =
                    (0..<plan.suite.repetitions).first { repetition in
                        ordinals.contains {
                            selection.contains(specs.position(problem: p, ordinal: $0, repetition: repetition))
                        }
                    } ?? -1
            }
        }
        let contourRepetitionByProblem = contourRepetition
        let next = Counter()
        let suiteName = plan.suite.name
        let suiteFile = plan.suite.file
        let units = groups.count * repetitions
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, units))) { _ in
            while let unit = next.take(below: units) {
                if options.stop?.isRaised == true { return }
                let members = groups[unit / repetitions], repetition = unit % repetitions
                var group: [RunSpec] = []
                for p in members {
                    for (ordinal, o) in specs.optimizers(of: p).enumerated()
                    where selection.contains(specs.position(problem: p, ordinal: ordinal, repetition: repetition)) {
                        let spec = specs.spec(problem: p, optimizer: o, repetition: repetition)
                        if options.finished.contains(spec.id) { collector.countFinished() } else { group.append(spec) }
                    }
                }
                guard let lead = group.first else { continue }
                let instance: ProblemInstance
                do {
                    instance =
                        try cache.take(instanceID: lead.problem.instanceID, problemSeed: lead.problemSeed)
                        ?? Instantiation.makeProblem(lead.problem, problemSeed: lead.problemSeed)
                    try Instantiation.checkMeasure(
                        settings.targets.measure, instance: instance, cell: lead.problem, suiteFile: suiteFile)
                } catch {
                    for spec in group {
                        collector.add(
                            Runner.failedRecord(
                                spec, suiteName: suiteName, targets: settings.targets, instance: nil,
                                message: "\(error)"))
                    }
                    continue
                }
                var paths: [String: [TrajectoryFile]] = [:]
                for spec in group {
                    if options.stop?.isRaised == true { return }
                    guard
                        let record = Runner.run(
                            spec, instance: instance, settings: settings, suiteName: suiteName,
                            stop: options.stop,
                            onPath: options.sidecars.map { sidecars in
                                { path in
                                    sidecars.write(path)
                                    paths[spec.problem.id, default: []].append(path)
                                }
                            }, onIterates: options.sidecars.map { sidecars in { sidecars.write($1, runID: $0) } })
                    else { return }
                    collector.add(record)
                }
                if let sidecars = options.sidecars, instance.objective.dimension == 2 {
                    for p in members where contourRepetitionByProblem[p] == repetition {
                        let problemID = specs.problems[p].id
                        guard group.contains(where: { $0.problem.id == problemID }) else { continue }
                        sidecars.writeContours(
                            problemID: problemID, objective: instance.objective, paths: paths[problemID] ?? [])
                    }
                }
            }
        }
        let finished = collector.count
        return SuiteOutcome(
            finishedCount: finished, selectedCount: selection.count, interrupted: finished < selection.count)
    }

    /// The records of the runs of `plan` (those `options` select and has not marked finished), sorted
    /// by id, gathered in memory: for small suites and tests. Suites of any size go to disk through
    /// ``Session``, whose memory does not grow with the number of runs.
    public static func records(_ plan: RunPlan, options: SuiteRunOptions = SuiteRunOptions()) throws -> [RunRecord] {
        let gathered = RecordGatherer()
        var options = options
        let forward = options.onRecord
        options.onRecord = { record, done, total in
            gathered.add(record)
            forward?(record, done, total)
        }
        _ = try run(plan, options: options)
        return gathered.sorted()
    }
}

/// Hands out indices 0, 1, 2, … to worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Counts the runs finished by the worker threads and hands each new record to `onRecord`, one at
/// a time, without keeping it.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private let total: Int
    private let onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?

    init(total: Int, onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?) {
        self.total = total
        self.onRecord = onRecord
    }

    /// Runs finished so far (already finished ones included).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    /// A run finished before this one started (`--resume`).
    func countFinished() {
        lock.lock()
        finished += 1
        lock.unlock()
    }

    func add(_ record: RunRecord) {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        onRecord?(record, finished, total)
    }
}

/// The records of ``SuiteRunner/records(_:options:)``, gathered from the serial `onRecord` calls.
final class RecordGatherer: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [RunRecord] = []

    func add(_ record: RunRecord) {
        lock.lock()
        records.append(record)
        lock.unlock()
    }

    func sorted() -> [RunRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records.sorted { $0.id < $1.id }
    }
}
