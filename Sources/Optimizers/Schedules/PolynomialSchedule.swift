import Foundation
import Parameters

/// torch `PolynomialLR`: polynomial decay from η₀ to 0 over totalIters updates.
///
/// lr(k) = η₀·(1 − min(k, T)/T)^power; reaches 0 at T and stays there (no end value). torch
/// defaults: total_iters 5, power 1. torch's get_lr is recursive; its values equal this closed form
/// up to rounding. optax `polynomial_schedule(η₀, 0, power, T)` is the same (reference §B.3).
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `PolynomialLR`; reference §B.1.
public struct PolynomialSchedule: Schedule {
    public let baseLearningRate: Double
    public let totalIters: Int
    public let power: Double

    public init(baseLearningRate: Double, totalIters: Int = 5, power: Double = 1) {
        self.baseLearningRate = baseLearningRate
        self.totalIters = totalIters
        self.power = power
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let fraction = 1.0 - Double(min(totalIters, step)) / Double(totalIters)
        // pow(x, 1) is x exactly (CosineDecayOptaxSchedule).
        return baseLearningRate * (power == 1 ? fraction : pow(fraction, power))
    }
}

extension ScheduleKind {
    public static let polynomial = ScheduleKind(
        name: "polynomial",
        summary: "torch PolynomialLR: η₀·(1 − k/total-iters)^power, 0 from total-iters on.",
        formula: "lr(k) = η₀·(1 − min(k, total-iters)/total-iters)^power",
        conventions: """
            torch PolynomialLR: decays to exactly 0 (no end value; see polynomial-optax for optax's \
            polynomial_schedule with end value and delayed start). torch's get_lr is recursive; the closed \
            form agrees up to rounding.
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py PolynomialLR",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: polynomialParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: polynomialParameters, kind: "polynomial")
            return PolynomialSchedule(
                baseLearningRate: baseLearningRate, totalIters: try read.integer("total-iters"),
                power: try read.number("power"))
        }
    ).benchmarked("{kind: polynomial, total-iters: 200000, power: 2}")

    private static let polynomialParameters: [ParameterSpec] = [
        ParameterSpec("total-iters", .integer(minimum: 1), default: .number(5), "updates until the lr reaches 0"),
        ParameterSpec(
            "power", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "exponent of the decay"),
    ]
}
