import Foundation
import Parameters

/// torch `CosineAnnealingLR`: cosine from η₀ down to η_min over T_max updates, **not clamped**.
///
/// lr(k) = η_min + (η₀ − η_min)·(1 + cos(π·k/T_max))/2. After T_max it rises again (period 2·T_max),
/// as torch does. torch defaults: eta_min 0 (T_max has no default). torch's get_lr is recursive
/// (it multiplies the current lr by a ratio of cosines, with a special case at e = T_max + 1 mod
/// 2·T_max); its values equal this closed form up to rounding (≤ 1e−12 relative over 100 updates in
/// gdbench's golden tests). k is reduced modulo 2·T_max first, so huge k stay accurate.
/// For the clamped optax form see ``CosineDecayOptaxSchedule``.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `CosineAnnealingLR`; Loshchilov & Hutter
/// 2017 (SGDR); reference §B.1.
public struct CosineAnnealingSchedule: Schedule {
    public let baseLearningRate: Double
    public let tMax: Int
    public let etaMin: Double

    public init(baseLearningRate: Double, tMax: Int, etaMin: Double = 0) {
        self.baseLearningRate = baseLearningRate
        self.tMax = tMax
        self.etaMin = etaMin
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double { rate(atPhase: step % (2 * tMax)) }

    /// The phase k mod 2·T_max advanced by one per step instead of a division per step.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        let period = 2 * tMax
        var phase = first % period
        for index in rates.indices {
            rates[index] = rate(atPhase: phase)
            phase += 1
            if phase == period { phase = 0 }
        }
    }

    @inlinable
    func rate(atPhase phase: Int) -> Double {
        etaMin + (baseLearningRate - etaMin) * (1 + cos(Double.pi * Double(phase) / Double(tMax))) / 2
    }
}

extension ScheduleKind {
    public static let cosine = ScheduleKind(
        name: "cosine",
        summary: "torch CosineAnnealingLR: cosine from η₀ to eta-min over t-max updates, periodic afterwards.",
        formula: "lr(k) = eta-min + (η₀ − eta-min)·(1 + cos(π·k/t-max))/2   (rises again after t-max: period 2·t-max)",
        conventions: """
            torch CosineAnnealingLR: unclamped, so for k > t-max the lr climbs back to η₀ at 2·t-max. torch \
            computes it recursively from the current lr; the closed form agrees to ≤ 1e−12 relative. optax \
            cosine_decay_schedule (cosine-optax) is the same up to k = t-max and then stays at eta-min.
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py CosineAnnealingLR",
            "Loshchilov & Hutter 2017, SGDR: Stochastic Gradient Descent with Warm Restarts (ICLR)",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: cosineParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: cosineParameters, kind: "cosine")
            return CosineAnnealingSchedule(
                baseLearningRate: baseLearningRate, tMax: try read.integer("t-max"), etaMin: try read.number("eta-min"))
        }
    ).benchmarked("{kind: cosine, t-max: 200000}")

    private static let cosineParameters: [ParameterSpec] = [
        ParameterSpec("t-max", .integer(minimum: 1), "updates from η₀ down to eta-min (half period; required)"),
        ParameterSpec("eta-min", .number(minimum: 0, maximum: nil), default: .number(0), "lowest learning rate"),
    ]
}
