import Results
import Testing

@testable import Analysis

@Suite struct StatisticsTests {
    @Test func quantilesInterpolateLinearlyBetweenOrderStatistics() {
        // Type 7 (numpy default): n = 4, q = 0.25 → h = 0.75 → 1 + 0.75·(2 − 1) = 1.75;
        // q = 0.5 → h = 1.5 → 2.5; q = 0.75 → h = 2.25 → 3 + 0.25 = 3.25.
        #expect(Quantiles.quantile([4, 1, 3, 2], 0.25) == 1.75)
        #expect(Median.of([4, 1, 3, 2]) == 2.5)
        #expect(Quantiles.quantile([4, 1, 3, 2], 0.75) == 3.25)
        #expect(Median.of([7]) == 7)
        #expect(Median.of([]).isNaN)
        // An infinite entry (a failed run) sorts last: the median of [1, 2, ∞] is 2, of [1, ∞, ∞] is ∞.
        #expect(Median.of([.infinity, 1, 2]) == 2)
        #expect(Median.of([1, .infinity, .infinity]) == .infinity)
    }

    @Test func bootstrapIntervalIsReproducibleAndDependsOnTheLabel() throws {
        let sample: [Double] = [12, 15, 9, 20, 11, 14, 30, 13, 10, 16]
        let first = try #require(BootstrapInterval.median(of: sample, label: "p/o/0/iterations"))
        let again = try #require(BootstrapInterval.median(of: sample, label: "p/o/0/iterations"))
        let other = try #require(BootstrapInterval.median(of: sample, label: "p/o/1/iterations"))
        #expect(first == again)
        #expect(first != other)
        // The interval of a median lies between the sample's extremes and brackets the sample median 13.5.
        #expect(first.lower >= 9 && first.upper <= 30)
        #expect(first.lower <= 13.5 && 13.5 <= first.upper)
    }

    @Test func bootstrapOfThreeValuesSpansTheSample() throws {
        // Resampling 3 values, the median is the smallest value when at least two draws are it:
        // P = 3·(1/3)²·(2/3) + (1/3)³ = 7/27 ≈ 0.26 (same for the largest). With 1000 resamples the 2.5% and
        // 97.5% quantiles are therefore the smallest and the largest value (failing would need fewer than
        // 25 of 1000 draws at an extreme: probability ≈ 1e-90).
        let interval = try #require(BootstrapInterval.median(of: [3, 8, 5], label: "three"))
        #expect(interval == BootstrapInterval(lower: 3, upper: 8))
        // A constant sample has a degenerate interval.
        #expect(BootstrapInterval.median(of: [4, 4, 4, 4], label: "flat") == BootstrapInterval(lower: 4, upper: 4))
        #expect(BootstrapInterval.median(of: [], label: "none") == nil)
    }

    @Test func cellSummaryCountsOnlySuccessfulRunsInTheMedian() throws {
        let b = RecordBuilder.self
        let runs = [
            b.record(repetition: 0, hits: [b.checkpoint(10)]),
            b.record(repetition: 1, hits: [b.checkpoint(20)]),
            b.record(repetition: 2, hits: [b.checkpoint(40)]),
            b.record(repetition: 3, status: .budget, hits: [nil], final: b.checkpoint(100)),
        ]
        let cells = ResultSet(records: runs).cells
        #expect(cells.count == 1)
        let summary = CellSummary(cell: cells[0], measures: [.iterations])
        let target = try #require(summary.targets.first)
        #expect(target.successes == 3)
        #expect(target.successRate == 0.75)
        let iterations = try #require(target.measure(.iterations))
        // Median of [10, 20, 40] = 20; quartiles h = 0.5 → 15 and h = 1.5 → 30.
        #expect(iterations.median == 20)
        #expect(iterations.lowerQuartile == 15)
        #expect(iterations.upperQuartile == 30)
        #expect(summary.statusCounts.first { $0.status == .budget }?.count == 1)
    }
}
