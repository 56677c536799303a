import Diagnostics
import Foundation
import Objectives
import Results
import SuiteLanguage

/// The measurements behind `gdbench bench`, all taken through the harness's own code paths.
///
/// - **Per step** (``measure(_:repeats:)``): a one-run suite is built from the workload's problem and
///   optimizer entries, and ``Runner/run(_:instance:settings:suiteName:stop:)`` runs it with the
///   target (practically) out of reach and `timing-repeats` replays: the recorded median wall time divided by the
///   iterations is what a result file reports per iteration (oracle, counters and trace clock reads
///   included, monitoring excluded, see ``RunLoop``). The monitored pass (target checks, trace
///   points) is timed as well and reported beside it.
/// - **Per run** (``harnessOverhead(runs:)``): runs of one iteration each, from building the problem
///   and method to the record line written to a file, divided by the number of runs.
/// - **Suites** (``suiteWallTime(path:jobs:)``): a whole suite written by ``Session`` into a
///   temporary results root.
public enum StepBenchmark {
    /// The per-step figures of one workload; times are medians over the repeats.
    public struct StepResult: Sendable {
        public var workload: StepWorkload
        public var iterations: Int
        /// Timed replay (what records report), nanoseconds per iteration.
        public var replayNanoseconds: Double
        /// Monitored pass (targets, trace, divergence checks), nanoseconds per iteration.
        public var monitoredNanoseconds: Double
        /// (max − min) / median of the replay times: how noisy the machine was.
        public var spread: Double
        /// How the run ended: `budget` for the target workloads; a method may stop earlier by itself
        /// (`converged`, or `budget` with a "stalled" message) or `diverged`.
        public var status: RunStatus
        /// Function and gradient evaluations per iteration (line searches spend several).
        public var functionEvaluationsPerIteration: Double
        public var gradientEvaluationsPerIteration: Double
    }

    /// A workload that could not be measured (it failed to build, or ended in an error or a timeout).
    public struct Failure: GdbenchError {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// The suite text of a one-run workload: one repetition, one target that only an exact minimiser
    /// reaches (a run that lands on x* exactly stops early; its time is divided by its iterations).
    static func suiteText(_ workload: StepWorkload, iterations: Int, timingRepeats: Int) -> String {
        """
        name: bench
        seed: 20261123
        repetitions: 1
        timing-repeats: \(timingRepeats)
        budget:
          max-iterations: \(iterations)
        targets:
          measure: relative-gap
          thresholds: [1e-300]
        problems:
          - \(workload.problem)
        optimizers:
          - \(workload.optimizer)
        """
    }

    static func plan(_ text: String, catalog: Catalog = .builtIn) throws -> RunPlan {
        let suite = try SuiteLoader(catalog: catalog).load(text: text, file: "<bench>")
        return try RunPlan(suite: suite)
    }

    /// Runs `workload` for its iterations (or until the method stops by itself) with `repeats` timing
    /// replays; its kinds are looked up in `catalog`.
    public static func measure(
        _ workload: StepWorkload, repeats: Int, catalog: Catalog = .builtIn
    ) throws -> StepResult {
        let plan = try plan(
            suiteText(workload, iterations: workload.iterations, timingRepeats: repeats), catalog: catalog)
        let settings = RunSettings(suite: plan.suite)
        guard let spec = plan.specs.first else { throw Failure("workload \(workload.name) has no run") }
        let instance = try Instantiation.makeProblem(spec.problem, problemSeed: spec.problemSeed)
        var monitored: [Double] = []
        var replays: [Double] = []
        var iterations = 0
        for _ in 0..<repeats {
            let method = try Instantiation.makeMethod(
                spec.optimizer, instance: instance, problem: spec.problem,
                runSeed: spec.runSeed
            ).method
            let pass = RunLoop.monitored(
                objective: instance.objective, method: method, spec: spec, settings: settings, stop: nil)
            monitored.append(pass.elapsedSeconds / Double(max(1, pass.finalIteration)))
        }
        guard let record = Runner.run(spec, instance: instance, settings: settings, suiteName: "bench") else {
            throw Failure("workload \(workload.name) was interrupted")
        }
        guard record.status != .error, record.status != .timeout, record.final.progress.iteration >= 1 else {
            throw Failure(
                "workload \(workload.name) ended with status \(record.status) after "
                    + "\(record.final.progress.iteration) iterations: \(record.message ?? "")")
        }
        iterations = record.final.progress.iteration
        replays = record.wallTime.repeats.map { $0 / Double(max(1, iterations)) }
        let middle = Median.of(replays)
        let spread = ((replays.max() ?? 0) - (replays.min() ?? 0)) / middle
        let progress = record.final.progress
        return StepResult(
            workload: workload, iterations: iterations, replayNanoseconds: middle * 1e9,
            monitoredNanoseconds: Median.of(monitored) * 1e9, spread: spread, status: record.status,
            functionEvaluationsPerIteration: Double(progress.functionEvaluations) / Double(iterations),
            gradientEvaluationsPerIteration: Double(progress.gradientEvaluations) / Double(iterations))
    }

    /// Harness seconds per run, excluding the optimizer's work: `runs` one-iteration runs of GD on
    /// 2-D Rosenbrock, each building its problem and method, deriving seeds, running the monitored
    /// pass and one timing replay, assembling the record and appending its JSON line to a file.
    public static func harnessOverhead(runs: Int) throws -> Double {
        let workload = StepWorkload.standard[0]
        var text = suiteText(workload, iterations: 1, timingRepeats: 1)
        text = text.replacingOccurrences(of: "repetitions: 1", with: "repetitions: \(runs)")
        let plan = try plan(text)
        let settings = RunSettings(suite: plan.suite)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-bench-\(getpid()).jsonl")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let start = MonotonicClock.nanoseconds()
        for spec in plan.specs {
            let instance = try Instantiation.makeProblem(spec.problem, problemSeed: spec.problemSeed)
            guard let record = Runner.run(spec, instance: instance, settings: settings, suiteName: plan.suite.name)
            else {
                throw Failure("overhead run \(spec.id) was interrupted")
            }
            try handle.write(contentsOf: Data((try RecordCoding.line(record) + "\n").utf8))
        }
        return MonotonicClock.seconds(since: start) / Double(max(1, plan.specs.count))
    }

    /// The wall time of a whole suite run written to a temporary results root, and its run count.
    public static func suiteWallTime(path: String, jobs: Int) throws -> (seconds: Double, runs: Int) {
        try suiteWallTime(suite: try SuiteLoader(catalog: .builtIn).load(path: path), jobs: jobs)
    }

    /// ``suiteWallTime(path:jobs:)`` of a suite already read.
    public static func suiteWallTime(suite: Suite, jobs: Int) throws -> (seconds: Double, runs: Int) {
        let plan = try RunPlan(suite: suite)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-bench-results-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let start = MonotonicClock.nanoseconds()
        let outcome = try Session.run(plan, options: SessionOptions(resultsRoot: root, jobs: jobs))
        return (MonotonicClock.seconds(since: start), outcome.runCount)
    }

    /// The peak resident memory and wall time of one `gdbench run` child process.
    public struct RunMemory: Sendable {
        public var runs: Int
        public var peakResidentBytes: Int
        public var seconds: Double
        /// This process's peak when it started the child. Linux counts it in the child's figure
        /// (exec records the high-water mark of the address space it replaces), so the figure is the
        /// child's own only when it is larger than this.
        public var spawnerPeakBytes: Int
        public var isChildsOwn: Bool { peakResidentBytes > spawnerPeakBytes }
    }

    /// Runs `executable run SUITE --out ROOT --quiet --no-figures --jobs J` in a child process on a
    /// generated suite of `runs` one-iteration runs of GD on 2-D Rosenbrock (the workload of
    /// ``harnessOverhead(runs:)``), in a temporary directory, and reads the child's peak resident
    /// memory from `wait4`'s resource usage. Memory flat in the number of runs means this figure
    /// hardly changes between 500 and 5 000 runs: records go to disk as they finish. Call it while
    /// this process is still small (see ``RunMemory/spawnerPeakBytes``).
    public static func runMemory(runs: Int, executable: String, jobs: Int) throws -> RunMemory {
        let workload = StepWorkload.standard[0]
        let text = suiteText(workload, iterations: 1, timingRepeats: 1)
            .replacingOccurrences(of: "repetitions: 1", with: "repetitions: \(runs)")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-bench-memory-\(getpid())-\(runs)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let suite = scratch.appendingPathComponent("bench.yaml")
        try Data(text.utf8).write(to: suite)
        let arguments = [
            executable, "run", suite.path, "--out", scratch.appendingPathComponent("results").path,
            "--quiet", "--no-figures", "--jobs", "\(jobs)",
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let spawnerPeak = peakResidentBytes()
        let start = MonotonicClock.nanoseconds()
        let spawned = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        guard spawned == 0 else { throw Failure("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw Failure("waiting for \(executable): \(String(cString: strerror(errno)))")
            }
        }
        let seconds = MonotonicClock.seconds(since: start)
        guard status == 0 else { throw Failure("\(arguments.joined(separator: " ")) failed (wait status \(status))") }
        #if os(Linux)
        let peak = usage.ru_maxrss * 1024
        #else
        let peak = usage.ru_maxrss
        #endif
        return RunMemory(runs: runs, peakResidentBytes: peak, seconds: seconds, spawnerPeakBytes: spawnerPeak)
    }

    /// Peak resident set size of this process so far, in bytes (getrusage; Linux reports kB).
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }
}
