import Foundation
import Parameters

/// optax `cosine_onecycle_schedule` and `linear_onecycle_schedule`: piecewise interpolation
/// (optax `piecewise_interpolate_schedule`) between fixed boundary values.
///
/// Boundaries 0 = b₀ ≤ b₁ < … < b_n = T (whole updates) with values v₀ … v_n, where v₀ = peak/div and
/// v_{i+1} = v_i·scale_i (optax's cumulative product):
/// * cosine: b = (0, ⌊pctStart·T⌋, T), scales (div, 1/(div·finalDiv)): peak at ⌊pctStart·T⌋;
/// * linear: b = (0, ⌊pctStart·T⌋, ⌊pctFinal·T⌋, T), scales (div, 1/div, 1/finalDiv): up to the peak,
///   back to peak/div, then to peak/(div·finalDiv).
/// For b_i ≤ k < b_{i+1}: pct = (k − b_i)/(b_{i+1} − b_i);
/// cosine: v_{i+1} + (v_i − v_{i+1})/2·(cos(π·pct) + 1),
/// linear: (v_{i+1} − v_i)·pct + v_i; for k ≥ T: v_n. optax defaults: pct_start 0.3, pct_final 0.85,
/// div_factor 25, final_div_factor 1e4. Same operations as optax in float64: bit-identical on
/// Python-int counts (inside an optax optimizer the int32 count gives float32; reference §B.0).
///
/// The peak is `peakValue`, not the optimizer's lr (the schedule is the whole lr in optax). optax
/// reaches the peak one update later than torch `OneCycleLR` and its cosine warm-up has one more
/// interval (reference §B.2, §B.3).
/// Source: google-deepmind/optax:optax/schedules/_schedule.py; Smith & Topin 2019.
public struct OneCycleOptaxSchedule: Schedule {
    public enum Interpolation: Sendable {
        case cosine
        case linear
    }

    public let interpolation: Interpolation
    /// 0 = b₀ ≤ b₁ < … < b_n = T.
    public let boundaries: [Int]
    /// v₀ … v_n.
    public let values: [Double]

    /// optax `cosine_onecycle_schedule(transitionSteps, peakValue, pctStart, divFactor, finalDivFactor)`.
    public static func cosine(
        transitionSteps: Int, peakValue: Double, pctStart: Double = 0.3,
        divFactor: Double = 25, finalDivFactor: Double = 1e4
    ) throws -> Self {
        let peakStep = try boundary(pctStart, key: "pct-start", transitionSteps: transitionSteps, after: -1)
        guard peakStep < transitionSteps else {
            throw ParameterError(
                key: "pct-start", expected: "a fraction with ⌊pct-start·transition-steps⌋ < transition-steps",
                found: ParameterValue.number(pctStart).summary)
        }
        let initial = peakValue / divFactor
        let peak = initial * divFactor
        return Self(
            interpolation: .cosine, boundaries: [0, peakStep, transitionSteps],
            values: [initial, peak, peak * (1.0 / (divFactor * finalDivFactor))])
    }

    /// optax `linear_onecycle_schedule(transitionSteps, peakValue, pctStart, pctFinal, divFactor, finalDivFactor)`.
    public static func linear(
        transitionSteps: Int, peakValue: Double, pctStart: Double = 0.3, pctFinal: Double = 0.85,
        divFactor: Double = 25, finalDivFactor: Double = 1e4
    ) throws -> Self {
        let peakStep = try boundary(pctStart, key: "pct-start", transitionSteps: transitionSteps, after: -1)
        let returnStep = try boundary(pctFinal, key: "pct-final", transitionSteps: transitionSteps, after: peakStep)
        guard returnStep < transitionSteps else {
            throw ParameterError(
                key: "pct-final", expected: "a fraction with ⌊pct-final·transition-steps⌋ < transition-steps",
                found: ParameterValue.number(pctFinal).summary)
        }
        let initial = peakValue / divFactor
        let peak = initial * divFactor
        let back = peak * (1.0 / divFactor)
        return Self(
            interpolation: .linear, boundaries: [0, peakStep, returnStep, transitionSteps],
            values: [initial, peak, back, back * (1.0 / finalDivFactor)])
    }

    /// ⌊fraction·T⌋ (Python's int()), which must exceed the previous boundary: optax keys the
    /// boundaries in a dict, so equal boundaries would silently merge.
    private static func boundary(_ fraction: Double, key: String, transitionSteps: Int, after previous: Int) throws
        -> Int
    {
        let step = Int((fraction * Double(transitionSteps)).rounded(.towardZero))
        guard step > previous else {
            throw ParameterError(
                key: key,
                expected:
                    "a fraction whose boundary ⌊\(key)·transition-steps⌋ comes after the previous one (\(previous))",
                found: ParameterValue.number(fraction).summary)
        }
        return step
    }

    private init(interpolation: Interpolation, boundaries: [Int], values: [Double]) {
        self.interpolation = interpolation
        self.boundaries = boundaries
        self.values = values
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let last = boundaries.count - 1
        if step >= boundaries[last] { return values[last] }
        return rate(at: step, inSegment: segment(containing: step))
    }

    /// The segment searched once per run of steps inside it, not at every step.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        guard first >= 0 else { return self.rates(stepByStepFrom: first, into: rates) }
        let last = boundaries.count - 1
        var index = 0
        while index < rates.count {
            let step = first + index
            if step >= boundaries[last] {
                UnsafeMutableBufferPointer(rebasing: rates[index...]).initialize(repeating: values[last])
                return
            }
            let segment = segment(containing: step)
            let end = segment < last - 1 ? boundaries[segment + 1] : boundaries[last]
            let runEnd = end - step >= rates.count - index ? rates.count : index + (end - step)
            while index < runEnd {
                rates[index] = rate(at: first + index, inSegment: segment)
                index += 1
            }
        }
    }

    /// The i with b_i ≤ k < b_{i+1} (0 below b₁), for k < T.
    @inlinable
    func segment(containing step: Int) -> Int {
        let last = boundaries.count - 1
        var index = 0
        while index < last - 1 && step >= boundaries[index + 1] { index += 1 }
        return index
    }

    @inlinable
    func rate(at step: Int, inSegment index: Int) -> Double {
        let start = values[index]
        let end = values[index + 1]
        let pct = Double(step - boundaries[index]) / Double(max(boundaries[index + 1] - boundaries[index], 1))
        switch interpolation {
        case .cosine: return end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1)
        case .linear: return (end - start) * pct + start
        }
    }
}

extension ScheduleKind {
    public static let oneCycleCosineOptax = ScheduleKind(
        name: "one-cycle-cosine-optax",
        summary:
            "optax cosine_onecycle_schedule: cosine up to peak-value at ⌊pct-start·T⌋, then down to "
            + "peak/(div·final-div) at T.",
        formula: """
            b₁ = ⌊pct-start·T⌋, v₀ = peak-value/div-factor, v₁ = v₀·div-factor, v₂ = v₁/(div-factor·final-div-factor)
            k < b₁: pct = k/b₁, lr = v₁ + (v₀ − v₁)(1 + cos(π·pct))/2; b₁ ≤ k < T: pct = (k − b₁)/(T − b₁), \
            lr = v₂ + (v₁ − v₂)(1 + cos(π·pct))/2; k ≥ T: v₂
            """,
        conventions: """
            optax cosine_onecycle_schedule (T = transition-steps). The peak is at update ⌊pct-start·T⌋, one \
            update after torch OneCycleLR (kind one-cycle) whose warm-up has one interval less. The optimizer's \
            lr is ignored: peak-value sets the peak. No momentum cycling. Bit-identical to optax on Python-int \
            counts (int32 counts inside an optax optimizer give float32).
            """,
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py cosine_onecycle_schedule, "
                + "piecewise_interpolate_schedule",
            "Smith & Topin 2019, Super-Convergence (SPIE 11006)",
            "gdbench reference §B.2, §B.3",
        ],
        parameters: oneCycleCosineOptaxParameters,
        make: { parameters, _ in
            let read = try ParameterReader(
                parameters, specs: oneCycleCosineOptaxParameters, kind: "one-cycle-cosine-optax")
            return try OneCycleOptaxSchedule.cosine(
                transitionSteps: try read.integer("transition-steps"), peakValue: try read.number("peak-value"),
                pctStart: try read.number("pct-start"), divFactor: try read.number("div-factor"),
                finalDivFactor: try read.number("final-div-factor"))
        }
    ).benchmarked("{kind: one-cycle-cosine-optax, transition-steps: 200000, peak-value: 1e-3}")

    public static let oneCycleLinearOptax = ScheduleKind(
        name: "one-cycle-linear-optax",
        summary:
            "optax linear_onecycle_schedule: three linear phases, up to peak-value, back to peak/div, then to "
            + "peak/(div·final-div).",
        formula: """
            b₁ = ⌊pct-start·T⌋, b₂ = ⌊pct-final·T⌋; v₀ = peak-value/div-factor, v₁ = v₀·div-factor, \
            v₂ = v₁/div-factor, v₃ = v₂/final-div-factor
            b_i ≤ k < b_{i+1}: lr = v_i + (v_{i+1} − v_i)·(k − b_i)/(b_{i+1} − b_i) (b₀ = 0, b₃ = T); k ≥ T: v₃
            """,
        conventions: """
            optax linear_onecycle_schedule (T = transition-steps). Not the same as torch OneCycleLR(linear, \
            three_phase=True): the phase boundaries differ. The optimizer's lr is ignored: peak-value sets the \
            peak. No momentum cycling. Bit-identical to optax on Python-int counts.
            """,
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py linear_onecycle_schedule, "
                + "piecewise_interpolate_schedule",
            "Smith & Topin 2019, Super-Convergence (SPIE 11006)",
            "gdbench reference §B.2, §B.3",
        ],
        parameters: oneCycleLinearOptaxParameters,
        make: { parameters, _ in
            let read = try ParameterReader(
                parameters, specs: oneCycleLinearOptaxParameters, kind: "one-cycle-linear-optax")
            return try OneCycleOptaxSchedule.linear(
                transitionSteps: try read.integer("transition-steps"), peakValue: try read.number("peak-value"),
                pctStart: try read.number("pct-start"), pctFinal: try read.number("pct-final"),
                divFactor: try read.number("div-factor"), finalDivFactor: try read.number("final-div-factor"))
        }
    ).benchmarked("{kind: one-cycle-linear-optax, transition-steps: 200000, peak-value: 1e-3}")

    private static let oneCycleCosineOptaxParameters = oneCycleOptaxPhases + oneCycleOptaxDivisors

    private static let oneCycleLinearOptaxParameters =
        oneCycleOptaxPhases + [
            ParameterSpec(
                "pct-final", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true),
                default: .number(0.85),
                "fraction of the cycle at which the lr is back at the initial lr (after pct-start)")
        ] + oneCycleOptaxDivisors

    /// The cycle's length, peak and warm-up fraction, shared by both one-cycle kinds.
    private static let oneCycleOptaxPhases: [ParameterSpec] = [
        ParameterSpec("transition-steps", .integer(minimum: 1), "updates in the cycle (required)"),
        ParameterSpec(
            "peak-value", .number(minimum: 0, maximum: nil, minimumIsOpen: true),
            "peak learning rate (required; replaces the optimizer's lr)"),
        ParameterSpec(
            "pct-start", .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .number(0.3),
            "fraction of the cycle spent increasing the lr"),
    ]

    /// The initial and final learning rates as divisors of the peak, shared by both one-cycle kinds.
    private static let oneCycleOptaxDivisors: [ParameterSpec] = [
        ParameterSpec(
            "div-factor", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(25),
            "initial lr = peak-value/div-factor"),
        ParameterSpec(
            "final-div-factor", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1e4),
            "final lr = initial lr/final-div-factor"),
    ]
}
