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
    /// Finished records to reuse instead of running (`--resume`), by id.
    public var reuse: [String: RunRecord]
    /// Called (serially) with each new record, the number finished and the total selected.
    public var onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?
    /// Validate the plan first (``SuiteRunner/validate(_:)``); false when the caller already did.
    public var validate: Bool
    /// Where the paths and contour grids of 2-D problems go (nil: not written).
    public var sidecars: SidecarWriter?

    public init(jobs: Int = 1, filter: GlobPattern? = nil, shard: Shard? = nil, stop: StopSignal? = nil,
                reuse: [String: RunRecord] = [:], onRecord: (@Sendable (RunRecord, Int, Int) -> Void)? = nil,
                validate: Bool = true, sidecars: SidecarWriter? = nil) {
        self.jobs = max(1, jobs)
        self.filter = filter
        self.shard = shard
        self.stop = stop
        self.reuse = reuse
        self.onRecord = onRecord
        self.validate = validate
        self.sidecars = sidecars
    }
}

/// The records of a (possibly partial) run of a plan.
public struct SuiteOutcome: Sendable {
    /// Sorted by id: the reused and the new records.
    public var records: [RunRecord]
    /// The ids selected by filter and shard, sorted.
    public var selectedIDs: [String]
    /// True when the stop signal ended the run before every selected run finished.
    public var interrupted: Bool
}

/// Runs a ``RunPlan``: validates it, builds each problem instance once per (instance, repetition)
/// and runs every optimizer on it, on `jobs` threads that pull (instance, repetition) groups from a
/// shared counter. Output is sorted by id, so it does not depend on the thread count.
public enum SuiteRunner {
    /// The specs selected by filter and shard, in id order.
    public static func select(_ plan: RunPlan, filter: GlobPattern?, shard: Shard?) -> [RunSpec] {
        let filtered = plan.specs.filter { filter?.matches($0.id) ?? true }
        guard let shard else { return filtered }
        return filtered.enumerated().filter { shard.contains(position: $0.offset) }.map(\.element)
    }

    /// Checks everything that needs a problem instance, on repetition 0 of each problem: the kinds'
    /// `make` errors, expressions over constants the problem lacks, ranges of resolved values, and
    /// that the target measure is defined.
    public static func validate(_ plan: RunPlan) throws {
        var instances: [String: ProblemInstance] = [:]
        var checked = Set<String>()
        for spec in plan.specs where spec.repetition == 0 && !checked.contains(spec.problem.id) {
            checked.insert(spec.problem.id)
            let instance: ProblemInstance
            if let built = instances[spec.problem.instanceID] {
                instance = built
            } else {
                instance = try Instantiation.makeProblem(spec.problem, problemSeed: spec.problemSeed)
                try Instantiation.checkMeasure(plan.suite.targets.measure, instance: instance, cell: spec.problem,
                                               suiteFile: plan.suite.file)
                instances[spec.problem.instanceID] = instance
            }
            for optimizer in plan.optimizers where optimizer.applies(to: spec.problem.id) {
                _ = try Instantiation.makeMethod(optimizer, instance: instance, problem: spec.problem, runSeed: spec.runSeed)
            }
        }
    }

    public static func run(_ plan: RunPlan, options: SuiteRunOptions = SuiteRunOptions()) throws -> SuiteOutcome {
        if options.validate { try validate(plan) }
        let settings = RunSettings(suite: plan.suite)
        let selected = select(plan, filter: options.filter, shard: options.shard)
        let collector = Collector(total: selected.count, onRecord: options.onRecord)
        var groups: [[RunSpec]] = []
        var groupIndex: [String: Int] = [:]
        for spec in selected {
            if let reused = options.reuse[spec.id] {
                collector.add(reused, isNew: false)
                continue
            }
            let key = "\(spec.problem.instanceID)/rep=\(spec.repetition)"
            if let index = groupIndex[key] {
                groups[index].append(spec)
            } else {
                groupIndex[key] = groups.count
                groups.append([spec])
            }
        }
        let work = groups
        var contourRepetition: [String: Int] = [:]
        for spec in selected { contourRepetition[spec.problem.id] = min(contourRepetition[spec.problem.id] ?? .max, spec.repetition) }
        let contourRepetitionByProblem = contourRepetition
        let next = Counter()
        let suiteName = plan.suite.name
        let suiteFile = plan.suite.file
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, work.count))) { _ in
            while let index = next.take(below: work.count) {
                if options.stop?.isRaised == true { return }
                let group = work[index]
                let instance: ProblemInstance
                do {
                    instance = try Instantiation.makeProblem(group[0].problem, problemSeed: group[0].problemSeed)
                    try Instantiation.checkMeasure(settings.targets.measure, instance: instance, cell: group[0].problem, suiteFile: suiteFile)
                } catch {
                    for spec in group {
                        collector.add(Runner.failedRecord(spec, suiteName: suiteName, targets: settings.targets, instance: nil,
                                                          message: "\(error)"), isNew: true)
                    }
                    continue
                }
                var paths: [String: [TrajectoryFile]] = [:]
                for spec in group {
                    if options.stop?.isRaised == true { return }
                    guard let record = Runner.run(spec, instance: instance, settings: settings, suiteName: suiteName,
                                                  stop: options.stop, onPath: options.sidecars.map { sidecars in { path in
                                                      sidecars.write(path)
                                                      paths[spec.problem.id, default: []].append(path)
                                                  } }) else { return }
                    collector.add(record, isNew: true)
                }
                if let sidecars = options.sidecars, instance.objective.dimension == 2 {
                    for problemID in Set(group.map(\.problem.id)).sorted()
                    where contourRepetitionByProblem[problemID] == group[0].repetition {
                        sidecars.writeContours(problemID: problemID, objective: instance.objective, paths: paths[problemID] ?? [])
                    }
                }
            }
        }
        let records = collector.sortedRecords()
        return SuiteOutcome(records: records, selectedIDs: selected.map(\.id),
                            interrupted: records.count < selected.count)
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

/// Gathers records from worker threads and reports each new one, one at a time.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [RunRecord] = []
    private let total: Int
    private let onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?

    init(total: Int, onRecord: (@Sendable (RunRecord, Int, Int) -> Void)?) {
        self.total = total
        self.onRecord = onRecord
    }

    func add(_ record: RunRecord, isNew: Bool) {
        lock.lock()
        defer { lock.unlock() }
        records.append(record)
        if isNew { onRecord?(record, records.count, total) }
    }

    func sortedRecords() -> [RunRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records.sorted { $0.id < $1.id }
    }
}
