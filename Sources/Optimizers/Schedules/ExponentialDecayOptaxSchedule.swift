import Foundation
import Parameters

/// optax `exponential_decay`: exponential decay with transition steps, optional staircase, a
/// delayed start and an optional bound.
///
/// d = k − transitionBegin; p = d/transitionSteps (⌊p⌋ when staircase);
/// lr(k) = η₀ for d ≤ 0, η₀·rateᵖ otherwise; then, with an end value, max(lr, end) when rate < 1
/// and min(lr, end) when rate > 1. Computed with optax's operations in float64, so the values equal
/// optax's bit for bit when optax evaluates on Python ints (inside an optax optimizer the int32
/// count makes optax compute in float32, about 1e−8 relative; reference §B.0).
/// Source: google-deepmind/optax:optax/schedules/_schedule.py `exponential_decay`; reference §B.2.
public struct ExponentialDecayOptaxSchedule: Schedule {
    public let baseLearningRate: Double
    public let transitionSteps: Int
    public let decayRate: Double
    public let transitionBegin: Int
    public let staircase: Bool
    /// nil: no bound.
    public let endValue: Double?

    public init(
        baseLearningRate: Double, transitionSteps: Int, decayRate: Double, transitionBegin: Int = 0,
        staircase: Bool = false, endValue: Double? = nil
    ) {
        self.baseLearningRate = baseLearningRate
        self.transitionSteps = transitionSteps
        self.decayRate = decayRate
        self.transitionBegin = transitionBegin
        self.staircase = staircase
        self.endValue = endValue
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double { rate(atExponent: exponent(at: step)) }

    /// With staircase, one `pow` per run of equal exponents (every `transitionSteps` updates). Without,
    /// the exponent changes at every step after `transitionBegin`, so there is nothing to share.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        guard staircase else { return self.rates(stepByStepFrom: first, into: rates) }
        self.rates(from: first, into: rates, key: exponent(at:), value: rate(atExponent:))
    }

    /// p = (k − transitionBegin)/transitionSteps (⌊p⌋ with staircase); −1 while k ≤ transitionBegin.
    @inlinable
    func exponent(at step: Int) -> Double {
        let decreased = step - transitionBegin
        guard decreased > 0 else { return -1 }
        let exponent = Double(decreased) / Double(transitionSteps)
        return staircase ? exponent.rounded(.down) : exponent
    }

    @inlinable
    func rate(atExponent exponent: Double) -> Double {
        let decayed = exponent < 0 ? baseLearningRate : baseLearningRate * pow(decayRate, exponent)
        guard let endValue else { return decayed }
        return decayRate < 1 ? max(decayed, endValue) : min(decayed, endValue)
    }
}

extension ScheduleKind {
    public static let exponentialOptax = ScheduleKind(
        name: "exponential-optax",
        summary:
            "optax exponential_decay: η₀·decay-rate^((k − transition-begin)/transition-steps), optional staircase and "
            + "end value.",
        formula: """
            d = k − transition-begin; p = d/transition-steps (⌊p⌋ if staircase)
            lr(k) = η₀ for d ≤ 0, η₀·decay-rate^p otherwise; clipped at end-value from below (decay-rate < 1) \
            or above (decay-rate > 1)
            """,
        conventions: """
            optax exponential_decay with init_value = η₀, computed in float64 with optax's operations (equal \
            bit for bit to optax on Python-int counts; optax's int32 count inside an optimizer gives float32, \
            ~1e−8 relative). optax silently turns transition_steps ≤ 0 or decay_rate = 0 into a constant and a \
            negative transition_begin into 0; gdbench rejects these values instead. end-value 0 means no bound \
            (optax's None). With transition-steps s and staircase it equals torch StepLR(s, decay-rate); with \
            transition-steps 1 it equals torch ExponentialLR.
            """,
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py exponential_decay",
            "gdbench reference §B.0, §B.2, §B.3",
        ],
        parameters: exponentialOptaxParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: exponentialOptaxParameters, kind: "exponential-optax")
            let endValue = try read.number("end-value")
            return ExponentialDecayOptaxSchedule(
                baseLearningRate: baseLearningRate, transitionSteps: try read.integer("transition-steps"),
                decayRate: try read.number("decay-rate"), transitionBegin: try read.integer("transition-begin"),
                staircase: try read.flag("staircase"), endValue: endValue == 0 ? nil : endValue)
        }
    ).benchmarked("{kind: exponential-optax, decay-rate: 0.5, transition-steps: 50000}")

    private static let exponentialOptaxParameters: [ParameterSpec] = [
        ParameterSpec(
            "decay-rate", .number(minimum: 0, maximum: nil, minimumIsOpen: true),
            "factor per transition-steps updates (required)"),
        ParameterSpec(
            "transition-steps", .integer(minimum: 1), default: .number(1),
            "updates per factor decay-rate"),
        ParameterSpec(
            "transition-begin", .integer(minimum: 0), default: .number(0),
            "updates that keep η₀ before the decay starts"),
        ParameterSpec("staircase", .flag, default: .flag(false), "decay in whole steps of transition-steps"),
        ParameterSpec(
            "end-value", .number(minimum: 0, maximum: nil), default: .number(0),
            "bound on the lr (lower if decay-rate < 1, upper if > 1); 0: no bound"),
    ]
}
