import Foundation
import Parameters

/// torch `StepLR`: the learning rate multiplied by γ every `stepSize` updates.
///
/// lr(k) = η₀·γ^⌊k/stepSize⌋; changes at k = stepSize, 2·stepSize, …. torch default γ = 0.1
/// (step_size has no default). Equal to optax `exponential_decay(η₀, stepSize, γ, staircase=True)`
/// (reference §B.3). torch multiplies the current lr by γ (recursive), equal up to rounding.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `StepLR`; reference §B.1.
public struct StepSchedule: Schedule {
    public let baseLearningRate: Double
    public let stepSize: Int
    public let gamma: Double

    public init(baseLearningRate: Double, stepSize: Int, gamma: Double = 0.1) {
        self.baseLearningRate = baseLearningRate
        self.stepSize = stepSize
        self.gamma = gamma
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        baseLearningRate * pow(gamma, Double(step / stepSize))
    }

    /// One `pow` per decay: the value depends on k only through ⌊k/stepSize⌋.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        self.rates(from: first, into: rates) { step in step >= 0 ? stepSize - step % stepSize : 1 }
    }
}

extension ScheduleKind {
    public static let step = ScheduleKind(
        name: "step",
        summary: "torch StepLR: multiply the learning rate by gamma every step-size updates.",
        formula: "lr(k) = η₀·gamma^⌊k/step-size⌋",
        conventions: """
            torch StepLR (recursive get_lr; this closed form equals it up to rounding). optax \
            exponential_decay(η₀, step-size, gamma, staircase=True) gives the same values (use \
            exponential-optax for optax's extra options).
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py StepLR",
            "google-deepmind/optax:optax/schedules/_schedule.py exponential_decay",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: stepParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: stepParameters, kind: "step")
            return StepSchedule(
                baseLearningRate: baseLearningRate, stepSize: try read.integer("step-size"),
                gamma: try read.number("gamma"))
        }
    ).benchmarked("{kind: step, step-size: 1000, gamma: 0.9}")

    private static let stepParameters: [ParameterSpec] = [
        ParameterSpec("step-size", .integer(minimum: 1), "updates between two decays (required)"),
        ParameterSpec(
            "gamma", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(0.1),
            "multiplicative factor per decay"),
    ]
}
