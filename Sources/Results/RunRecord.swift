/// The record of one run: one cell (problem × optimizer × repetition) of a suite, as written to
/// `runs.jsonl`. Analysis and figures read only these records (docs/architecture.md, principle 4).
///
/// ## Files of a run directory `results/SUITE/RUN/` (RUN is a UTC timestamp id, `20261123T155012Z`)
/// - `runs.jsonl` — JSON Lines: one `RunRecord` per line, sorted by `id`, keys sorted, UTF-8,
///   `\n`-terminated. Doubles are written in shortest round-trip form, so a record read back has
///   the same bits. Non-finite doubles are written as the strings `"nan"`, `"inf"`, `"-inf"`.
///   Seeds and fingerprints are 16-digit lower-case hex strings (JSON numbers lose bits above 2⁵³).
///   Optional fields that are nil (a target not hit, an unknown f*) are omitted from the line.
/// - `summary.csv` — one row per run (header row first, RFC 4180 quoting), columns:
///   `id,problem,problem_kind,optimizer,optimizer_kind,schedule,repetition,status,` then for every
///   target of the ladder `iterations@T,gradient_evaluations@T,seconds@T` (T the threshold, empty
///   when not hit), then `final_iterations,final_gradient_evaluations,final_function_evaluations,
///   final_value,final_gap,final_relative_gap,final_gradient_norm,final_distance,held_out_accuracy,
///   final_epochs,median_seconds,message`. Empty cells mean "not applicable / unknown".
/// - `manifest.json` — a ``RunManifest``: gdbench version, git commit, compiler version, OS, CPU,
///   build configuration, suite digest, seed, command line, start and end time, and for shards the
///   shard index and count.
/// - `journal.jsonl` — records appended as they finish (any order) while the run is in progress;
///   `--resume` reads it; removed when `runs.jsonl` is complete.
/// - `results/SUITE/latest` — a symbolic link to the newest finished run directory.
public struct RunRecord: Codable, Sendable, Equatable {
    /// Version of this schema; readers reject records with a newer major version.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// `problem[...]/optimizer[...]/rep=N`, parameters sorted by key, numbers in shortest form.
    public var id: String
    /// The suite's `name`.
    public var suite: String
    public var problem: ProblemIdentity
    public var optimizer: OptimizerIdentity
    /// 0-based repetition index.
    public var repetition: Int
    /// `derive(suiteSeed, "<problem instance id>/rep=N")` as 16 hex digits: the instance, its start
    /// point and the oracle's mini-batch / noise stream.
    public var problemSeed: String
    /// `derive(problemSeed, optimizerID)` as 16 hex digits: anything the optimizer draws itself.
    public var runSeed: String
    public var status: RunStatus
    /// Why the run ended when it is not plainly converged (error text, "stalled", "timeout after 60 s").
    public var message: String?
    /// The target ladder and when each target was first hit.
    public var targets: TargetResults
    /// Extra named milestones (e.g. `escaped` for saddle problems).
    public var milestones: [MilestoneResult]
    /// f(x₀).
    public var initialValue: Double
    /// f* when the problem knows it.
    public var optimalValue: Double?
    public var final: FinalState
    public var wallTime: WallTime
    /// Log-spaced snapshots (about 100, plus one at every target hit and at the end).
    public var trace: [TracePoint]
    /// `SeedDerivation.fingerprint` of the final iterate, 16 hex digits.
    public var finalFingerprint: String

    public init(
        id: String, suite: String, problem: ProblemIdentity, optimizer: OptimizerIdentity, repetition: Int,
        problemSeed: String, runSeed: String, status: RunStatus, message: String?, targets: TargetResults,
        milestones: [MilestoneResult], initialValue: Double, optimalValue: Double?, final: FinalState,
        wallTime: WallTime, trace: [TracePoint], finalFingerprint: String
    ) {
        self.schemaVersion = RunRecord.currentSchemaVersion
        self.id = id
        self.suite = suite
        self.problem = problem
        self.optimizer = optimizer
        self.repetition = repetition
        self.problemSeed = problemSeed
        self.runSeed = runSeed
        self.status = status
        self.message = message
        self.targets = targets
        self.milestones = milestones
        self.initialValue = initialValue
        self.optimalValue = optimalValue
        self.final = final
        self.wallTime = wallTime
        self.trace = trace
        self.finalFingerprint = finalFingerprint
    }

    /// A 64-bit value as the 16-hex-digit string used for seeds and fingerprints.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// How a run ended.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    /// The final (smallest) target of the ladder was reached.
    case converged
    /// The budget (iterations, gradient evaluations or epochs) ran out first.
    case budget
    /// The method reported that it cannot make progress (a failed line search, a zero step) before
    /// the final target; `message` says at which iteration.
    case stalled
    /// A non-finite value, or a gap above 10⁶ × the initial gap.
    case diverged
    /// The per-run wall-clock limit was reached.
    case timeout
    /// The method threw, or the timing repeats disagreed bitwise; see `message`.
    case error
}

/// The problem of a run.
public struct ProblemIdentity: Codable, Sendable, Equatable {
    /// `kind[key=value,...]` including `batch-size` / `gradient-noise` when given.
    public var id: String
    public var kind: String
    /// The parameters as written in the suite, resolved, in summary form (sorted when encoded).
    public var parameters: [String: String]
    /// Rows per stochastic gradient (nil: full batch).
    public var batchSize: Int?
    /// σ of the additive Gaussian gradient noise (0: none).
    public var gradientNoise: Double
    /// d.
    public var dimension: Int
    /// n for finite sums.
    public var sampleCount: Int?
    /// L, the smoothness constant, when the objective knows it (``Objectives/ObjectiveConstants``);
    /// absent in records written before it was recorded. f* is the record's `optimalValue`.
    public var smoothness: Double?
    /// μ, the strong-convexity constant, when known.
    public var strongConvexity: Double?
    /// κ = L/μ when both are known and μ > 0.
    public var conditionNumber: Double?
    /// D, G, α and T of an online problem (absent otherwise).
    public var online: OnlineConstants?

    public init(
        id: String, kind: String, parameters: [String: String], batchSize: Int?, gradientNoise: Double,
        dimension: Int, sampleCount: Int?, smoothness: Double? = nil, strongConvexity: Double? = nil,
        conditionNumber: Double? = nil, online: OnlineConstants? = nil
    ) {
        self.id = id
        self.kind = kind
        self.parameters = parameters
        self.batchSize = batchSize
        self.gradientNoise = gradientNoise
        self.dimension = dimension
        self.sampleCount = sampleCount
        self.smoothness = smoothness
        self.strongConvexity = strongConvexity
        self.conditionNumber = conditionNumber
        self.online = online
    }
}

/// The optimizer of a run.
public struct OptimizerIdentity: Codable, Sendable, Equatable {
    /// `kind[key=value,...]` with expressions as written (`lr=1/L`), so ids are equal across reps.
    public var id: String
    public var kind: String
    /// Hyperparameters resolved against the problem's constants (`lr` = 0.01, not `1/L`).
    public var parameters: [String: String]
    public var schedule: ScheduleIdentity?
    /// An external optimizer's declared name, version and protocol (docs/protocol.md); absent for built-ins.
    public var client: String?

    public init(
        id: String, kind: String, parameters: [String: String], schedule: ScheduleIdentity?, client: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.parameters = parameters
        self.schedule = schedule
        self.client = client
    }
}

/// A learning-rate schedule of a run.
public struct ScheduleIdentity: Codable, Sendable, Equatable {
    public var kind: String
    public var parameters: [String: String]

    public init(kind: String, parameters: [String: String]) {
        self.kind = kind
        self.parameters = parameters
    }
}

/// What a target ladder measures.
public enum TargetMeasure: String, Codable, Sendable, CaseIterable {
    /// (f − f*)/(f₀ − f*).
    case relativeGap = "relative-gap"
    /// f − f*.
    case absoluteGap = "absolute-gap"
    /// ‖∇f(x)‖₂.
    case gradientNorm = "gradient-norm"
    /// ‖x − x*‖₂.
    case distance
    /// f(x) itself, the training loss (an absolute target, comparable between problems and
    /// optimizers whatever their regularisation).
    case loss
    /// Accuracy on the held-out rows; reached when accuracy ≥ threshold (thresholds ascending).
    case heldOutAccuracy = "held-out-accuracy"

    /// Whether a target is reached when the measure is at or above its threshold (else at or below).
    public var isAscending: Bool { self == .heldOutAccuracy }
}

/// The counters at one moment of a run (a target hit, a milestone, the end).
public struct Checkpoint: Codable, Sendable, Equatable {
    public var iteration: Int
    public var gradientEvaluations: Int
    public var functionEvaluations: Int
    public var hessianVectorProducts: Int
    public var hessianEvaluations: Int
    /// Passes over the data (finite sums only).
    public var epochs: Double?
    /// Median optimizer time up to this iteration over the timing repeats (monitoring excluded).
    public var seconds: Double?

    public init(
        iteration: Int, gradientEvaluations: Int, functionEvaluations: Int, hessianVectorProducts: Int,
        hessianEvaluations: Int, epochs: Double?, seconds: Double?
    ) {
        self.iteration = iteration
        self.gradientEvaluations = gradientEvaluations
        self.functionEvaluations = functionEvaluations
        self.hessianVectorProducts = hessianVectorProducts
        self.hessianEvaluations = hessianEvaluations
        self.epochs = epochs
        self.seconds = seconds
    }
}

/// The target ladder of a run and its first hits.
public struct TargetResults: Codable, Sendable, Equatable {
    public var measure: TargetMeasure
    /// Thresholds in decreasing order, each with its first hit (nil when not reached).
    public var ladder: [TargetHit]

    public init(measure: TargetMeasure, ladder: [TargetHit]) {
        self.measure = measure
        self.ladder = ladder
    }
}

/// One target of the ladder: the run hit it when `measure ≤ threshold`.
public struct TargetHit: Codable, Sendable, Equatable {
    public var threshold: Double
    public var hit: Checkpoint?

    public init(threshold: Double, hit: Checkpoint?) {
        self.threshold = threshold
        self.hit = hit
    }
}

/// A named milestone (e.g. `escaped`: f ≤ saddle value − margin) and its first hit.
public struct MilestoneResult: Codable, Sendable, Equatable {
    public var name: String
    /// The value of f at or below which the milestone counts as reached.
    public var valueThreshold: Double
    public var hit: Checkpoint?

    public init(name: String, valueThreshold: Double, hit: Checkpoint?) {
        self.name = name
        self.valueThreshold = valueThreshold
        self.hit = hit
    }
}

/// The state when the run ended.
public struct FinalState: Codable, Sendable, Equatable {
    /// Iterations, evaluation counts, epochs and (median) seconds at the end.
    public var progress: Checkpoint
    public var value: Double
    /// f − f* where f* is known.
    public var gap: Double?
    /// (f − f*)/(f₀ − f*) where f* is known.
    public var relativeGap: Double?
    public var gradientNorm: Double
    /// ‖x − x*‖ where x* is known.
    public var distance: Double?
    /// Classification accuracy on held-out rows, where the problem has them.
    public var heldOutAccuracy: Double?
    /// Mean loss on the held-out rows (neural networks).
    public var heldOutLoss: Double?
    /// f + (λ/2)‖x‖², the objective an optimizer with coupled L2 weight decay λ minimises (only then).
    public var regularizedValue: Double?
    /// Largest Hessian eigenvalue at the end (suite key `sharpness`), by power iteration.
    public var sharpness: Double?
    /// Hessian-vector products spent on sharpness over the whole run: monitoring, never counted as
    /// optimizer work.
    public var sharpnessHessianVectorProducts: Int?

    public init(
        progress: Checkpoint, value: Double, gap: Double?, relativeGap: Double?, gradientNorm: Double,
        distance: Double?, heldOutAccuracy: Double?, heldOutLoss: Double? = nil, regularizedValue: Double? = nil,
        sharpness: Double? = nil, sharpnessHessianVectorProducts: Int? = nil
    ) {
        self.heldOutLoss = heldOutLoss
        self.regularizedValue = regularizedValue
        self.sharpness = sharpness
        self.sharpnessHessianVectorProducts = sharpnessHessianVectorProducts
        self.progress = progress
        self.value = value
        self.gap = gap
        self.relativeGap = relativeGap
        self.gradientNorm = gradientNorm
        self.distance = distance
        self.heldOutAccuracy = heldOutAccuracy
    }
}

/// Optimizer wall time: only the time spent inside the method's iterations, measured in unmonitored
/// replays of the run (see the Harness's `RunLoop`). `timeout` and `error` runs are not replayed:
/// their `medianSeconds` is the monitored pass's wall time (monitoring included) and `repeats` is
/// empty. Building the problem instance is not optimizer time: it is `constructionSeconds`.
public struct WallTime: Codable, Sendable, Equatable {
    /// Median of `repeats`.
    public var medianSeconds: Double
    /// Total seconds of each timing repeat, in the order they ran.
    public var repeats: [Double]
    /// Where an external optimizer's time went (medians over the repeats); absent for built-ins.
    public var split: TimeSplit?
    /// Seconds spent building the problem instance (data, rotation, constants) that this run used —
    /// once for all the runs of one instance and repetition, which share it. Absent (omitted) in
    /// records written before it was recorded, and for runs whose instance could not be built.
    public var constructionSeconds: Double?

    public init(medianSeconds: Double, repeats: [Double], split: TimeSplit? = nil, constructionSeconds: Double? = nil) {
        self.medianSeconds = medianSeconds
        self.repeats = repeats
        self.split = split
        self.constructionSeconds = constructionSeconds
    }
}

/// The wall time of an external run split three ways: the optimizer's own computing (reported by the
/// client, absent when it does not measure it), gdbench's oracle calls, and the pipe (everything else:
/// transfers, encoding, waking the other process).
public struct TimeSplit: Codable, Sendable, Equatable {
    public var optimizerSeconds: Double?
    public var oracleSeconds: Double
    public var pipeSeconds: Double?

    public init(optimizerSeconds: Double?, oracleSeconds: Double, pipeSeconds: Double?) {
        self.optimizerSeconds = optimizerSeconds
        self.oracleSeconds = oracleSeconds
        self.pipeSeconds = pipeSeconds
    }
}

/// One snapshot of a run's trajectory.
public struct TracePoint: Codable, Sendable, Equatable {
    public var iteration: Int
    public var gradientEvaluations: Int
    public var functionEvaluations: Int
    public var epochs: Double?
    /// Median optimizer seconds up to this iteration.
    public var seconds: Double?
    public var value: Double
    /// f − f* where f* is known.
    public var gap: Double?
    public var gradientNorm: Double
    /// The learning rate / step length of the iteration that produced this point (nil at 0 or none).
    public var learningRate: Double?
    /// `SeedDerivation.fingerprint` of the iterate, 16 hex digits.
    public var fingerprint: String
    /// Mean loss and accuracy on the held-out rows (objectives with a held-out loss: neural networks).
    public var heldOutLoss: Double?
    public var heldOutAccuracy: Double?
    /// ‖x_k − x_{k−1}‖ of the step that produced this point (trace marks of neural-network runs).
    public var updateNorm: Double?
    /// Largest Hessian eigenvalue here (suite key `sharpness: trace`).
    public var sharpness: Double?
    /// f + (λ/2)‖x‖² for an optimizer with coupled L2 weight decay λ.
    public var regularizedValue: Double?
    /// R_T = Σ_{t≤T} f_t(x_t) − min_{x∈K} Σ_{t≤T} f_t(x) after T = iteration rounds (online problems).
    public var regret: Double?

    public init(
        iteration: Int, gradientEvaluations: Int, functionEvaluations: Int, epochs: Double?, seconds: Double?,
        value: Double, gap: Double?, gradientNorm: Double, learningRate: Double?, fingerprint: String
    ) {
        self.iteration = iteration
        self.gradientEvaluations = gradientEvaluations
        self.functionEvaluations = functionEvaluations
        self.epochs = epochs
        self.seconds = seconds
        self.value = value
        self.gap = gap
        self.gradientNorm = gradientNorm
        self.learningRate = learningRate
        self.fingerprint = fingerprint
    }
}
