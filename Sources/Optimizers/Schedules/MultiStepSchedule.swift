import Foundation
import Parameters

/// torch `MultiStepLR`: the learning rate multiplied by γ at each milestone.
///
/// lr(k) = η₀·γ^(number of milestones m with m ≤ k). A milestone listed n times counts n times
/// (torch keeps a Counter and multiplies by γⁿ). torch default γ = 0.1. Equal to optax
/// `piecewise_constant_schedule(η₀, {m: γ})` for distinct milestones (reference §B.3).
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `MultiStepLR`; reference §B.1.
public struct MultiStepSchedule: Schedule {
    public let baseLearningRate: Double
    /// Non-decreasing, non-negative update indices.
    public let milestones: [Int]
    public let gamma: Double

    /// Throws when a milestone is negative or the list decreases.
    public init(baseLearningRate: Double, milestones: [Int], gamma: Double = 0.1) throws {
        for (index, milestone) in milestones.enumerated()
        where milestone < 0 || (index > 0 && milestone < milestones[index - 1]) {
            throw ParameterError(
                key: "milestones", expected: "non-decreasing whole numbers ≥ 0",
                found: "[" + milestones.map(String.init).joined(separator: ",") + "]")
        }
        self.baseLearningRate = baseLearningRate
        self.milestones = milestones
        self.gamma = gamma
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        baseLearningRate * pow(gamma, Double(milestonesPassed(at: step)))
    }

    /// One search and one `pow` per milestone: the value depends on k only through the number of
    /// milestones ≤ k, which changes at the next milestone above k.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        self.rates(from: first, into: rates) { step in
            let passed = milestonesPassed(at: step)
            return passed < milestones.count ? milestones[passed] - step : Int.max
        }
    }

    /// The number of milestones m ≤ step (binary search).
    @inlinable
    func milestonesPassed(at step: Int) -> Int {
        var low = 0
        var high = milestones.count
        while low < high {
            let middle = (low + high) / 2
            if milestones[middle] <= step { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension ScheduleKind {
    public static let multiStep = ScheduleKind(
        name: "multi-step",
        summary: "torch MultiStepLR: multiply the learning rate by gamma at each milestone.",
        formula: "lr(k) = η₀·gamma^(number of milestones ≤ k)",
        conventions: """
            torch MultiStepLR: a repeated milestone counts once per repetition; a milestone 0 applies from \
            the first update. torch's get_lr is recursive; this closed form equals it up to rounding. \
            optax piecewise_constant_schedule(η₀, {m: gamma}) is the same for distinct milestones.
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py MultiStepLR",
            "google-deepmind/optax:optax/schedules/_schedule.py piecewise_constant_schedule",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: multiStepParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: multiStepParameters, kind: "multi-step")
            let values = try read.numbers("milestones")
            var milestones: [Int] = []
            for value in values {
                guard value.rounded() == value, abs(value) < 1e15 else {
                    throw ParameterError(
                        key: "milestones", expected: "non-decreasing whole numbers ≥ 0",
                        found: ParameterValue.numbers(values).summary)
                }
                milestones.append(Int(value))
            }
            return try MultiStepSchedule(
                baseLearningRate: baseLearningRate, milestones: milestones, gamma: try read.number("gamma"))
        }
    ).benchmarked("{kind: multi-step, milestones: [50000, 100000, 150000], gamma: 0.5}")

    private static let multiStepParameters: [ParameterSpec] = [
        ParameterSpec(
            "milestones", .numbers, "non-decreasing update indices ≥ 0 where the lr is multiplied by gamma (required)"),
        ParameterSpec(
            "gamma", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(0.1),
            "multiplicative factor per milestone"),
    ]
}
