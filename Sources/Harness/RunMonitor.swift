import LinearAlgebra
import Objectives
import Optimizers
import Randomness
import Results

/// What the monitored pass of a run (``RunLoop``) learns about the iterates, by calling the objective
/// directly, never the oracle (so none of it is counted): the target measure and its first hits, the
/// `escaped` milestone on a problem with a saddle, divergence, the trace points, the 2-D path, the
/// recorded iterates and the training measurements. ``CheckSchedule`` says when it looks; between
/// checks the loop does not touch it.
struct RunMonitor {
    private let optimalValue: Double?
    private let minimizer: [Double]?
    private let measure: TargetMeasure
    private let thresholds: [Double]
    let initialValue: Double
    private let initialGap: Double?
    private let divergenceBase: Double
    private let divergenceScale: Double
    private let divergenceFactor: Double
    private let escapeThreshold: Double?
    private var escapeHit: Checkpoint?
    private var hits: [Checkpoint?]
    private var nextTarget = 0
    private(set) var trace: [TracePoint] = []
    var training: TrainingMeasurements
    private var iterates: IterateRecorder
    /// ∇f at the last point evaluated with its gradient (a buffer of the monitor's own).
    private var gradient: [Double]
    /// Every target has been reached (``start(x:oracle:)`` and ``check`` return it as well).
    private(set) var reachedEveryTarget: Bool
    let objective: any Objective

    /// Evaluates f and ∇f at the starting point `x`.
    init(objective: any Objective, at x: [Double], spec: RunSpec, settings: RunSettings, coupledWeightDecay: Double) {
        self.objective = objective
        let constants = objective.constants
        optimalValue = constants.optimalValue
        minimizer = constants.minimizer
        measure = settings.targets.measure
        thresholds = settings.targets.thresholds
        gradient = [Double](repeating: 0, count: objective.dimension)
        let f0 = objective.evaluate(at: x, gradient: &gradient)
        let gap0 = constants.optimalValue.map { f0 - $0 }
        initialValue = f0
        initialGap = gap0
        divergenceBase = constants.optimalValue ?? f0
        divergenceScale = gap0 ?? max(abs(f0), 1)
        divergenceFactor = settings.divergenceFactor
        escapeThreshold = constants.saddleValue.map { $0 - settings.escapeMargin }
        hits = [Checkpoint?](repeating: nil, count: thresholds.count)
        reachedEveryTarget = thresholds.isEmpty
        training = TrainingMeasurements(
            objective: objective, schedule: settings.sharpness,
            coupledWeightDecay: coupledWeightDecay, problemSeed: spec.problemSeed)
        iterates = IterateRecorder(dimension: objective.dimension, isActive: settings.recordIterates)
    }

    /// The measure needs ‖∇f‖ at every check, not only at trace marks.
    var needsGradientAtChecks: Bool { measure == .gradientNorm }

    /// The outcome of a check.
    enum Verdict {
        case running
        /// Every target has been reached.
        case reachedEveryTarget
        /// f is not finite, or f − f* grew beyond the divergence factor (the message says which).
        case diverged(String)
    }

    /// Iteration 0: the measure at the start (targets met there are hit at iteration 0).
    mutating func start(x: [Double], regret: inout RegretMonitor, oracle: Oracle) -> Verdict {
        let gradientNorm = VectorKernels.norm(gradient)
        if let escapeThreshold, initialValue <= escapeThreshold { escapeHit = RunLoop.progress(0, oracle) }
        _ = recordHits(measured(initialValue, gradientNorm, x), iteration: 0, oracle: oracle)
        trace.append(tracePoint(0, x, initialValue, gradientNorm, learningRate: .nan, regret: &regret, oracle: oracle))
        return reachedEveryTarget ? .reachedEveryTarget : .running
    }

    /// A check after `iteration` (`value`: f at x when the step computed it; `learningRate`: the
    /// step's, NaN for none).
    mutating func check(
        iteration: Int, x: [Double], reusing value: Double?, learningRate: Double, atMark: Bool,
        regret: inout RegretMonitor, oracle: Oracle
    ) -> Verdict {
        let f: Double
        var gradientNorm = Double.nan
        if needsGradientAtChecks || atMark {
            f = objective.evaluate(at: x, gradient: &gradient)
            gradientNorm = VectorKernels.norm(gradient)
        } else {
            f = value ?? objective.value(at: x)
        }
        if !f.isFinite { return .diverged("f is not finite at iteration \(iteration)") }
        if divergenceScale > 0, f - divergenceBase > divergenceFactor * divergenceScale {
            let factor = ParameterValue.format(divergenceFactor)
            return .diverged("f − f* grew above \(factor) × its initial value at iteration \(iteration)")
        }
        var hitHere = false
        if let escapeThreshold, escapeHit == nil, f <= escapeThreshold {
            escapeHit = RunLoop.progress(iteration, oracle)
            hitHere = true
        }
        if recordHits(measured(f, gradientNorm, x), iteration: iteration, oracle: oracle) { hitHere = true }
        if atMark || hitHere {
            if gradientNorm.isNaN {
                _ = objective.evaluate(at: x, gradient: &gradient)
                gradientNorm = VectorKernels.norm(gradient)
            }
            trace.append(
                tracePoint(
                    iteration, x, f, gradientNorm, learningRate: learningRate, atMark: atMark,
                    regret: &regret, oracle: oracle))
        }
        return reachedEveryTarget ? .reachedEveryTarget : .running
    }

    /// The monitored pass that ends at `iteration` with `x`, its 2-D `path` ending there.
    mutating func finish(
        iteration: Int, x: [Double], learningRate: Double, path: PathRecorder, regret: inout RegretMonitor,
        status: RunStatus, message: String?, interrupted: Bool, oracle: Oracle, elapsedSeconds: Double
    ) -> MonitoredPass {
        let f = objective.evaluate(at: x, gradient: &gradient)
        let gradientNorm = VectorKernels.norm(gradient)
        if trace.last?.iteration != iteration {
            trace.append(
                tracePoint(
                    iteration, x, f, gradientNorm, learningRate: learningRate, regret: &regret,
                    oracle: oracle))
        }
        var path = path
        path.append(iteration, x, value: f)
        let gap = optimalValue.map { f - $0 }
        let relativeGap: Double? = gap.flatMap { gap in initialGap.map { RelativeGap.of(gap, initialGap: $0) } }
        var final = FinalState(
            progress: RunLoop.progress(iteration, oracle), value: f, gap: gap, relativeGap: relativeGap,
            gradientNorm: gradientNorm, distance: minimizer.map { VectorKernels.distance(x, $0) },
            heldOutAccuracy: objective.heldOutAccuracy(at: x))
        training.annotate(&final, objective: objective, x: x)
        final.basin = RunLoop.basin(objective, x)
        return MonitoredPass(
            status: status, message: message, interrupted: interrupted, targetHits: hits,
            milestone: escapeThreshold.map { MilestoneResult(name: "escaped", valueThreshold: $0, hit: escapeHit) },
            initialValue: initialValue, trace: trace, final: final, finalFingerprint: SeedDerivation.fingerprint(x),
            finalIteration: iteration, elapsedSeconds: elapsedSeconds, path: path.points, iterates: iterates)
    }

    /// The target measure at x with value f (and ‖∇f‖ where computed).
    private func measured(_ f: Double, _ gradientNorm: Double, _ x: [Double]) -> Double {
        switch measure {
        case .relativeGap:
            guard let optimalValue, let initialGap else { return .nan }
            return RelativeGap.of(f - optimalValue, initialGap: initialGap)
        case .absoluteGap: return optimalValue.map { f - $0 } ?? .nan
        case .gradientNorm: return gradientNorm
        case .distance: return minimizer.map { VectorKernels.distance(x, $0) } ?? .nan
        case .loss: return f
        case .heldOutAccuracy: return objective.heldOutAccuracy(at: x) ?? .nan
        }
    }

    /// Records the targets `m` reaches at `iteration`; on a problem with a saddle they count only
    /// once the run has left it (`escaped`): a small gradient at the saddle is not success.
    private mutating func recordHits(_ m: Double, iteration: Int, oracle: Oracle) -> Bool {
        var hit = false
        while escapeThreshold == nil || escapeHit != nil, nextTarget < thresholds.count,
            measure.isAscending ? m >= thresholds[nextTarget] : m <= thresholds[nextTarget]
        {
            hits[nextTarget] = RunLoop.progress(iteration, oracle)
            nextTarget += 1
            hit = true
        }
        reachedEveryTarget = nextTarget == thresholds.count
        return hit
    }

    private mutating func tracePoint(
        _ iteration: Int, _ x: [Double], _ f: Double, _ gradientNorm: Double, learningRate: Double, atMark: Bool = true,
        regret: inout RegretMonitor, oracle: Oracle
    ) -> TracePoint {
        iterates.append(iteration, x)
        let counts = oracle.counts
        var point = TracePoint(
            iteration: iteration, gradientEvaluations: counts.gradientEvaluations,
            functionEvaluations: counts.functionEvaluations, epochs: oracle.epochs, seconds: nil, value: f,
            gap: optimalValue.map { f - $0 }, gradientNorm: gradientNorm,
            learningRate: learningRate.isNaN ? nil : learningRate,
            fingerprint: RunRecord.hex(SeedDerivation.fingerprint(x)))
        training.annotate(&point, objective: objective, x: x, atMark: atMark)
        point.regret = regret.regret(after: iteration)
        return point
    }
}
