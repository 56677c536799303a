import Randomness
import Testing

@testable import Objectives

/// The three ways the Oracle draws mini-batch rows (``BatchSampling``), counted with
/// ``FiniteSumOracleTests/RowIndicator`` (|B|·batch gradient = how often each row was drawn).
@Suite struct BatchSamplingTests {
    typealias Rows = FiniteSumOracleTests.RowIndicator

    /// Row visit counts of each of `batches` consecutive batches.
    static func draws(_ sampling: BatchSampling, n: Int, batchSize: Int, batches: Int, seed: UInt64 = 9) -> [[Int]] {
        var oracle = Oracle(objective: Rows(rows: n), seed: seed, batchSize: batchSize, sampling: sampling)
        let x = [Double](repeating: 0, count: n)
        var gradient = x
        return (0..<batches).map { _ in
            oracle.gradient(at: x, into: &gradient)
            return gradient.map { Int(($0 * Double(batchSize)).rounded()) }
        }
    }

    @Test func fixedOrderTakesTheRowsInStoredOrderEveryEpoch() {
        let batches = Self.draws(.fixedOrder, n: 12, batchSize: 4, batches: 6)
        for (index, visits) in batches.enumerated() {
            let first = (index % 3) * 4
            #expect(visits == (0..<12).map { (first..<first + 4).contains($0) ? 1 : 0 }, "batch \(index)")
        }
        // Independent of the seed: nothing random is drawn.
        #expect(Self.draws(.fixedOrder, n: 12, batchSize: 4, batches: 6, seed: 1) == batches)
    }

    @Test func replacementDrawsUniformIndependentRows() {
        var oracle = Oracle(objective: Rows(rows: 10), seed: 3, batchSize: 5, sampling: .replacement)
        var generator = Xoshiro256StarStar(seed: 3)
        let x = [Double](repeating: 0, count: 10)
        var gradient = x
        var repeatsWithinEpoch = 0
        for _ in 0..<200 {
            oracle.gradient(at: x, into: &gradient)
            var expected = [Int](repeating: 0, count: 10)
            for _ in 0..<5 { expected[generator.nextInt(below: 10)] += 1 }
            #expect(gradient.map { Int(($0 * 5).rounded()) } == expected)
            if expected.contains(where: { $0 > 1 }) { repeatsWithinEpoch += 1 }
        }
        // P(5 draws of 10 rows all distinct) = 10·9·8·7·6/10⁵ = 0.3024: repeats are the rule.
        #expect(repeatsWithinEpoch > 100)
        #expect(oracle.counts.rowGradients == 1000)
    }

    @Test func reshuffleIsTheDefaultAndVisitsEveryRowOncePerEpoch() {
        let explicit = Self.draws(.reshuffle, n: 20, batchSize: 5, batches: 12)
        var oracle = Oracle(objective: Rows(rows: 20), seed: 9, batchSize: 5)
        let x = [Double](repeating: 0, count: 20)
        var gradient = x
        let implicit = (0..<12).map { _ in
            oracle.gradient(at: x, into: &gradient)
            return gradient.map { Int(($0 * 5).rounded()) }
        }
        #expect(explicit == implicit)
        for epoch in 0..<3 {
            let visits = (0..<4).map { explicit[epoch * 4 + $0] }.reduce([Int](repeating: 0, count: 20)) {
                zip($0, $1).map(+)
            }
            #expect(visits == [Int](repeating: 1, count: 20))
        }
        #expect(explicit != Self.draws(.fixedOrder, n: 20, batchSize: 5, batches: 12))
    }
}
