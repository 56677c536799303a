import Foundation
import Objectives
import Optimizers
import Randomness
import Results
import SuiteLanguage

/// What one run needs besides its problem and method.
public struct RunSettings: Sendable {
    public var budget: Budget
    public var targets: TargetLadder
    public var escapeMargin: Double
    public var timingRepeats: Int
    /// Approximate number of log-spaced trace points (target hits and the end are added).
    public var tracePoints: Int
    /// A run diverges when f − f* exceeds this factor × (f₀ − f*) (f₀ and |f₀| stand in without f*).
    public var divergenceFactor: Double
    /// Monitoring checks per epoch for mini-batch runs on finite sums.
    public var checksPerEpoch: Int
    /// Full-batch runs are checked after every iteration up to this one, then every
    /// ⌊k / exactCheckIterations⌋ iterations (a first hit after it is late by at most that fraction).
    public var exactCheckIterations: Int
    /// When sharpness is measured (``TrainingMeasurements``).
    public var sharpness: SharpnessSchedule
    /// Keep the iterate at every trace checkpoint (``IterateFile``).
    public var recordIterates = false

    public init(
        budget: Budget, targets: TargetLadder, escapeMargin: Double = 1e-3, timingRepeats: Int = 1,
        tracePoints: Int = 100, divergenceFactor: Double = 1e6, checksPerEpoch: Int = 4,
        exactCheckIterations: Int = 1000, sharpness: SharpnessSchedule = .none
    ) {
        self.sharpness = sharpness
        self.budget = budget
        self.targets = targets
        self.escapeMargin = escapeMargin
        self.timingRepeats = timingRepeats
        self.tracePoints = tracePoints
        self.divergenceFactor = divergenceFactor
        self.checksPerEpoch = checksPerEpoch
        self.exactCheckIterations = exactCheckIterations
    }

    public init(suite: Suite) {
        self.init(
            budget: suite.budget, targets: suite.targets, escapeMargin: suite.escapeMargin,
            timingRepeats: suite.timingRepeats, sharpness: suite.sharpness)
        recordIterates = suite.recordIterates
    }
}

/// The monitored pass of a run: everything of the record except times.
struct MonitoredPass {
    var status: RunStatus
    var message: String?
    var interrupted = false
    var targetHits: [Checkpoint?]
    var milestone: MilestoneResult?
    var initialValue: Double
    var trace: [TracePoint]
    var final: FinalState
    var finalFingerprint: UInt64
    var finalIteration: Int
    /// Wall time of the monitored pass (monitoring included), used only when a run times out.
    var elapsedSeconds: Double
    /// The iterates of a 2-D run (``PathRecorder``); empty otherwise.
    var path: [TrajectoryFile.Point] = []
    /// The iterate at each trace point when ``RunSettings/recordIterates`` (row-major), else empty.
    var iterates = IterateRecorder(dimension: 0, isActive: false)
}

/// The two passes of a run.
///
/// **Monitored pass.** The method runs from the instance's starting point with a fresh ``Oracle``
/// (seeded from the problem seed, so every optimizer sees the same mini-batches and noise). After
/// each iteration the harness evaluates the target measure by calling the objective directly,
/// never the oracle, so monitoring is never counted; f is reused from
/// `IterationReport.valueAtNewIterate` when the step computed it. Full-batch runs are checked after
/// every iteration up to `exactCheckIterations` (1000: first hits there are exact), then every
/// ⌊k/1000⌋ iterations and at the trace points, so a later first hit is reported at most 0.1 % late
/// and monitoring costs O(1000·log) evaluations however long the run; mini-batch runs on finite
/// sums, where one full evaluation costs n/b steps, are checked `checksPerEpoch` times per epoch
/// and at the trace points, so their first hits have that resolution. The check schedule depends
/// only on iteration and row counts, never on time, so records stay reproducible. ‖∇f‖ is computed only
/// at trace points (and every check when the measure is the gradient norm). The per-run timeout
/// (at checks and every 64 iterations) and the stop signal are checked here. On an online problem
/// (``OnlineObjective``) iteration t plays round t: ``RegretMonitor`` adds f_t(x_t) before the step and
/// records R_T at each trace point, the run ends after the stream's T rounds at the latest, and reaching
/// the targets does not end it.
///
/// **Timing passes.** The optimizer time is measured separately, in `timingRepeats` unmonitored
/// replays of exactly the same iterations (fresh method and oracle, so the same arithmetic): the
/// loop asks the method's box (``MethodBox``) for the iterations up to the next trace iteration and
/// reads the monotonic clock there (about 100 + targets reads per run, never per step). So
/// monitoring is neither counted nor timed, and the per-step overhead of the harness on the timed
/// path is the box's loop counter. Each replay must end at an iterate with the same
/// fingerprint as the monitored pass (the run is deterministic); otherwise the status is `error`.
/// The recorded seconds are medians over the replays.
enum RunLoop {
    /// Log-spaced iterations 0, 1, 2, … up to `limit`: ⌊limit^(j/points)⌋ without duplicates.
    static func traceIterations(limit: Int, points: Int) -> [Int] {
        var marks: [Int] = [0]
        guard limit >= 1 else { return marks }
        let logLimit = Foundation.log(Double(limit))
        for j in 0...points {
            let mark = Int(Foundation.exp(logLimit * Double(j) / Double(points)).rounded(.down))
            if mark > marks[marks.count - 1] && mark <= limit { marks.append(mark) }
        }
        if marks[marks.count - 1] != limit { marks.append(limit) }
        return marks
    }

    static func progress(_ iteration: Int, _ oracle: Oracle) -> Checkpoint {
        let counts = oracle.counts
        return Checkpoint(
            iteration: iteration, gradientEvaluations: counts.gradientEvaluations,
            functionEvaluations: counts.functionEvaluations, hessianVectorProducts: counts.hessianVectorProducts,
            hessianEvaluations: counts.hessianEvaluations, epochs: oracle.epochs, seconds: nil)
    }

    /// The monitored pass: the method steps, ``CheckSchedule`` says when to look, ``RunMonitor``
    /// looks; the loop itself checks the budgets, stalls, the timeout and the stop signal.
    ///
    /// The method steps in runs of iterations up to the next iteration the loop must see (a check or
    /// trace mark, the iteration budget, a multiple of 64 for the clock and the stop signal; single
    /// steps where something happens at every iteration: online rounds, held-out step sizes, counted
    /// budgets, mini-batch checks, the first iterations of a 2-D path), in the loop ``MethodBox``
    /// compiled for the method's type. The iterations and every record are those of single steps.
    static func monitored(
        objective: any Objective, method: MethodBox, spec: RunSpec, settings: RunSettings, stop: StopSignal?,
        coupledWeightDecay: Double = 0
    ) -> MonitoredPass {
        var method = method
        let start = MonotonicClock.nanoseconds()
        let sampleCount = objective.sampleCount
        var oracle = Oracle(
            objective: objective, seed: spec.oracleSeed, batchSize: spec.problem.batchSize,
            gradientNoise: spec.problem.gradientNoise, sampling: spec.problem.sampling)
        var regret = RegretMonitor(objective)
        let isOnline = regret.stream != nil
        let budget = PassBudget(
            settings, sampleCount: sampleCount, batchSize: oracle.batchSize, rounds: regret.roundLimit)
        var schedule = CheckSchedule(
            marks: traceIterations(
                limit: min(budget.iterations, budget.gradients ?? budget.iterations),
                points: settings.tracePoints),
            miniBatchSampleCount: oracle.batchSize == nil ? nil : sampleCount, settings: settings)
        var x = objective.startingPoint
        var monitor = RunMonitor(
            objective: objective, at: x, spec: spec, settings: settings,
            coupledWeightDecay: coupledWeightDecay)
        var path = PathRecorder(dimension: objective.dimension)
        path.append(0, x, value: monitor.initialValue)
        let remembersSteps = monitor.training.tracksHeldOut
        var status = RunStatus.budget
        var message: String?
        var interrupted = false
        var iteration = 0
        var learningRate = Double.nan

        func finish() -> MonitoredPass {
            method.finish(reason: interrupted ? "interrupted" : status.rawValue)
            return monitor.finish(
                iteration: iteration, x: x, learningRate: learningRate, path: path, regret: &regret, status: status,
                message: message,
                interrupted: interrupted, oracle: oracle, elapsedSeconds: MonotonicClock.seconds(since: start))
        }

        do {
            try method.prepare(at: x, oracle: &oracle)
        } catch {
            status = .error
            message = "prepare failed: \(error)"
            return finish()
        }
        var reachedEveryTarget = false
        if case .reachedEveryTarget = monitor.start(x: x, regret: &regret, oracle: oracle) { reachedEveryTarget = true }
        let timeoutNanoseconds = settings.budget.timeoutSeconds.map { UInt64(min(max(0, $0) * 1e9, 1e18)) }
        let stepwise = remembersSteps || isOnline || schedule.miniBatch || budget.rows != nil || budget.gradients != nil

        while true {
            // An online run plays every round of its stream: reaching the targets does not end it.
            if reachedEveryTarget && !isOnline {
                status = .converged
                break
            }
            if budget.isSpent(iteration: iteration, oracle: oracle) {
                status = .budget
                break
            }
            var limit = 1
            if !stepwise && !(path.isActive && iteration < PathRecorder.everyIterationUpTo) {
                limit = min(schedule.nextLook(after: iteration), budget.iterations, (iteration | 63) + 1) - iteration
            }
            if remembersSteps && schedule.stepEndsAtMark(after: iteration) { monitor.training.remember(x) }
            if isOnline { regret.play(round: iteration, at: x) }
            let run = method.iterate(&x, oracle: &oracle, limit: limit)
            iteration += run.iterations
            if let failure = run.failure {
                if run.iterations > 1 { learningRate = run.last.learningRate }
                status = .error
                message = "iteration \(iteration): \(failure)"
                return finish()
            }
            let report = run.last
            learningRate = report.learningRate
            let decision = schedule.decide(
                after: iteration, rowGradients: schedule.miniBatch ? oracle.counts.rowGradients : 0)
            if path.wants(iteration, atTraceMark: decision.atMark) {
                path.append(iteration, x, value: objective.value(at: x))
            }
            if decision.check {
                switch monitor.check(
                    iteration: iteration, x: x, reusing: report.valueAtNewIterate,
                    learningRate: learningRate, atMark: decision.atMark, regret: &regret, oracle: oracle)
                {
                case .running: break
                case .reachedEveryTarget: reachedEveryTarget = true
                case .diverged(let reason):
                    status = .diverged
                    message = reason
                }
                if status == .diverged { break }
            }
            if report.isStalled {
                if !reachedEveryTarget {
                    status = .stalled
                    message = "stalled at iteration \(iteration): the method reports it cannot make progress"
                }
                break
            }
            // The clock is read at checks and every 64th iteration (a read costs as much as a 2-D step).
            if decision.check || iteration & 63 == 0, let timeoutNanoseconds,
                MonotonicClock.nanoseconds() &- start > timeoutNanoseconds
            {
                status = reachedEveryTarget ? .converged : .timeout
                let seconds = ParameterValue.format(settings.budget.timeoutSeconds ?? 0)
                message = status == .timeout ? "timeout after \(seconds) s at iteration \(iteration)" : nil
                break
            }
            if iteration & 63 == 0, let stop, stop.isRaised {
                interrupted = true
                break
            }
        }
        if reachedEveryTarget && status == .budget { status = .converged }
        return finish()
    }

    /// One unmonitored replay of `iterations` iterations, reading the clock at each of `marks`
    /// (ascending iterations). Returns the seconds at each mark, the total and the final fingerprint.
    static func timed(
        objective: any Objective, method: MethodBox, spec: RunSpec, marks: [Int], iterations: Int
    ) throws -> (marks: [Double], total: Double, fingerprint: UInt64) {
        var method = method
        var oracle = Oracle(
            objective: objective, seed: spec.oracleSeed, batchSize: spec.problem.batchSize,
            gradientNoise: spec.problem.gradientNoise, sampling: spec.problem.sampling)
        var x = objective.startingPoint
        var seconds = [Double](repeating: 0, count: marks.count)
        let start = MonotonicClock.nanoseconds()
        defer { method.finish(reason: "replay-end") }
        try method.prepare(at: x, oracle: &oracle)
        var next = 0
        while next < marks.count, marks[next] == 0 {
            seconds[next] = MonotonicClock.seconds(since: start)
            next += 1
        }
        var nextMark = next < marks.count ? marks[next] : Int.max
        var iteration = 0
        while iteration < iterations {
            // A stalled iteration ends a run of steps early; the replay goes on to the next one.
            let run = method.iterate(&x, oracle: &oracle, limit: min(nextMark, iterations) - iteration)
            if let failure = run.failure { throw failure }
            iteration += run.iterations
            if iteration == nextMark {
                seconds[next] = MonotonicClock.seconds(since: start)
                next += 1
                nextMark = next < marks.count ? marks[next] : Int.max
            }
        }
        let total = MonotonicClock.seconds(since: start)
        return (seconds, total, SeedDerivation.fingerprint(x))
    }
}
