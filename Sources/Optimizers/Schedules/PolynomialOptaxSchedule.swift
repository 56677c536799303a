import Foundation
import Parameters

/// optax `polynomial_schedule`: polynomial interpolation from η₀ to an end value over
/// `transitionSteps` updates after `transitionBegin` updates at η₀.
///
/// c = clip(k − B, 0, T); lr(k) = (η₀ − end)·(1 − c/T)^power + end. power 1 is optax
/// `linear_schedule`. Computed with optax's operations in float64: equal bit for bit to optax on
/// Python-int counts (inside an optimizer optax's int32 count gives float32; reference §B.0).
/// Source: google-deepmind/optax:optax/schedules/_schedule.py `polynomial_schedule`; reference §B.2.
public struct PolynomialOptaxSchedule: Schedule {
    public let baseLearningRate: Double
    public let endValue: Double
    public let power: Double
    public let transitionSteps: Int
    public let transitionBegin: Int

    public init(
        baseLearningRate: Double, endValue: Double = 0, power: Double = 1, transitionSteps: Int,
        transitionBegin: Int = 0
    ) {
        self.baseLearningRate = baseLearningRate
        self.endValue = endValue
        self.power = power
        self.transitionSteps = transitionSteps
        self.transitionBegin = transitionBegin
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let count = min(max(step - transitionBegin, 0), transitionSteps)
        let fraction = 1 - Double(count) / Double(transitionSteps)
        // pow(x, 1) is x exactly (CosineDecayOptaxSchedule).
        return (baseLearningRate - endValue) * (power == 1 ? fraction : pow(fraction, power)) + endValue
    }
}

extension ScheduleKind {
    public static let polynomialOptax = ScheduleKind(
        name: "polynomial-optax",
        summary: "optax polynomial_schedule: η₀ to end-value as (1 − c/transition-steps)^power after transition-begin.",
        formula: """
            c = clip(k − transition-begin, 0, transition-steps)
            lr(k) = (η₀ − end-value)·(1 − c/transition-steps)^power + end-value
            """,
        conventions: """
            optax polynomial_schedule with init_value = η₀ (power 1: optax linear_schedule). optax turns \
            transition_steps ≤ 0 into a constant and a negative transition_begin into 0; gdbench rejects \
            them. Exact in float64 on Python-int counts; optax's int32 count inside an optimizer gives \
            float32 (~1e−8 relative). With end-value 0 it equals torch PolynomialLR (kind polynomial).
            """,
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py polynomial_schedule, linear_schedule",
            "gdbench reference §B.0, §B.2, §B.3",
        ],
        parameters: polynomialOptaxParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: polynomialOptaxParameters, kind: "polynomial-optax")
            return PolynomialOptaxSchedule(
                baseLearningRate: baseLearningRate, endValue: try read.number("end-value"),
                power: try read.number("power"), transitionSteps: try read.integer("transition-steps"),
                transitionBegin: try read.integer("transition-begin"))
        }
    ).benchmarked("{kind: polynomial-optax, transition-steps: 200000, end-value: 1e-5}")

    private static let polynomialOptaxParameters: [ParameterSpec] = [
        ParameterSpec("transition-steps", .integer(minimum: 1), "updates from η₀ to end-value (required)"),
        ParameterSpec("end-value", .number(minimum: 0, maximum: nil), default: .number(0), "final learning rate"),
        ParameterSpec(
            "power", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "exponent of the interpolation"),
        ParameterSpec(
            "transition-begin", .integer(minimum: 0), default: .number(0),
            "updates that keep η₀ before the transition starts"),
    ]
}
