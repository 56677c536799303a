import Foundation
import Results
import Testing

@testable import Analysis

/// Repetitions that are bit-identical copies are not samples: no bootstrap interval, no test over them.
@Suite struct DeterministicCellTests {
    let b = RecordBuilder.self

    func copies(_ optimizer: String, problem: String, iterations: Int, reps: Int = 5) -> [RunRecord] {
        (0..<reps).map {
            b.record(problem: problem, optimizerID: optimizer, repetition: $0, hits: [b.checkpoint(iterations)])
        }
    }

    @Test func identicalRepetitionsAreOneValueWithoutInterval() throws {
        let results = ResultSet(records: copies("A", problem: "rosenbrock", iterations: 40))
        let cell = try #require(results.cells.first)
        #expect(cell.isDeterministic)
        let summary = CellSummary(cell: cell)
        #expect(summary.isDeterministic)
        let iterations = try #require(summary.targets.last?.measure(.iterations))
        #expect(iterations.median == 40 && iterations.interval == nil)
        // One run differing in its first hit makes the cell a sample again, with its interval.
        var varied = copies("A", problem: "rosenbrock", iterations: 40)
        varied[2] = b.record(problem: "rosenbrock", optimizerID: "A", repetition: 2, hits: [b.checkpoint(41)])
        let sampled = CellSummary(cell: try #require(ResultSet(records: varied).cells.first))
        #expect(!sampled.isDeterministic)
        #expect(sampled.targets.last?.measure(.iterations)?.interval != nil)
        // A single run is not called deterministic: there is nothing to compare.
        #expect(
            !(try #require(ResultSet(records: copies("A", problem: "p", iterations: 3, reps: 1)).cells.first))
                .isDeterministic)
    }

    @Test func pairedComparisonOfCopiesHasNoTest() {
        // Five identical repetitions of A (40) and B (60) on two deterministic problems: the old comparison
        // ran a Wilcoxon test over 10 pairs of duplicates; now two pairs, exact, no test.
        let records =
            copies("A", problem: "beale", iterations: 40) + copies("B", problem: "beale", iterations: 60)
            + copies("A", problem: "booth", iterations: 10) + copies("B", problem: "booth", iterations: 5)
        let comparison = PairedComparison(ResultSet(records: records), optimizerA: "A", optimizerB: "B", targetIndex: 0)
        #expect(comparison.deterministic)
        #expect(comparison.test == nil)
        #expect(comparison.pairs == 2 && comparison.aBetter == 1 && comparison.bBetter == 1)
    }

    @Test func mixedComparisonsCountDeterministicProblemsOnce() {
        // beale deterministic for both (5 copies → 1 pair); quadratic sampled (5 distinct pairs) → 6 pairs, tested.
        var records = copies("A", problem: "beale", iterations: 40) + copies("B", problem: "beale", iterations: 60)
        for rep in 0..<5 {
            records.append(
                b.record(problem: "quadratic", optimizerID: "A", repetition: rep, hits: [b.checkpoint(10 + rep)]))
            records.append(
                b.record(problem: "quadratic", optimizerID: "B", repetition: rep, hits: [b.checkpoint(30 + 2 * rep)]))
        }
        let comparison = PairedComparison(ResultSet(records: records), optimizerA: "A", optimizerB: "B", targetIndex: 0)
        #expect(!comparison.deterministic)
        #expect(comparison.pairs == 6 && comparison.aBetter == 6)
        #expect(comparison.test != nil)
    }
}
