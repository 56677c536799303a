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

    public init(budget: Budget, targets: TargetLadder, escapeMargin: Double = 1e-3, timingRepeats: Int = 1,
                tracePoints: Int = 100, divergenceFactor: Double = 1e6, checksPerEpoch: Int = 4,
                exactCheckIterations: Int = 1000, sharpness: SharpnessSchedule = .none) {
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
        self.init(budget: suite.budget, targets: suite.targets, escapeMargin: suite.escapeMargin,
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
/// loop only calls `iterate` and compares the iteration counter with the next trace iteration,
/// reading the monotonic clock there (about 100 + targets reads per run, never per step). So
/// monitoring is neither counted nor timed, and the per-step overhead of the harness on the timed
/// path is one increment and one compare. Each replay must end at an iterate with the same
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

    static func norm(_ v: [Double]) -> Double {
        var sum = 0.0
        v.withUnsafeBufferPointer { p in for value in p { sum += value * value } }
        return sum.squareRoot()
    }

    static func distance(_ x: [Double], _ y: [Double]) -> Double {
        var sum = 0.0
        x.withUnsafeBufferPointer { a in
            y.withUnsafeBufferPointer { b in
                for i in 0..<min(a.count, b.count) {
                    let delta = a[i] - b[i]
                    sum += delta * delta
                }
            }
        }
        return sum.squareRoot()
    }

    static func progress<O: Objective>(_ iteration: Int, _ oracle: Oracle<O>) -> Checkpoint {
        let counts = oracle.counts
        return Checkpoint(
            iteration: iteration, gradientEvaluations: counts.gradientEvaluations,
            functionEvaluations: counts.functionEvaluations, hessianVectorProducts: counts.hessianVectorProducts,
            hessianEvaluations: counts.hessianEvaluations, epochs: oracle.epochs, seconds: nil)
    }

    /// The iteration budget implied by max-iterations and, for mini-batch runs, max-epochs.
    /// (The gradient-evaluation budget is checked against the oracle's count; it only bounds the
    /// trace spacing here, as at least one gradient per iteration is the common case.)
    static func iterationLimit(_ settings: RunSettings, sampleCount: Int?, batchSize: Int?) -> Int {
        var limit = settings.budget.maxIterations
        if let n = sampleCount, let epochs = settings.budget.maxEpochs {
            let perEpoch = batchSize.map { (n + $0 - 1) / $0 } ?? 1
            let fromEpochs = (epochs * Double(perEpoch)).rounded(.up)
            if fromEpochs < Double(limit) { limit = max(1, Int(fromEpochs)) }
        }
        return limit
    }

    static func monitored<O: Objective, M: Method>(
        objective: O, method: M, spec: RunSpec, settings: RunSettings, stop: StopSignal?, coupledWeightDecay: Double = 0
    ) -> MonitoredPass {
        var method = method
        let start = MonotonicClock.nanoseconds()
        let constants = objective.constants
        let fStar = constants.optimalValue
        let xStar = constants.minimizer
        let measure = settings.targets.measure
        let thresholds = settings.targets.thresholds
        let sampleCount = objective.sampleCount
        var oracle = Oracle(objective: objective, seed: spec.oracleSeed, batchSize: spec.problem.batchSize,
                            gradientNoise: spec.problem.gradientNoise)
        let miniBatch = sampleCount != nil && oracle.batchSize != nil
        let checkRows = miniBatch ? max(1, (sampleCount ?? 1) / max(1, settings.checksPerEpoch)) : 0
        var nextCheckRows = checkRows
        var nextCheckIteration = 1
        // Saturating: a budget built in code may exceed what validate accepts from a suite file.
        let rowBudget: Int? = sampleCount.flatMap { n in
            settings.budget.maxEpochs.map { Int(min(($0 * Double(n)).rounded(.up), 1e18)) }
        }
        var regret = RegretMonitor(objective)
        let limit = min(iterationLimit(settings, sampleCount: sampleCount, batchSize: oracle.batchSize), regret.roundLimit)
        let gradientBudget = settings.budget.maxGradientEvaluations
        let marks = traceIterations(limit: min(limit, gradientBudget ?? limit), points: settings.tracePoints)
        var markIndex = 1
        var x = objective.startingPoint
        var gradient = [Double](repeating: 0, count: objective.dimension)
        let f0 = objective.evaluate(at: x, gradient: &gradient)
        let initialGap = fStar.map { f0 - $0 }
        let divergenceBase = fStar ?? f0
        let divergenceScale = initialGap ?? max(abs(f0), 1)
        let escapeThreshold = constants.saddleValue.map { $0 - settings.escapeMargin }
        var escapeHit: Checkpoint?
        var training = TrainingMeasurements(objective: objective, schedule: settings.sharpness,
                                            coupledWeightDecay: coupledWeightDecay, problemSeed: spec.problemSeed)
        var path = PathRecorder(dimension: objective.dimension)
        path.append(0, x, value: f0)
        var iterates = IterateRecorder(dimension: objective.dimension, isActive: settings.recordIterates)

        func measured(_ f: Double, _ gradientNorm: Double) -> Double {
            switch measure {
            case .relativeGap:
                guard let fStar, let initialGap else { return .nan }
                let gap = f - fStar
                return initialGap > 0 ? gap / initialGap : (gap <= 0 ? 0 : .infinity)
            case .absoluteGap: return fStar.map { f - $0 } ?? .nan
            case .gradientNorm: return gradientNorm
            case .distance: return xStar.map { distance(x, $0) } ?? .nan
            case .loss: return f
            case .heldOutAccuracy: return objective.heldOutAccuracy(at: x) ?? .nan
            }
        }
        let ascending = measure.isAscending
        func reached(_ m: Double, _ threshold: Double) -> Bool { ascending ? m >= threshold : m <= threshold }

        var hits = [Checkpoint?](repeating: nil, count: thresholds.count)
        var nextTarget = 0
        var trace: [TracePoint] = []
        var learningRate = Double.nan

        func tracePoint(_ iteration: Int, _ f: Double, _ gradientNorm: Double, atMark: Bool = true) -> TracePoint {
            iterates.append(iteration, x)
            let counts = oracle.counts
            var point = TracePoint(
                iteration: iteration, gradientEvaluations: counts.gradientEvaluations,
                functionEvaluations: counts.functionEvaluations, epochs: oracle.epochs, seconds: nil, value: f,
                gap: fStar.map { f - $0 }, gradientNorm: gradientNorm,
                learningRate: learningRate.isNaN ? nil : learningRate,
                fingerprint: RunRecord.hex(SeedDerivation.fingerprint(x)))
            training.annotate(&point, objective: objective, x: x, atMark: atMark)
            point.regret = regret.regret(after: iteration)
            return point
        }

        var status = RunStatus.budget
        var message: String?
        var interrupted = false
        var iteration = 0

        func finish() -> MonitoredPass {
            method.finish(reason: interrupted ? "interrupted" : status.rawValue)
            let f = objective.evaluate(at: x, gradient: &gradient)
            let gradientNorm = norm(gradient)
            if trace.last?.iteration != iteration { trace.append(tracePoint(iteration, f, gradientNorm)) }
            path.append(iteration, x, value: f)
            let gap = fStar.map { f - $0 }
            let relativeGap: Double? = gap.flatMap { gap in initialGap.map { $0 > 0 ? gap / $0 : (gap <= 0 ? 0 : .infinity) } }
            var final = FinalState(
                progress: progress(iteration, oracle), value: f, gap: gap, relativeGap: relativeGap,
                gradientNorm: gradientNorm, distance: xStar.map { distance(x, $0) },
                heldOutAccuracy: objective.heldOutAccuracy(at: x))
            training.annotate(&final, objective: objective, x: x)
            return MonitoredPass(
                status: status, message: message, interrupted: interrupted, targetHits: hits,
                milestone: escapeThreshold.map { MilestoneResult(name: "escaped", valueThreshold: $0, hit: escapeHit) },
                initialValue: f0, trace: trace, final: final, finalFingerprint: SeedDerivation.fingerprint(x),
                finalIteration: iteration, elapsedSeconds: MonotonicClock.seconds(since: start), path: path.points,
                iterates: iterates)
        }

        do {
            try method.prepare(at: x, oracle: &oracle)
        } catch {
            status = .error
            message = "prepare failed: \(error)"
            return finish()
        }
        // Iteration 0.
        let gradientNorm0 = norm(gradient)
        let m0 = measured(f0, gradientNorm0)
        if let escapeThreshold, f0 <= escapeThreshold { escapeHit = progress(0, oracle) }
        // On a problem with a saddle the targets count only once the run has left it (`escaped`):
        // a small gradient at the saddle is not success.
        while escapeThreshold == nil || escapeHit != nil, nextTarget < thresholds.count, reached(m0, thresholds[nextTarget]) {
            hits[nextTarget] = progress(0, oracle)
            nextTarget += 1
        }
        trace.append(tracePoint(0, f0, gradientNorm0))
        let needsGradient = measure == .gradientNorm
        let timeoutNanoseconds = settings.budget.timeoutSeconds.map { UInt64(min(max(0, $0) * 1e9, 1e18)) }

        while true {
            // An online run plays every round of its stream: reaching the targets does not end it.
            if nextTarget == thresholds.count && regret.stream == nil {
                status = .converged
                break
            }
            if iteration >= limit {
                status = .budget
                break
            }
            if let rowBudget, oracle.counts.rowGradients >= rowBudget {
                status = .budget
                break
            }
            if let gradientBudget, oracle.counts.gradientEvaluations >= gradientBudget {
                status = .budget
                break
            }
            training.remember(x, stepEndsAtMark: markIndex < marks.count && marks[markIndex] == iteration + 1)
            regret.play(round: iteration, at: x)
            let report: IterationReport
            do {
                report = try method.iterate(&x, oracle: &oracle)
            } catch {
                iteration += 1
                status = .error
                message = "iteration \(iteration): \(error)"
                return finish()
            }
            iteration += 1
            learningRate = report.learningRate
            var atMark = false
            if markIndex < marks.count, marks[markIndex] == iteration {
                atMark = true
                markIndex += 1
            }
            if path.wants(iteration, atTraceMark: atMark) { path.append(iteration, x, value: objective.value(at: x)) }
            var check = atMark
            if !miniBatch, iteration >= nextCheckIteration {
                check = true
                nextCheckIteration = iteration + max(1, iteration / max(1, settings.exactCheckIterations))
            }
            if miniBatch, oracle.counts.rowGradients >= nextCheckRows {
                check = true
                while nextCheckRows <= oracle.counts.rowGradients { nextCheckRows += checkRows }
            }
            if check {
                let f: Double
                var gradientNorm = Double.nan
                if needsGradient || atMark {
                    f = objective.evaluate(at: x, gradient: &gradient)
                    gradientNorm = norm(gradient)
                } else {
                    f = report.valueAtNewIterate ?? objective.value(at: x)
                }
                if !f.isFinite {
                    status = .diverged
                    message = "f is not finite at iteration \(iteration)"
                    break
                }
                if divergenceScale > 0, f - divergenceBase > settings.divergenceFactor * divergenceScale {
                    status = .diverged
                    message = "f − f* grew above \(ParameterValue.format(settings.divergenceFactor)) × its initial value at iteration \(iteration)"
                    break
                }
                let m = measured(f, gradientNorm)
                var hitHere = false
                if let escapeThreshold, escapeHit == nil, f <= escapeThreshold {
                    escapeHit = progress(iteration, oracle)
                    hitHere = true
                }
                while escapeThreshold == nil || escapeHit != nil, nextTarget < thresholds.count, reached(m, thresholds[nextTarget]) {
                    hits[nextTarget] = progress(iteration, oracle)
                    nextTarget += 1
                    hitHere = true
                }
                if atMark || hitHere {
                    if gradientNorm.isNaN {
                        _ = objective.evaluate(at: x, gradient: &gradient)
                        gradientNorm = norm(gradient)
                    }
                    trace.append(tracePoint(iteration, f, gradientNorm, atMark: atMark))
                }
            }
            if report.isStalled {
                if nextTarget < thresholds.count {
                    status = .stalled
                    message = "stalled at iteration \(iteration): the method reports it cannot make progress"
                }
                break
            }
            // The clock is read at checks and every 64th iteration (a read costs as much as a 2-D step).
            if check || iteration & 63 == 0, let timeoutNanoseconds, MonotonicClock.nanoseconds() &- start > timeoutNanoseconds {
                status = nextTarget == thresholds.count ? .converged : .timeout
                message = status == .timeout ? "timeout after \(ParameterValue.format(settings.budget.timeoutSeconds ?? 0)) s at iteration \(iteration)" : nil
                break
            }
            if iteration & 63 == 0, let stop, stop.isRaised {
                interrupted = true
                break
            }
        }
        if nextTarget == thresholds.count && status == .budget { status = .converged }
        return finish()
    }

    /// One unmonitored replay of `iterations` iterations, reading the clock at each of `marks`
    /// (ascending iterations). Returns the seconds at each mark, the total and the final fingerprint.
    static func timed<O: Objective, M: Method>(
        objective: O, method: M, spec: RunSpec, marks: [Int], iterations: Int
    ) throws -> (marks: [Double], total: Double, fingerprint: UInt64) {
        var method = method
        var oracle = Oracle(objective: objective, seed: spec.oracleSeed, batchSize: spec.problem.batchSize,
                            gradientNoise: spec.problem.gradientNoise)
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
            _ = try method.iterate(&x, oracle: &oracle)
            iteration += 1
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
