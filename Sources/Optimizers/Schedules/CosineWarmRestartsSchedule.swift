import Foundation
import Parameters

/// torch `CosineAnnealingWarmRestarts` (SGDR): cosine annealing from η₀ to η_min that restarts at
/// η₀, the i-th cycle lasting T_i = T_0·T_multⁱ updates.
///
/// lr(k) = η_min + (η₀ − η_min)·(1 + cos(π·T_cur/T_i))/2, where cycle n starts at
/// S(n) = T_0·(T_multⁿ − 1)/(T_mult − 1) (S(n) = n·T_0 when T_mult = 1), T_cur = k − S(n) and
/// T_i = T_0·T_multⁿ for the n with S(n) ≤ k < S(n+1). torch defaults: T_mult 1, eta_min 0.
/// torch advances T_cur by one per step and wraps it; gdbench finds the cycle from k in integer
/// arithmetic (``cyclePosition(_:)``), so a schedule needs no state. Both then evaluate the
/// same expression on the same integers, so the values agree bit for bit.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `CosineAnnealingWarmRestarts`;
/// Loshchilov & Hutter 2017 (SGDR); reference §B.1.
public struct CosineWarmRestartsSchedule: Schedule {
    public let baseLearningRate: Double
    public let t0: Int
    public let tMult: Int
    public let etaMin: Double

    public init(baseLearningRate: Double, t0: Int, tMult: Int = 1, etaMin: Double = 0) {
        self.baseLearningRate = baseLearningRate
        self.t0 = t0
        self.tMult = tMult
        self.etaMin = etaMin
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let (stepInCycle, cycleLength) = cyclePosition(step)
        return rate(stepInCycle: stepInCycle, cycleLength: cycleLength)
    }

    /// T_cur advanced by one per step within a cycle; the cycle is searched again only where one ends.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        guard first >= 0 else { return self.rates(stepByStepFrom: first, into: rates) }
        var (stepInCycle, cycleLength) = cyclePosition(first)
        for index in rates.indices {
            rates[index] = rate(stepInCycle: stepInCycle, cycleLength: cycleLength)
            stepInCycle += 1
            if stepInCycle == cycleLength && index + 1 < rates.count {
                (stepInCycle, cycleLength) = cyclePosition(first + index + 1)
            }
        }
    }

    @inlinable
    func rate(stepInCycle: Int, cycleLength: Int) -> Double {
        etaMin + (baseLearningRate - etaMin) * (1 + cos(Double.pi * Double(stepInCycle) / Double(cycleLength))) / 2
    }

    /// torch's (T_cur, T_i) after `step` scheduler steps (k ≥ 0; negative k count as 0), in exact integer
    /// arithmetic: S(n) ≤ k ⟺ T_multⁿ ≤ ⌊k/T_0⌋·(T_mult − 1) + 1, so n is found by O(n) multiplications.
    /// Where that bound overflows (k near Int.max), a logarithm estimates n and integer steps correct it.
    @inlinable
    public func cyclePosition(_ step: Int) -> (stepInCycle: Int, cycleLength: Int) {
        let step = max(step, 0)
        if tMult == 1 { return (step % t0, t0) }
        let (scaled, overflow) = (step / t0).multipliedReportingOverflow(by: tMult - 1)
        if !overflow && scaled < .max {
            let limit = (scaled + 1) / tMult
            var power = 1
            while power <= limit { power *= tMult }
            return (step - t0 * ((power - 1) / (tMult - 1)), Self.saturatingProduct(t0, power))
        }
        let estimate = log(Double(step) * Double(tMult - 1) / Double(t0) + 1) / log(Double(tMult))
        var cycle = max(0, Int(estimate.rounded(.down)))
        while cycle > 0 && cycleStart(cycle) > step { cycle -= 1 }
        while true {
            let next = cycleStart(cycle + 1)
            if next == .max || next > step { break }
            cycle += 1
        }
        return (step - cycleStart(cycle), cycleLength(cycle))
    }

    /// S(n) = T_0·(T_multⁿ − 1)/(T_mult − 1) (T_mult ≥ 2), saturating at Int.max.
    @usableFromInline
    func cycleStart(_ cycle: Int) -> Int {
        let power = Self.saturatingPower(tMult, cycle)
        if power == .max { return .max }
        return Self.saturatingProduct(t0, (power - 1) / (tMult - 1))
    }

    /// T_i = T_0·T_multⁿ, saturating at Int.max.
    @usableFromInline
    func cycleLength(_ cycle: Int) -> Int {
        Self.saturatingProduct(t0, Self.saturatingPower(tMult, cycle))
    }

    /// baseᵉˣᵖᵒⁿᵉⁿᵗ by repeated squaring, saturating at Int.max.
    @usableFromInline
    static func saturatingPower(_ base: Int, _ exponent: Int) -> Int {
        var result = 1
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = saturatingProduct(result, factor) }
            remaining >>= 1
            if remaining > 0 { factor = saturatingProduct(factor, factor) }
        }
        return result
    }

    @usableFromInline
    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        if a == .max || b == .max { return .max }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }
}

extension ScheduleKind {
    public static let cosineWarmRestarts = ScheduleKind(
        name: "cosine-warm-restarts",
        summary:
            "torch CosineAnnealingWarmRestarts (SGDR): cosine cycles from η₀ to eta-min, each t-mult times longer.",
        formula: """
            cycle n covers S(n) ≤ k < S(n+1), S(n) = t-0·(t-mult^n − 1)/(t-mult − 1) (n·t-0 if t-mult = 1)
            T_cur = k − S(n), T_i = t-0·t-mult^n
            lr(k) = eta-min + (η₀ − eta-min)·(1 + cos(π·T_cur/T_i))/2
            """,
        conventions: """
            torch CosineAnnealingWarmRestarts: lr = η₀ at every restart k = S(n). torch counts T_cur step by \
            step; gdbench computes the cycle in closed form and evaluates torch's expression on the same \
            integers (bit-identical). optax sgdr_schedule with cycles of decay_steps t-0·t-mult^i, warmup 0 \
            and end_value eta-min gives the same values for the listed cycles and then ends.
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py CosineAnnealingWarmRestarts",
            "google-deepmind/optax:optax/schedules/_schedule.py sgdr_schedule",
            "Loshchilov & Hutter 2017, SGDR: Stochastic Gradient Descent with Warm Restarts (ICLR)",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: cosineWarmRestartsParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(
                parameters, specs: cosineWarmRestartsParameters, kind: "cosine-warm-restarts")
            return CosineWarmRestartsSchedule(
                baseLearningRate: baseLearningRate, t0: try read.integer("t-0"), tMult: try read.integer("t-mult"),
                etaMin: try read.number("eta-min"))
        }
    ).benchmarked("{kind: cosine-warm-restarts, t-0: 500, t-mult: 2}")

    private static let cosineWarmRestartsParameters: [ParameterSpec] = [
        ParameterSpec("t-0", .integer(minimum: 1), "length of the first cycle in updates (required)"),
        ParameterSpec("t-mult", .integer(minimum: 1), default: .number(1), "growth factor of the cycle length"),
        ParameterSpec("eta-min", .number(minimum: 0, maximum: nil), default: .number(0), "lowest learning rate"),
    ]
}
