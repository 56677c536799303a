import Foundation
import Results
import Testing

@testable import Analysis

@Suite struct ComparisonTests {
    let b = RecordBuilder.self

    @Test func pairedComparisonPairsByProblemAndRepetition() throws {
        // Same seeds (rep 0…5) for A and B; A needs 10, 12, 9, 30, 11, fails; B needs 20, 25, 18, 28, 22, 40.
        // Differences A − B: −10, −13, −9, 2, −11, +∞ → ranks of |d|: 2, 4, 1... sorted |d| = 2, 9, 10, 11, 13, ∞
        // → ranks 1 (2), 2 (9), 3 (10), 4 (11), 5 (13), 6 (∞); W+ = 1 + 6 = 7, W− = 2 + 3 + 4 + 5 = 14.
        let a: [Int?] = [10, 12, 9, 30, 11, nil]
        let bIterations = [20, 25, 18, 28, 22, 40]
        var records: [RunRecord] = []
        for rep in 0..<6 {
            records.append(
                b.record(
                    optimizerID: "A", repetition: rep, status: a[rep] == nil ? .budget : .converged,
                    hits: [a[rep].map { b.checkpoint($0) }], final: b.checkpoint(100)))
            records.append(b.record(optimizerID: "B", repetition: rep, hits: [b.checkpoint(bIterations[rep])]))
        }
        let comparison = PairedComparison(ResultSet(records: records), optimizerA: "A", optimizerB: "B", targetIndex: 0)
        #expect(comparison.pairs == 6)
        #expect(comparison.aBetter == 4)
        #expect(comparison.bBetter == 2)
        let test = try #require(comparison.test)
        #expect(test.positiveRankSum == 7)
        #expect(test.negativeRankSum == 14)
        // Exact (n = 6, no ties): P(W+ ≤ 7) = #{subsets of 1…6 with sum ≤ 7}/64 = (1+1+1+2+2+3+4+4)/64 = 18/64,
        // p = 2·18/64 = 0.5625.
        #expect(test.method == .exact)
        #expect(abs(test.pValue - 0.5625) < 1e-15)
        #expect(abs(test.rankBiserial - (7.0 - 14) / 21) < 1e-15)
    }

    @Test func tuningChoosesOnTuningRepsAndReportsOnTheOthers() throws {
        // Grid sgd[lr=0.1], sgd[lr=0.5] on one problem, reps 0…3, tuning reps {0, 1}.
        // lr=0.1: 50, 60 on tuning (median 55), 52, 58 on test.
        // lr=0.5: 30, 40 on tuning (median 35), 200, fails on test.
        // Chosen: lr=0.5 (35 < 55); test median over [200, ∞] = ∞, 1 of 2 hit. Tuning cost: 4 runs;
        // gradient evaluations 50 + 60 + 30 + 40 = 180.
        let costs: [(String, [Int?])] = [("0.1", [50, 60, 52, 58]), ("0.5", [30, 40, 200, nil])]
        var records: [RunRecord] = []
        for (lr, iterations) in costs {
            for rep in 0..<4 {
                let hit = iterations[rep].map { b.checkpoint($0) }
                records.append(
                    b.record(
                        optimizerParameters: ["lr": lr], repetition: rep, status: hit == nil ? .budget : .converged,
                        hits: [hit], final: hit ?? b.checkpoint(1000)))
            }
        }
        let outcomes = TuningProtocol(tuningRepetitions: [0, 1], targetIndex: 0).outcomes(ResultSet(records: records))
        #expect(outcomes.count == 1)
        let outcome = try #require(outcomes.first)
        #expect(outcome.grid == "sgd")
        #expect(outcome.settings == 2)
        #expect(outcome.chosenOptimizerID == "sgd[lr=0.5]")
        #expect(outcome.tuningMedian == 35)
        #expect(outcome.tuningRuns == 4)
        #expect(outcome.tuningGradientEvaluations == 180)
        #expect(outcome.testRuns == 2)
        #expect(outcome.testSuccesses == 1)
        #expect(outcome.testMedian == .infinity)
    }

    @Test func convergenceBandInterpolatesGeometricTracesExactly() throws {
        // Runs with gap = rᵏ, r = 0.5 traced at k = 0, 4, 8 and r = 0.6, 0.7 traced at k = 0, 4, 8, 16.
        // Log-linear interpolation is exact for geometric decay, so at k = 2 the median is 0.6² = 0.36 and the
        // quartiles are the type-7 quartiles of [0.25, 0.36, 0.49]: 0.305 and 0.425. At k = 12 the first run
        // holds its last value 0.5⁸ ≈ 0.0039, between 0.6¹² ≈ 0.0022 and 0.7¹² ≈ 0.0138, so it is the median.
        // At k = 20 every run has ended: no value.
        let traces: [(Double, [Int])] = [(0.5, [0, 4, 8]), (0.6, [0, 4, 8, 16]), (0.7, [0, 4, 8, 16])]
        let runs = traces.enumerated().map { index, trace in
            b.record(repetition: index, trace: b.geometricTrace(rate: trace.0, at: trace.1))
        }
        let band = ConvergenceBand(runs: runs, x: .iterations, quantity: .gap, grid: [2, 12, 20])
        let median = try #require(band.median[0])
        #expect(abs(median - 0.36) < 1e-14)
        #expect(abs((band.lowerQuartile[0] ?? 0) - 0.305) < 1e-14)
        #expect(abs((band.upperQuartile[0] ?? 0) - 0.425) < 1e-14)
        #expect(abs((band.median[1] ?? 0) - pow(0.5, 8)) < 1e-15)
        #expect(band.median[2] == nil)
        #expect(band.counts == [3, 3, 0])
        // A floor lifts an exact zero (a Newton step) onto a log axis.
        let newton = b.record(trace: [b.geometricTrace(rate: 0.5, at: [0])[0], b.geometricTrace(rate: 0, at: [1])[0]])
        let floored = ConvergenceBand(runs: [newton], x: .iterations, quantity: .gap, grid: [1], floor: 1e-16)
        #expect(abs((floored.median[0] ?? 0) - 1e-16) < 1e-28)
    }
}
