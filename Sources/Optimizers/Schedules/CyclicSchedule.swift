import Foundation
import Parameters

/// torch `CyclicLR` (Smith 2017): the learning rate cycles between `baseLR` and `maxLR`, rising
/// for `stepSizeUp` updates and falling for `stepSizeDown`, with an amplitude scaled per mode.
///
/// N = up + down, r = up/N; cycle = ⌊1 + k/N⌋, x = 1 + k/N − cycle;
/// s = x/r if x ≤ r else (x − 1)/(r − 1); lr(k) = base + (max − base)·s·scale, with scale 1
/// (triangular), 1/2^(cycle−1) (triangular2) or γᵏ (exp_range). torch defaults: step_size_up 2000,
/// step_size_down = step_size_up, mode triangular, gamma 1. Same operations as torch: bit-identical.
///
/// torch writes base_lr into the optimizer when the scheduler is built, so the optimizer's own lr
/// plays no part; gdbench likewise ignores η₀ here. gdbench's schedules drive only the learning rate:
/// torch's momentum cycling (cycle_momentum=True by default) is not part of this schedule, which
/// therefore matches torch with cycle_momentum=False.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `CyclicLR`; Smith 2017; reference §B.1.
public struct CyclicSchedule: Schedule {
    public enum Mode: String, Sendable, CaseIterable {
        case triangular
        case triangular2
        case expRange = "exp_range"
    }

    public let baseLR: Double
    public let maxLR: Double
    public let stepSizeUp: Int
    public let stepSizeDown: Int
    public let mode: Mode
    public let gamma: Double

    public init(
        baseLR: Double, maxLR: Double, stepSizeUp: Int = 2000, stepSizeDown: Int? = nil,
        mode: Mode = .triangular, gamma: Double = 1
    ) {
        self.baseLR = baseLR
        self.maxLR = maxLR
        self.stepSizeUp = stepSizeUp
        self.stepSizeDown = stepSizeDown ?? stepSizeUp
        self.mode = mode
        self.gamma = gamma
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let totalSize = Double(stepSizeUp) + Double(stepSizeDown)
        let stepRatio = Double(stepSizeUp) / totalSize
        let position = Double(step) / totalSize
        let cycle = (1 + position).rounded(.down)
        let x = 1.0 + position - cycle
        let scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
        let baseHeight = (maxLR - baseLR) * scaleFactor
        let amplitude: Double
        switch mode {
        case .triangular: amplitude = 1
        case .triangular2: amplitude = 1 / pow(2.0, cycle - 1)
        case .expRange: amplitude = pow(gamma, Double(step))
        }
        return baseLR + baseHeight * amplitude
    }
}

extension ScheduleKind {
    public static let cyclic = ScheduleKind(
        name: "cyclic",
        summary: "torch CyclicLR: triangular cycles between base-lr and max-lr (triangular, triangular2, exp_range).",
        formula: """
            N = step-size-up + step-size-down, r = step-size-up/N, cycle = ⌊1 + k/N⌋, x = 1 + k/N − cycle
            s = x/r if x ≤ r, else (x − 1)/(r − 1)
            lr(k) = base-lr + (max-lr − base-lr)·s·scale; scale = 1 (triangular), 1/2^(cycle−1) (triangular2), \
            gamma^k (exp_range)
            """,
        conventions: """
            torch CyclicLR with cycle_momentum=False: gdbench's schedules drive only the learning rate, so \
            torch's default momentum/β₁ cycling is not reproduced. torch overwrites the optimizer's lr with \
            base_lr, so the optimizer's lr (η₀) is ignored: base-lr and max-lr set the range. step-size-down \
            0 means equal to step-size-up (torch's None). Same operations as torch (bit-identical).
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py CyclicLR",
            "Smith 2017, Cyclical Learning Rates for Training Neural Networks (WACV), arXiv:1506.01186",
            "gdbench reference §B.1",
        ],
        parameters: cyclicParameters,
        make: { parameters, _ in
            let read = try ParameterReader(parameters, specs: cyclicParameters, kind: "cyclic")
            let stepSizeDown = try read.integer("step-size-down")
            let modeName = try read.choice("mode")
            guard let mode = CyclicSchedule.Mode(rawValue: modeName) else {
                throw ParameterError(key: "mode", expected: "triangular, triangular2 or exp_range", found: modeName)
            }
            return CyclicSchedule(
                baseLR: try read.number("base-lr"), maxLR: try read.number("max-lr"),
                stepSizeUp: try read.integer("step-size-up"), stepSizeDown: stepSizeDown == 0 ? nil : stepSizeDown,
                mode: mode, gamma: try read.number("gamma"))
        }
    ).benchmarked("{kind: cyclic, base-lr: 1e-4, max-lr: 1e-3, step-size-up: 500}")

    private static let cyclicParameters: [ParameterSpec] = [
        ParameterSpec(
            "base-lr", .number(minimum: 0, maximum: nil),
            "lower end of the cycle (required; replaces the optimizer's lr)"),
        ParameterSpec("max-lr", .number(minimum: 0, maximum: nil), "upper end of the cycle (required)"),
        ParameterSpec(
            "step-size-up", .integer(minimum: 1), default: .number(2000), "updates from base-lr up to max-lr"),
        ParameterSpec(
            "step-size-down", .integer(minimum: 0), default: .number(0),
            "updates from max-lr back down; 0: equal to step-size-up"),
        ParameterSpec(
            "mode", .choice(CyclicSchedule.Mode.allCases.map(\.rawValue)), default: .text("triangular"),
            "amplitude policy"),
        ParameterSpec(
            "gamma", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "per-update amplitude factor of exp_range"),
    ]
}
