import Parameters

/// Inverse-square-root decay with linear warm-up, in the form used by fairseq-like code.
///
/// lr(k) = η₀·min(s/w, √(w/s)) with the 1-based s = k + 1: linear up to the peak η₀ at s = w, then
/// η₀·√(w/s). Equal to torch `LambdaLR(opt, lambda e: min((e+1)/w, sqrt(w/(e+1))))` with the same
/// operations (bit-identical). It is the Noam schedule rescaled to peak η₀.
/// Source: reference §B.4; Vaswani et al. 2017.
public struct InverseSqrtSchedule: Schedule {
    public let baseLearningRate: Double
    public let warmupSteps: Int

    public init(baseLearningRate: Double, warmupSteps: Int = 4000) {
        self.baseLearningRate = baseLearningRate
        self.warmupSteps = warmupSteps
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        let s = Double(step + 1)
        let w = Double(warmupSteps)
        return baseLearningRate * min(s / w, (w / s).squareRoot())
    }

    /// Two divisions and a square root: cheaper beside each step than in a block.
    public var readsInBlocks: Bool { false }
}

extension ScheduleKind {
    public static let inverseSqrt = ScheduleKind(
        name: "inverse-sqrt",
        summary: "Inverse square root with linear warm-up: η₀·min(s/warmup-steps, √(warmup-steps/s)), s = k + 1.",
        formula: "s = k + 1; lr(k) = η₀·min(s/warmup-steps, √(warmup-steps/s)); peak η₀ at s = warmup-steps",
        conventions: """
            The fairseq-style form of the Transformer schedule, normalised so that the peak is the optimizer's \
            lr η₀; 1-based s as in Vaswani et al. In torch: LambdaLR with this lambda of e + 1. optax has no \
            inverse-sqrt schedule.
            """,
        references: [
            "Vaswani et al. 2017, Attention Is All You Need (NeurIPS), eq. 3",
            "pytorch/pytorch:torch/optim/lr_scheduler.py LambdaLR",
            "gdbench reference §B.4",
        ],
        parameters: inverseSqrtParameters,
        make: { parameters, baseLearningRate in
            let read = try ParameterReader(parameters, specs: inverseSqrtParameters, kind: "inverse-sqrt")
            return InverseSqrtSchedule(
                baseLearningRate: baseLearningRate, warmupSteps: try read.integer("warmup-steps"))
        }
    ).benchmarked("{kind: inverse-sqrt, warmup-steps: 500}")

    private static let inverseSqrtParameters: [ParameterSpec] = [
        ParameterSpec("warmup-steps", .integer(minimum: 1), default: .number(4000), "s at which the lr peaks at η₀")
    ]
}
