import Foundation
import Parameters

/// torch `OneCycleLR` (Smith & Topin 2019): warm up from maxLR/divFactor to maxLR, then anneal to
/// maxLR/(divFactor·finalDivFactor); optionally three phases (up, back down to the initial lr, then
/// to the minimum).
///
/// initial = maxLR/div, min = initial/finalDiv. Phase ends (float): E₁ = pctStart·T − 1, E₂ = T − 1;
/// three-phase: E₁ = pctStart·T − 1, E₂ = 2·pctStart·T − 2, E₃ = T − 1. In the phase with
/// E_{i−1} < k ≤ E_i (E₀ = 0; the last phase takes every later k),
/// pct = (k − E_{i−1})/(E_i − E_{i−1}) and
/// cos: lr = end + (start − end)/2·(cos(π·pct) + 1); linear: lr = (end − start)·pct + start.
/// torch defaults: pct_start 0.3, anneal_strategy cos, div_factor 25, final_div_factor 1e4,
/// three_phase false. Same operations as torch: bit-identical for k < T.
///
/// torch raises when stepped past total_steps; gdbench holds the value of the last update
/// k = T − 1 from then on. torch overwrites the optimizer's lr (with max_lr/div_factor), so η₀ is
/// ignored. gdbench's schedules drive only the learning rate: torch's momentum/β₁ cycling
/// (cycle_momentum=True by default) is not part of this schedule, which matches cycle_momentum=False.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `OneCycleLR`; Smith & Topin 2019; reference §B.1.
public struct OneCycleSchedule: Schedule {
    public enum Annealing: String, Sendable, CaseIterable {
        case cos
        case linear
    }

    /// One phase: lr from `startValue` to `endValue` for E_{i−1} < k ≤ `endStep`.
    public struct Phase: Sendable {
        public let endStep: Double
        public let startValue: Double
        public let endValue: Double
    }

    public let totalSteps: Int
    public let annealing: Annealing
    public let phases: [Phase]

    /// Throws when a phase would be empty (pct-start·total-steps must exceed 1, and the phase ends
    /// must increase), where torch would divide by zero.
    public init(
        maxLR: Double, totalSteps: Int, pctStart: Double = 0.3, annealing: Annealing = .cos,
        divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false
    ) throws {
        let initialLR = maxLR / divFactor
        let minLR = initialLR / finalDivFactor
        let firstEnd = pctStart * Double(totalSteps) - 1
        let lastEnd = Double(totalSteps - 1)
        if threePhase {
            phases = [
                Phase(endStep: firstEnd, startValue: initialLR, endValue: maxLR),
                Phase(endStep: 2 * pctStart * Double(totalSteps) - 2, startValue: maxLR, endValue: initialLR),
                Phase(endStep: lastEnd, startValue: initialLR, endValue: minLR),
            ]
        } else {
            phases = [
                Phase(endStep: firstEnd, startValue: initialLR, endValue: maxLR),
                Phase(endStep: lastEnd, startValue: maxLR, endValue: minLR),
            ]
        }
        var previousEnd = 0.0
        for phase in phases {
            guard phase.endStep > previousEnd else {
                throw ParameterError(
                    key: "pct-start",
                    expected: "a fraction that leaves every phase at least one update (pct-start·total-steps > 1"
                        + (threePhase ? ", 2·pct-start·total-steps < total-steps + 1)" : ", pct-start < 1)"),
                    found: ParameterValue.number(pctStart).summary + " with total-steps \(totalSteps)")
            }
            previousEnd = phase.endStep
        }
        self.totalSteps = totalSteps
        self.annealing = annealing
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let stepNumber = Double(min(step, totalSteps - 1))
        var startStep = 0.0
        var index = 0
        while index < phases.count - 1 && stepNumber > phases[index].endStep {
            startStep = phases[index].endStep
            index += 1
        }
        let phase = phases[index]
        let pct = (stepNumber - startStep) / (phase.endStep - startStep)
        switch annealing {
        case .cos:
            return phase.endValue + (phase.startValue - phase.endValue) / 2.0 * (cos(Double.pi * pct) + 1)
        case .linear:
            return (phase.endValue - phase.startValue) * pct + phase.startValue
        }
    }

    /// One `cos` per step, whose cost a block does not share (it measured slower in blocks).
    public var readsInBlocks: Bool { false }
}

extension ScheduleKind {
    public static let oneCycle = ScheduleKind(
        name: "one-cycle",
        summary:
            "torch OneCycleLR: warm up to max-lr, anneal to max-lr/(div-factor·final-div-factor) over total-steps.",
        formula: """
            initial = max-lr/div-factor, min = initial/final-div-factor
            phase ends E₁ = pct-start·T − 1, E₂ = T − 1 (three-phase: E₂ = 2·pct-start·T − 2, E₃ = T − 1), E₀ = 0
            in phase i: pct = (k − E_{i−1})/(E_i − E_{i−1}); cos: end + (start − end)(1 + cos(π·pct))/2; \
            linear: start + (end − start)·pct
            two phases: initial → max-lr → min; three phases: initial → max-lr → initial → min
            """,
        conventions: """
            torch OneCycleLR with cycle_momentum=False: gdbench's schedules drive only the learning rate, so \
            torch's default momentum/β₁ cycling (0.95 → 0.85 → 0.95) is not reproduced. torch overwrites the \
            optimizer's lr, so η₀ is ignored: max-lr sets the peak. torch reaches the peak at update \
            pct-start·T − 1, one update before optax's cosine_onecycle_schedule (one-cycle-cosine-optax). \
            torch raises past total-steps; gdbench keeps the value of update total-steps − 1. pct-start must \
            give every phase at least one update (torch divides by zero when pct-start·total-steps = 1 and \
            behaves oddly below). Same operations as torch (bit-identical).
            """,
        references: [
            "pytorch/pytorch:torch/optim/lr_scheduler.py OneCycleLR",
            "Smith & Topin 2019, Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates "
                + "(SPIE 11006)",
            "gdbench reference §B.1, §B.3",
        ],
        parameters: oneCycleParameters,
        make: { parameters, _ in
            let read = try ParameterReader(parameters, specs: oneCycleParameters, kind: "one-cycle")
            let annealingName = try read.choice("anneal-strategy")
            guard let annealing = OneCycleSchedule.Annealing(rawValue: annealingName) else {
                throw ParameterError(key: "anneal-strategy", expected: "cos or linear", found: annealingName)
            }
            return try OneCycleSchedule(
                maxLR: try read.number("max-lr"), totalSteps: try read.integer("total-steps"),
                pctStart: try read.number("pct-start"), annealing: annealing,
                divFactor: try read.number("div-factor"), finalDivFactor: try read.number("final-div-factor"),
                threePhase: try read.flag("three-phase"))
        }
    ).benchmarked("{kind: one-cycle, max-lr: 1e-3, total-steps: 200000}")

    private static let oneCycleParameters: [ParameterSpec] = [
        ParameterSpec(
            "max-lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true),
            "peak learning rate (required; replaces the optimizer's lr)"),
        ParameterSpec("total-steps", .integer(minimum: 2), "updates in the cycle (required)"),
        ParameterSpec(
            "pct-start", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true),
            default: .number(0.3),
            "fraction of the cycle spent increasing the lr (every phase must span at least one update)"),
        ParameterSpec(
            "anneal-strategy", .choice(OneCycleSchedule.Annealing.allCases.map(\.rawValue)),
            default: .text("cos"), "interpolation within a phase"),
        ParameterSpec(
            "div-factor", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(25),
            "initial lr = max-lr/div-factor"),
        ParameterSpec(
            "final-div-factor", .number(minimum: 0, maximum: nil, minimumIsOpen: true),
            default: .number(1e4), "minimum lr = initial lr/final-div-factor"),
        ParameterSpec(
            "three-phase", .flag, default: .flag(false),
            "use a third phase (back down to the initial lr before the final annealing)"),
    ]
}
