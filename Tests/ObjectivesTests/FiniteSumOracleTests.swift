import Randomness
import Testing

@testable import Objectives

/// The Oracle's mini-batches and counters on the finite-sum objectives.
@Suite struct FiniteSumOracleTests {
    /// f(x) = (1/n)Σᵢ xᵢ, row i's gradient is the unit vector eᵢ: |B|·(batch gradient) counts how often
    /// each row was drawn.
    struct RowIndicator: Objective {
        let rows: Int
        var dimension: Int { rows }
        var constants: ObjectiveConstants { ObjectiveConstants() }
        var startingPoint: [Double] { [Double](repeating: 0, count: rows) }
        var sampleCount: Int? { rows }
        func value(at x: [Double]) -> Double { x.reduce(0, +) / Double(rows) }
        func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
            for i in 0..<rows { gradient[i] = 1 / Double(rows) }
            return value(at: x)
        }
        func evaluate(at x: [Double], rows selection: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
            for i in 0..<rows { gradient[i] = 0 }
            for i in selection { gradient[i] += 1 / Double(selection.count) }
            return 0
        }
        func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
            for i in 0..<rows { result[i] = 0 }
        }
    }

    @Test(arguments: [1, 7, 12, 84])
    func everyEpochVisitsEveryRowOnce(batchSize: Int) {
        let n = 84
        var oracle = Oracle(objective: RowIndicator(rows: n), seed: 5, batchSize: batchSize)
        let x = [Double](repeating: 0, count: n)
        var gradient = x
        for epoch in 1...3 {
            var visits = [Double](repeating: 0, count: n)
            for _ in 0..<(n / batchSize) {
                oracle.gradient(at: x, into: &gradient)
                for i in 0..<n { visits[i] += gradient[i] * Double(min(batchSize, n)) }
            }
            #expect(visits.allSatisfy { abs($0 - 1) <= 1e-12 }, "epoch \(epoch)")
            #expect(oracle.epochs == Double(epoch))
        }
    }

    @Test func batchesFollowTheSeededPermutationAndAreCounted() throws {
        let problem = try LogisticRegression(
            configuration: .init(
                source: .synthetic(
                    SyntheticClassificationData(
                        samples: 50, features: 3, featureConditioning: 4, labelNoise: 0.1, seed: 1)),
                standardize: true, lambda: 1e-2))
        var oracle = Oracle(objective: problem, seed: 42, batchSize: 20)
        let x = [0.1, -0.2, 0.3]
        var gradient = [Double](repeating: 0, count: 3), expected = gradient
        // The Oracle's documented scheme: a Fisher–Yates permutation from Xoshiro256StarStar(seed),
        // consumed in order, reshuffled when exhausted (batches may straddle epochs).
        var generator = Xoshiro256StarStar(seed: 42)
        var permutation = Array(0..<50)
        generator.shuffle(&permutation)
        var stream = permutation
        generator.shuffle(&permutation)
        stream += permutation
        for b in 0..<5 {
            let loss = oracle.gradient(at: x, into: &gradient)
            let rows = Array(stream[(b * 20)..<((b + 1) * 20)])
            let expectedLoss = rows.withUnsafeBufferPointer { problem.evaluate(at: x, rows: $0, gradient: &expected) }
            #expect(loss == expectedLoss && gradient == expected, "batch \(b)")
        }
        #expect(oracle.counts.gradientEvaluations == 5 && oracle.counts.rowGradients == 100)
        #expect(oracle.counts.functionEvaluations == 0)
        #expect(oracle.epochs == 2)
        _ = oracle.valueAndGradient(at: x, into: &gradient)
        #expect(oracle.counts.rowGradients == 150 && oracle.counts.functionEvaluations == 1)
        oracle.hessianVectorProduct(at: x, vector: x, result: &gradient)
        var hessian = [Double](repeating: 0, count: 9)
        oracle.hessian(at: x, into: &hessian)
        #expect(oracle.counts.hessianVectorProducts == 1 && oracle.counts.hessianEvaluations == 1)
    }

    @Test func fullBatchOracleCountsNRowsPerGradient() throws {
        let problem = try LeastSquares(
            configuration: .init(
                data: SyntheticRegressionData(samples: 30, features: 4, featureConditioning: 2, noise: 0.1, seed: 2),
                lambda: 0))
        var oracle = Oracle(objective: problem, seed: 1)
        #expect(!oracle.isStochastic)
        let x = [Double](repeating: 1, count: 4)
        var gradient = x, expected = x
        for _ in 0..<3 { oracle.gradient(at: x, into: &gradient) }
        _ = problem.evaluate(at: x, gradient: &expected)
        #expect(gradient == expected)
        #expect(oracle.counts.rowGradients == 90 && oracle.counts.gradientEvaluations == 3 && oracle.epochs == 3)
    }
}
