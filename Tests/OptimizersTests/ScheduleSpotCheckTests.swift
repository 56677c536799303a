import Objectives
import Optimizers
import Testing

/// The [run] sequences printed in the reference (§B.1, §B.2, §B.4; torch 2.15.0 and optax 0.2.8),
/// an independent check of the catalog next to the generated fixtures. The reference prints ten
/// decimals, so values are compared to 1e−10.
struct ScheduleSpotCheckTests {
    static func values(
        _ kind: String, _ parameters: [String: ParameterValue], baseLearningRate: Double = 1,
        count: Int
    ) throws -> [Double] {
        let schedule = try #require(ScheduleCatalog.kind(named: kind)).make(ParameterSet(parameters), baseLearningRate)
        return (0..<count).map { schedule($0) }
    }

    static func expectClose(_ actual: [Double], _ expected: [Double], _ label: String) {
        #expect(actual.count == expected.count)
        for (step, (a, b)) in zip(actual, expected).enumerated() {
            #expect(abs(a - b) <= 1e-10, "\(label) k=\(step): \(a) vs reference \(b)")
        }
    }

    @Test("§B.1 torch StepLR, MultiStepLR, ConstantLR, LinearLR, PolynomialLR")
    func piecewiseAndPolynomial() throws {
        Self.expectClose(
            try Self.values("step", ["step-size": .number(3), "gamma": .number(0.5)], count: 7),
            [1, 1, 1, 0.5, 0.5, 0.5, 0.25], "StepLR(3, 0.5)")
        Self.expectClose(
            try Self.values("multi-step", ["milestones": .numbers([2, 5]), "gamma": .number(0.1)], count: 6),
            [1, 1, 0.1, 0.1, 0.1, 0.01], "MultiStepLR([2, 5], 0.1)")
        Self.expectClose(
            try Self.values("constant-factor", ["factor": .number(0.5), "total-iters": .number(3)], count: 5),
            [0.5, 0.5, 0.5, 1, 1], "ConstantLR(0.5, 3)")
        Self.expectClose(
            try Self.values(
                "linear", ["start-factor": .number(1.0 / 3.0), "end-factor": .number(1), "total-iters": .number(4)],
                count: 6),
            [0.3333333333, 0.5, 0.6666666667, 0.8333333333, 1.0, 1.0], "LinearLR(1/3, 1, 4)")
        Self.expectClose(
            try Self.values("polynomial", ["total-iters": .number(4), "power": .number(2)], count: 6),
            [1.0, 0.5625, 0.25, 0.0625, 0.0, 0.0], "PolynomialLR(4, 2)")
    }

    @Test("§B.1 torch CosineAnnealingLR is periodic, CosineAnnealingWarmRestarts restarts")
    func cosines() throws {
        Self.expectClose(
            try Self.values("cosine", ["t-max": .number(4), "eta-min": .number(0.1)], count: 9),
            [1.0, 0.8681980515, 0.55, 0.2318019485, 0.1, 0.2318019485, 0.55, 0.8681980515, 1.0],
            "CosineAnnealingLR(4, 0.1)")
        Self.expectClose(
            try Self.values("cosine-warm-restarts", ["t-0": .number(2), "t-mult": .number(2)], count: 8),
            [1.0, 0.5, 1.0, 0.8535533906, 0.5, 0.1464466094, 1.0, 0.9619397663],
            "CosineAnnealingWarmRestarts(2, 2)")
    }

    @Test("§B.1 torch OneCycleLR and CyclicLR (cycle_momentum=False)")
    func cycles() throws {
        Self.expectClose(
            try Self.values("one-cycle", ["max-lr": .number(1), "total-steps": .number(10)], count: 10),
            [
                0.04, 0.52, 1.0, 0.950484632, 0.8117456539, 0.6112620219, 0.3887419781, 0.1882583461,
                0.049519368, 4e-06,
            ], "OneCycleLR(1, 10) cos")
        let linear = try Self.values(
            "one-cycle", ["max-lr": .number(1), "total-steps": .number(10), "anneal-strategy": .text("linear")],
            count: 10)
        Self.expectClose(
            [linear[0], linear[1], linear[2], linear[3], linear[8], linear[9]],
            [0.04, 0.52, 1.0, 0.8571434286, 0.1428605714, 4e-06], "OneCycleLR(1, 10) linear")
        Self.expectClose(
            try Self.values(
                "cyclic", ["base-lr": .number(0.1), "max-lr": .number(1), "step-size-up": .number(2)], count: 5),
            [0.1, 0.55, 1.0, 0.55, 0.1], "CyclicLR(0.1, 1, 2)")
        Self.expectClose(
            try Self.values(
                "cyclic",
                [
                    "base-lr": .number(0.1), "max-lr": .number(1), "step-size-up": .number(2),
                    "mode": .text("triangular2"),
                ], count: 10),
            [0.1, 0.55, 1.0, 0.55, 0.1, 0.325, 0.55, 0.325, 0.1, 0.2125], "CyclicLR triangular2")
    }

    @Test("§B.2 optax cosine_decay, warmup_cosine_decay, one-cycle schedules, exponential_decay")
    func optax() throws {
        Self.expectClose(
            try Self.values("cosine-optax", ["decay-steps": .number(4), "alpha": .number(0.1)], count: 7),
            [1.0, 0.8681980515, 0.55, 0.2318019485, 0.1, 0.1, 0.1], "cosine_decay_schedule(1, 4, 0.1)")
        Self.expectClose(
            try Self.values(
                "warmup",
                [
                    "warmup-steps": .number(2), "then": .text("cosine-optax"), "decay-steps": .number(4),
                    "alpha": .number(0.1),
                ], count: 8),
            [0.0, 0.5, 1.0, 0.8681980515, 0.55, 0.2318019485, 0.1, 0.1], "warmup_cosine_decay_schedule(0, 1, 2, 6, 0.1)"
        )
        Self.expectClose(
            try Self.values(
                "one-cycle-cosine-optax", ["transition-steps": .number(10), "peak-value": .number(1)], count: 11),
            [
                0.04, 0.28, 0.76, 1.0, 0.950484632, 0.8117456539, 0.6112620219, 0.3887419781, 0.1882583461, 0.049519368,
                4e-06,
            ], "cosine_onecycle_schedule(10, 1)")
        Self.expectClose(
            try Self.values(
                "one-cycle-linear-optax", ["transition-steps": .number(10), "peak-value": .number(1)], count: 11),
            [0.04, 0.36, 0.68, 1.0, 0.808, 0.616, 0.424, 0.232, 0.04, 0.020002, 4e-06],
            "linear_onecycle_schedule(10, 1)")
        let staircase = try Self.values(
            "exponential-optax",
            ["transition-steps": .number(3), "decay-rate": .number(0.5), "staircase": .flag(true)],
            baseLearningRate: 0.1, count: 8)
        #expect(staircase[7] == 0.025, "exponential_decay(0.1, 3, 0.5, staircase) at 7 on a Python int (§B.0)")
        // §B.0: warmup_cosine_decay_schedule(0, 0.1, 3, 20, 0.001) at 7 on a Python int is 0.08708094140242263
        // (the int32 count gives 0.0870809406042099); optax's decay_steps 20 includes the 3 warm-up steps.
        let warmupCosine = try Self.values(
            "warmup",
            [
                "warmup-steps": .number(3), "then": .text("cosine-optax"), "decay-steps": .number(17),
                "alpha": .number(0.001 / 0.1),
            ], baseLearningRate: 0.1, count: 8)
        #expect(warmupCosine[7] == 0.08708094140242263)
    }

    @Test("§B.4 Noam schedule (d_model 512, w 4) and the fairseq inverse-sqrt form")
    func inverseSquareRoot() throws {
        Self.expectClose(
            try Self.values("noam", ["d-model": .number(512), "warmup-steps": .number(4)], count: 8),
            [
                0.0055242717, 0.0110485435, 0.0165728152, 0.0220970869, 0.0197642354, 0.0180421959,
                0.0167038276, 0.015625,
            ], "Noam(512, 4)")
        // Peak (d_model·w)^(−1/2) at s = w, i.e. k = w − 1.
        let noam = try Self.values("noam", [:], count: 8000)
        #expect(noam.indices.max { noam[$0] < noam[$1] } == 3999)
        #expect(abs(noam[3999] - 1 / (512.0 * 4000).squareRoot()) <= 1e-16)
        // fairseq form: linear s/w up to the peak η₀ at s = w, then η₀·√(w/s).
        let fairseq = try Self.values("inverse-sqrt", ["warmup-steps": .number(10)], baseLearningRate: 0.5, count: 200)
        for step in 0..<200 {
            let s = Double(step + 1)
            let expected = s <= 10 ? 0.5 * s / 10 : 0.5 * (10 / s).squareRoot()
            #expect(abs(fairseq[step] - expected) <= 1e-15, "k=\(step)")
        }
    }
}
