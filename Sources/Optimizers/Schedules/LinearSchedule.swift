import Parameters

/// torch `LinearLR`: the factor of η₀ moves linearly from startFactor to endFactor over
/// totalIters updates, then stays.
///
/// lr(k) = η₀·(s + (e − s)·min(k, T)/T). torch defaults: start_factor 1/3, end_factor 1,
/// total_iters 5; start_factor in (0, 1], end_factor in [0, 1]. torch's get_lr is recursive; its
/// values equal this closed form up to rounding. optax `linear_schedule(η₀s, η₀e, T)` gives the
/// same values (reference §B.3).
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `LinearLR`; reference §B.1.
public struct LinearSchedule: Schedule {
    public let baseLearningRate: Double
    public let startFactor: Double
    public let endFactor: Double
    public let totalIters: Int

    public init(baseLearningRate: Double, startFactor: Double = 1.0 / 3.0, endFactor: Double = 1, totalIters: Int = 5) {
        self.baseLearningRate = baseLearningRate
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        baseLearningRate
            * (startFactor + (endFactor - startFactor) * Double(min(totalIters, step)) / Double(totalIters))
    }
}

extension ScheduleKind {
    public static let linear = ScheduleKind(
        name: "linear",
        summary: "torch LinearLR: factor of η₀ linear from start-factor to end-factor over total-iters updates.",
        formula: "lr(k) = η₀·(start-factor + (end-factor − start-factor)·min(k, total-iters)/total-iters)",
        conventions: """
            torch LinearLR with torch's defaults and ranges (start-factor in (0, 1], end-factor in [0, 1]). \
            torch's get_lr is recursive; the closed form agrees up to rounding. optax linear_schedule(η₀·s, \
            η₀·e, T) is the same; polynomial-optax with power 1 is optax's form with absolute end value. \
            For a warmup in front of another schedule use warmup.
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py LinearLR",
            "google-deepmind/optax:optax/schedules/_schedule.py linear_schedule",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: linearParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: linearParameters, kind: "linear")
            return LinearSchedule(
                baseLearningRate: baseLearningRate, startFactor: try read.number("start-factor"),
                endFactor: try read.number("end-factor"), totalIters: try read.integer("total-iters"))
        }
    ).benchmarked("{kind: linear, start-factor: 1, end-factor: 0.01, total-iters: 200000}")

    private static let linearParameters: [ParameterSpec] = [
        ParameterSpec(
            "start-factor", .number(minimum: 0, maximum: 1, minimumIsOpen: true), default: .number(1.0 / 3.0),
            "factor of η₀ at the first update"),
        ParameterSpec(
            "end-factor", .number(minimum: 0, maximum: 1), default: .number(1),
            "factor of η₀ from update total-iters on"),
        ParameterSpec("total-iters", .integer(minimum: 1), default: .number(5), "updates of the linear ramp"),
    ]
}
