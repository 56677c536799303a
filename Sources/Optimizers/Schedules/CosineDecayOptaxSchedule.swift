import Foundation
import Parameters

/// optax `cosine_decay_schedule`: cosine from η₀ to α·η₀ over `decaySteps` updates, then constant
/// (clamped), with an optional exponent.
///
/// c = min(k, decaySteps); lr(k) = η₀·((1 − α)·(½(1 + cos(π·c/decaySteps)))^exponent + α).
/// optax defaults: alpha 0, exponent 1. optax casts the count to float, so it is exact in float64
/// even inside an optimizer; gdbench uses the same operations and matches it bit for bit.
/// Equal to torch `CosineAnnealingLR(decaySteps, eta_min = α·η₀)` for k ≤ decaySteps (§B.3).
/// Source: google-deepmind/optax:optax/schedules/_schedule.py `cosine_decay_schedule`; reference §B.2.
public struct CosineDecayOptaxSchedule: Schedule {
    public let baseLearningRate: Double
    public let decaySteps: Int
    public let alpha: Double
    public let exponent: Double

    public init(baseLearningRate: Double, decaySteps: Int, alpha: Double = 0, exponent: Double = 1) {
        self.baseLearningRate = baseLearningRate
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.exponent = exponent
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let count = Double(min(step, decaySteps))
        let cosineDecay = 0.5 * (1 + cos(Double.pi * count / Double(decaySteps)))
        // pow(x, 1) is x exactly (C pow's error is below one ulp and x is representable); XLA folds it too.
        return baseLearningRate * ((1 - alpha) * (exponent == 1 ? cosineDecay : pow(cosineDecay, exponent)) + alpha)
    }
}

extension ScheduleKind {
    public static let cosineOptax = ScheduleKind(
        name: "cosine-optax",
        summary: "optax cosine_decay_schedule: cosine from η₀ to alpha·η₀ over decay-steps updates, then constant.",
        formula: """
            c = min(k, decay-steps)
            lr(k) = η₀·((1 − alpha)·(½(1 + cos(π·c/decay-steps)))^exponent + alpha)
            """,
        conventions: """
            optax cosine_decay_schedule with init_value = η₀: clamped at alpha·η₀ after decay-steps (torch's \
            CosineAnnealingLR, kind cosine, rises again instead). alpha is a fraction of η₀, where torch's \
            eta_min is absolute. Exact in float64 (optax casts the count to float).
            """,
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py cosine_decay_schedule",
            "Loshchilov & Hutter 2017, SGDR: Stochastic Gradient Descent with Warm Restarts (ICLR)",
            "gdbench reference §B.2, §B.3",
        ],
        parameters: cosineOptaxParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: cosineOptaxParameters, kind: "cosine-optax")
            return CosineDecayOptaxSchedule(
                baseLearningRate: baseLearningRate, decaySteps: try read.integer("decay-steps"),
                alpha: try read.number("alpha"), exponent: try read.number("exponent"))
        }
    ).benchmarked("{kind: cosine-optax, decay-steps: 200000, alpha: 0.01}")

    private static let cosineOptaxParameters: [ParameterSpec] = [
        ParameterSpec("decay-steps", .integer(minimum: 1), "updates from η₀ down to alpha·η₀ (required)"),
        ParameterSpec(
            "alpha", .number(minimum: 0, maximum: nil), default: .number(0),
            "final lr as a fraction of η₀"),
        ParameterSpec(
            "exponent", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "power applied to the cosine factor"),
    ]
}
