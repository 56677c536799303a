import Parameters

/// torch `ConstantLR`: the learning rate scaled by a constant factor for the first updates, then
/// the base learning rate.
///
/// lr(k) = η₀·factor for k < totalIters, η₀ after. torch defaults: factor 1/3, total_iters 5.
/// torch computes it recursively (multiplies by factor at e = 0 and by 1/factor at e = total_iters),
/// so its values equal these up to rounding.
/// Source: pytorch/pytorch:torch/optim/lr_scheduler.py `ConstantLR`; reference §B.1.
public struct ConstantFactorSchedule: Schedule {
    public let baseLearningRate: Double
    public let factor: Double
    public let totalIters: Int

    public init(baseLearningRate: Double, factor: Double = 1.0 / 3.0, totalIters: Int = 5) {
        self.baseLearningRate = baseLearningRate
        self.factor = factor
        self.totalIters = totalIters
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        step < totalIters ? baseLearningRate * factor : baseLearningRate
    }

    /// A compare and a multiplication: cheaper beside each step than read from a block.
    public var readsInBlocks: Bool { false }
}

extension ScheduleKind {
    public static let constantFactor = ScheduleKind(
        name: "constant-factor",
        summary: "torch ConstantLR: η₀·factor for the first total-iters updates, then η₀.",
        formula: "lr(k) = η₀·factor for k < total-iters, η₀ for k ≥ total-iters",
        conventions: """
            torch ConstantLR with torch's defaults (factor 1/3, total_iters 5). torch multiplies the current \
            lr by factor at e = 0 and by 1/factor at e = total_iters (recursive), equal to this closed form \
            up to rounding. factor must be in (0, 1] (torch also rejects factor > 1; factor 0 would divide \
            by zero when torch restores η₀).
            """,
        references: ["pytorch/pytorch:torch/optim/lr_scheduler.py ConstantLR", "gdbench reference §B.1"],
        parameters: constantFactorParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: constantFactorParameters, kind: "constant-factor")
            return ConstantFactorSchedule(
                baseLearningRate: baseLearningRate, factor: try read.number("factor"),
                totalIters: try read.integer("total-iters"))
        }
    ).benchmarked("{kind: constant-factor, factor: 0.5, total-iters: 500}")

    private static let constantFactorParameters: [ParameterSpec] = [
        ParameterSpec(
            "factor", .number(minimum: 0, maximum: 1, minimumIsOpen: true), default: .number(1.0 / 3.0),
            "multiplier of η₀ during the first total-iters updates"),
        ParameterSpec(
            "total-iters", .integer(minimum: 0), default: .number(5),
            "number of updates that use η₀·factor"),
    ]
}
