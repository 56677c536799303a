import Foundation
import Parameters

/// The Transformer ("Noam") inverse-square-root schedule of Vaswani et al. 2017, eq. 3.
///
/// lr(k) = η₀·d_model^(−1/2)·min(s^(−1/2), s·w^(−3/2)) with the **1-based** s = k + 1: linear up to
/// s = w, peak η₀·(d_model·w)^(−1/2) at s = w, then ∝ s^(−1/2). The paper's schedule is η₀ = 1,
/// d_model = 512, w = 4000 (the defaults here; set the optimizer's lr to 1 for it). Equal to torch
/// `LambdaLR(opt, lambda e: f(e + 1))` with the same operations (bit-identical). optax has no
/// inverse-sqrt schedule.
/// Source: Vaswani et al. 2017, Attention Is All You Need, eq. 3; reference §B.4.
public struct NoamSchedule: Schedule {
    public let baseLearningRate: Double
    public let modelDimension: Int
    public let warmupSteps: Int
    @usableFromInline let modelScale: Double
    @usableFromInline let warmupScale: Double

    public init(baseLearningRate: Double, modelDimension: Int = 512, warmupSteps: Int = 4000) {
        self.baseLearningRate = baseLearningRate
        self.modelDimension = modelDimension
        self.warmupSteps = warmupSteps
        modelScale = pow(Double(modelDimension), -0.5)
        warmupScale = pow(Double(warmupSteps), -1.5)
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let s = Double(step + 1)
        return baseLearningRate * (modelScale * min(pow(s, -0.5), s * warmupScale))
    }
}

extension ScheduleKind {
    public static let noam = ScheduleKind(
        name: "noam",
        summary: "Transformer (Noam) schedule: η₀·d-model^(−1/2)·min(s^(−1/2), s·warmup-steps^(−3/2)), s = k + 1.",
        formula:
            "s = k + 1; lr(k) = η₀·d-model^(−1/2)·min(s^(−1/2), s·warmup-steps^(−3/2)); peak "
            + "η₀·(d-model·warmup-steps)^(−1/2) at s = warmup-steps",
        conventions: """
            Vaswani et al. 2017 eq. 3 with its 1-based step_num s = k + 1, scaled by the optimizer's lr η₀ \
            (η₀ = 1 is the paper's schedule). In torch: LambdaLR(opt, lambda e: f(e + 1)). optax has no \
            inverse-sqrt schedule. See inverse-sqrt for the fairseq form with peak η₀.
            """,
        references: [
            "Vaswani et al. 2017, Attention Is All You Need (NeurIPS), eq. 3",
            "pytorch/pytorch:torch/optim/lr_scheduler.py LambdaLR",
            "gdbench reference §B.0, §B.4",
        ],
        parameters: noamParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: noamParameters, kind: "noam")
            return NoamSchedule(
                baseLearningRate: baseLearningRate, modelDimension: try read.integer("d-model"),
                warmupSteps: try read.integer("warmup-steps"))
        }
    ).benchmarked("{kind: noam, d-model: 1, warmup-steps: 500}")

    private static let noamParameters: [ParameterSpec] = [
        ParameterSpec("d-model", .integer(minimum: 1), default: .number(512), "model width d_model of the paper"),
        ParameterSpec(
            "warmup-steps", .integer(minimum: 1), default: .number(4000),
            "updates of linear warm-up (the peak is at s = warmup-steps)"),
    ]
}
