import Foundation
import Parameters

/// torch `ExponentialLR`: the learning rate multiplied by γ after every update.
///
/// lr(k) = η₀·γᵏ (no staircase; γ has no torch default). Equal to optax
/// `exponential_decay(η₀, 1, γ)` (reference §B.3). torch multiplies the current lr by γ
/// (recursive), equal to this closed form up to rounding.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `ExponentialLR`; reference §B.1.
public struct ExponentialSchedule: Schedule {
    public let baseLearningRate: Double
    public let gamma: Double

    public init(baseLearningRate: Double, gamma: Double) {
        self.baseLearningRate = baseLearningRate
        self.gamma = gamma
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        baseLearningRate * pow(gamma, Double(step))
    }

    /// One `pow` per step, whose cost a block does not share (it measured slower in blocks).
    public var readsInBlocks: Bool { false }
}

extension ScheduleKind {
    public static let exponential = ScheduleKind(
        name: "exponential",
        summary: "torch ExponentialLR: multiply the learning rate by gamma after every update.",
        formula: "lr(k) = η₀·gamma^k",
        conventions: """
            torch ExponentialLR (recursive get_lr; this closed form equals it up to rounding). optax \
            exponential_decay(η₀, 1, gamma) is the same; exponential-optax adds transition steps, \
            staircase, a delayed start and an end value.
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py ExponentialLR",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: exponentialParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: exponentialParameters, kind: "exponential")
            return ExponentialSchedule(baseLearningRate: baseLearningRate, gamma: try read.number("gamma"))
        }
    ).benchmarked("{kind: exponential, gamma: 0.99999}")

    private static let exponentialParameters: [ParameterSpec] = [
        ParameterSpec(
            "gamma", .number(minimum: 0, maximum: nil, minimumIsOpen: true),
            "multiplicative factor per update (required)")
    ]
}
