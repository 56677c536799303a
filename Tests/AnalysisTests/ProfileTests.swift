import Testing

@testable import Analysis

/// ERT, ECDF, performance and data profiles against hand computations.
@Suite struct ProfileTests {
    let b = RecordBuilder.self

    @Test func expectedRunningTimeSumsAllCostsOverSuccesses() {
        // Two runs hit the target after 10 and 30 gradient evaluations; the third stopped at 100 without it.
        // ERT = (10 + 30 + 100) / 2 = 70 (COCO: unsuccessful runs count with their whole cost).
        let runs = [
            b.record(repetition: 0, hits: [b.checkpoint(5, gradients: 10)]),
            b.record(repetition: 1, hits: [b.checkpoint(15, gradients: 30)]),
            b.record(repetition: 2, status: .budget, hits: [nil], final: b.checkpoint(50, gradients: 100)),
        ]
        #expect(ExpectedRunningTime.value(runs: runs, targetIndex: 0, measure: .gradientEvaluations) == 70)
        // In iterations: (5 + 15 + 50) / 2 = 35.
        #expect(ExpectedRunningTime.value(runs: runs, targetIndex: 0, measure: .iterations) == 35)
        // No success: ∞.
        #expect(ExpectedRunningTime.value(runs: [runs[2]], targetIndex: 0, measure: .iterations) == .infinity)
    }

    @Test func runtimeDistributionCountsRunTargetPairs() {
        // One optimizer, two runs, two targets → 4 pairs. Run 0 hits target 0 at 5 and target 1 at 20;
        // run 1 hits target 0 at 10 and never target 1. Steps: (5, 1/4), (10, 2/4), (20, 3/4).
        let thresholds = [1e-1, 1e-3]
        let runs = [
            b.record(repetition: 0, thresholds: thresholds, hits: [b.checkpoint(5), b.checkpoint(20)]),
            b.record(
                repetition: 1, status: .budget, thresholds: thresholds, hits: [b.checkpoint(10), nil],
                final: b.checkpoint(50)),
        ]
        let distribution = RuntimeDistribution(optimizerID: "sgd", runs: runs, measure: .iterations)
        #expect(distribution.pairs == 4)
        #expect(distribution.steps.map(\.budget) == [5, 10, 20])
        #expect(distribution.steps.map(\.fraction) == [0.25, 0.5, 0.75])
        #expect(distribution.fraction(atBudget: 4) == 0)
        #expect(distribution.fraction(atBudget: 15) == 0.5)
        #expect(distribution.fraction(atBudget: 1e9) == 0.75)
    }

    /// Three instances (problems p1, p2, p3), optimizers A and B, iterations to the target:
    ///   p1: A 10, B 20 → ratios A 1, B 2
    ///   p2: A 30, B 15 → ratios A 2, B 1
    ///   p3: A fails, B 40 → ratios A ∞, B 1
    /// ρ_A(1) = 1/3, ρ_A(2) = 2/3, ρ_A(τ) = 2/3 for all larger τ; ρ_B(1) = 2/3, ρ_B(2) = 1.
    @Test func performanceProfileMatchesTheHandComputation() {
        let cost: [(String, String, Int?)] = [
            ("p1", "A", 10), ("p1", "B", 20), ("p2", "A", 30), ("p2", "B", 15), ("p3", "A", nil), ("p3", "B", 40),
        ]
        let records = cost.map { problem, optimizer, iterations in
            b.record(
                problem: problem, optimizerID: optimizer, status: iterations == nil ? .budget : .converged,
                hits: [iterations.map { b.checkpoint($0) }], final: b.checkpoint(100))
        }
        let profile = PerformanceProfile(ResultSet(records: records), targetIndex: 0, measure: .iterations)
        #expect(profile.instances == 3)
        #expect(profile.fraction("A", within: 1) == 1.0 / 3)
        #expect(profile.fraction("A", within: 2) == 2.0 / 3)
        #expect(profile.fraction("A", within: 1000) == 2.0 / 3)
        #expect(profile.fraction("B", within: 1) == 2.0 / 3)
        #expect(profile.fraction("B", within: 1.99) == 2.0 / 3)
        #expect(profile.fraction("B", within: 2) == 1)
        #expect(profile.largestRatio == 2)
    }

    /// d = 4, so one "simplex gradient" is d + 1 = 5 gradient evaluations. Instances p1, p2 (one rep):
    ///   A: 10 and 50 gradient evaluations → α = 2 and 10;  B: 25 on p1, fails on p2 → α = 5.
    /// d_A(1) = 0, d_A(2) = 1/2, d_A(10) = 1; d_B(5) = 1/2, d_B(1000) = 1/2.
    @Test func dataProfileScalesByDimensionPlusOne() {
        let records = [
            b.record(problem: "p1", dimension: 4, optimizerID: "A", hits: [b.checkpoint(10, gradients: 10)]),
            b.record(problem: "p2", dimension: 4, optimizerID: "A", hits: [b.checkpoint(50, gradients: 50)]),
            b.record(problem: "p1", dimension: 4, optimizerID: "B", hits: [b.checkpoint(25, gradients: 25)]),
            b.record(
                problem: "p2", dimension: 4, optimizerID: "B", status: .budget, hits: [nil], final: b.checkpoint(99)),
        ]
        let profile = DataProfile(ResultSet(records: records), targetIndex: 0)
        #expect(profile.instances == 2)
        #expect(profile.fraction("A", within: 1) == 0)
        #expect(profile.fraction("A", within: 2) == 0.5)
        #expect(profile.fraction("A", within: 10) == 1)
        #expect(profile.fraction("B", within: 5) == 0.5)
        #expect(profile.fraction("B", within: 1000) == 0.5)
    }
}
