import LinearAlgebra
import Randomness
import TestSupport
import Testing

@testable import Objectives

#if arch(x86_64)
import WideKernels
#endif

/// The `mlp` and `recurrent-cliff` problems against central finite differences (gradients from f,
/// Hessian-vector products from the gradient), the data sets against their published shapes, and
/// the over-parameterised least-squares constants against plain gradient descent from 0.
@Suite struct NeuralNetworkTests {
    static func network(
        _ activation: Activation, _ loss: MultilayerPerceptron.Loss, lambda: Double = 0,
        widths: [Int] = [2, 5, 4, 3], seed: UInt64 = 7
    ) -> MultilayerPerceptron {
        let data = ClassificationData.spirals(samples: 150, classes: 3, noise: 0.2, seed: seed)
        var generator = Xoshiro256StarStar(seed: seed)
        let start = MultilayerPerceptron.initialWeights(widths: widths, scheme: .glorot, using: &generator)
        // Biases non-zero too, so every derivative is exercised.
        return MultilayerPerceptron(
            widths: widths, activation: activation, loss: loss, training: data,
            lambda: lambda, start: start.map { $0 + 0.1 * generator.nextGaussian() })
    }

    static func randomVector(_ d: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<d).map { _ in generator.nextGaussian() }
    }

    @Test(arguments: Activation.allCases, MultilayerPerceptron.Loss.allCases)
    func gradientAndHessianVectorProductMatchCentralDifferences(activation: Activation, loss: MultilayerPerceptron.Loss)
    {
        let problem = Self.network(activation, loss, lambda: 1e-3)
        let x = problem.startingPoint
        #expect(DerivativeCheck.gradientError(problem, at: x) <= 1e-7, "\(activation) \(loss)")
        #expect(DerivativeCheck.valueConsistencyError(problem, at: x) <= 1e-15)
        for seed in [1, 2] as [UInt64] {
            let v = Self.randomVector(problem.dimension, seed: seed)
            #expect(DerivativeCheck.hessianVectorError(problem, at: x, vector: v) <= 1e-6, "\(activation) \(loss)")
        }
    }

    @Test func deepNetworkAndMoreRowsThanABlock() {
        // 300 rows: three blocks of rows, the last partial; four hidden layers.
        let data = ClassificationData.twoMoons(samples: 300, noise: 0.1, seed: 3)
        var generator = Xoshiro256StarStar(seed: 3)
        let widths = [2, 6, 6, 6, 6, 2]
        let start = MultilayerPerceptron.initialWeights(widths: widths, scheme: .he, using: &generator)
        let problem = MultilayerPerceptron(
            widths: widths, activation: .gelu, loss: .crossEntropy, training: data, start: start)
        #expect(DerivativeCheck.gradientError(problem, at: start) <= 1e-7)
        #expect(
            DerivativeCheck.hessianVectorError(
                problem, at: start, vector: Self.randomVector(problem.dimension, seed: 5)) <= 1e-6)
    }

    @Test func miniBatchIsTheMeanOverItsRows() {
        let problem = Self.network(.tanh, .crossEntropy)
        let x = problem.startingPoint
        let rows = [3, 17, 17, 140, 0]
        var batchGradient = [Double](repeating: 0, count: problem.dimension)
        let batchLoss = rows.withUnsafeBufferPointer { problem.evaluate(at: x, rows: $0, gradient: &batchGradient) }
        // The same rows as a data set of their own, evaluated in full.
        let subset = problem.training.selectingRows(rows)
        let single = MultilayerPerceptron(
            widths: problem.widths, activation: .tanh, loss: .crossEntropy, training: subset, start: x)
        var fullGradient = batchGradient
        let fullLoss = single.evaluate(at: x, gradient: &fullGradient)
        #expect(abs(batchLoss - fullLoss) <= 1e-15 * abs(fullLoss))
        #expect(DerivativeCheck.relativeError(batchGradient, fullGradient) <= 1e-15)
    }

    @Test func crossEntropyAtZeroIsLogOfTheClassCount() {
        let problem = Self.network(.relu, .crossEntropy)
        let zero = [Double](repeating: 0, count: problem.dimension)
        #expect(abs(problem.value(at: zero) - 1.0986122886681098) <= 1e-15) // ln 3
    }

    @Test func digitsHaveTheirPublishedShape() {
        let digits = ClassificationData.digits
        #expect(digits.rowCount == 1797 && digits.columnCount == 64)
        var counts = [Int](repeating: 0, count: 10)
        for label in digits.targets { counts[Int(label)] += 1 }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]) // scikit-learn's documentation
        #expect(digits.features.allSatisfy { $0 >= 0 && $0 <= 1 })
        let file = FixtureFiles.repositoryRoot().appendingPathComponent("Sources/Objectives/Data/digits.csv")
        #expect((try? String(contentsOf: file, encoding: .utf8)) == DigitsData.csv + "\n")
    }

    @Test func mlpKindBuildsSeededInstancesAndRejectsBadInput() throws {
        let kind = try #require(ProblemCatalog.kind(named: "mlp"))
        var g1 = Xoshiro256StarStar(seed: 9), g2 = Xoshiro256StarStar(seed: 9)
        let parameters = ParameterSet(["data": .text("two-moons"), "hidden": .numbers([8, 8]), "n": .number(200)])
        let a = try kind.make(parameters, &g1), b = try kind.make(parameters, &g2)
        #expect(a.startingPoint == b.startingPoint && a.dimension == 2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2)
        #expect(a.sampleCount == 160)
        let held = try #require(a as? MultilayerPerceptron)
        #expect(held.heldOutAccuracy(at: held.startingPoint) != nil && held.heldOutLoss(at: held.startingPoint) != nil)
        var g3 = Xoshiro256StarStar(seed: 9)
        #expect(throws: ParameterError.self) {
            try kind.make(ParameterSet(["data": .text("digits"), "n": .number(10)]), &g3)
        }
        #expect(throws: ParameterError.self) { try kind.make(ParameterSet(["hidden": .numbers([0.5])]), &g3) }
        #expect(throws: ParameterError.self) { try kind.make(ParameterSet(["hidden": .numbers([4096, 4096])]), &g3) }
    }

    @Test func recurrentCliffDerivativesMatchCentralDifferences() {
        for start in [[2.0, -1.0], [1.3, 0.2], [2.0, -0.46]] {
            let problem = RecurrentCliff(steps: 20, initialState: 0.5, target: 0.7, start: start)
            #expect(DerivativeCheck.gradientError(problem, at: start) <= 1e-6, "\(start)")
            #expect(DerivativeCheck.hessianError(problem, at: start) <= 1e-5, "\(start)")
        }
        // The wall: f drops by more than 1 between b = −0.46 and b = −0.45 at w = 2 (T = 50).
        let wall = RecurrentCliff(steps: 50, initialState: 0.5, target: 0.7, start: [2, -1])
        #expect(wall.value(at: [2, -0.46]) - wall.value(at: [2, -0.45]) > 1)
    }

    @Test func overParameterisedLeastSquaresConvergesToTheMinimumNormSolutionFromZero() throws {
        let problem = try LeastSquares(
            configuration: LeastSquares.Configuration(
                data: SyntheticRegressionData(samples: 6, features: 15, featureConditioning: 10, noise: 0.1, seed: 4),
                lambda: 0))
        let minimizer = try #require(problem.constants.minimizer)
        #expect(problem.constants.optimalValue == 0)
        #expect(problem.value(at: minimizer) <= 1e-28)
        // Plain gradient descent from 0 with step 1/L, independently of how x* was solved.
        let step = 1 / (try #require(problem.constants.smoothness))
        var x = [Double](repeating: 0, count: 15), gradient = x
        for _ in 0..<20000 {
            _ = problem.evaluate(at: x, gradient: &gradient)
            for i in 0..<15 { x[i] -= step * gradient[i] }
        }
        let distance = zip(x, minimizer).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        #expect(distance <= 1e-9)
        // Any other interpolant (x* plus a null-space direction) is longer.
        let norm = minimizer.reduce(0) { $0 + $1 * $1 }
        #expect(norm > 0)
    }

    @Test func matrixProductIsTheTextbookLoopOnEveryKernelPath() {
        var generator = Xoshiro256StarStar(seed: 11)
        for (m, k, n) in [
            (1, 1, 1), (5, 7, 13), (9, 3, 8), (128, 64, 128), (6, 129, 10), (7, 5, 3), (13, 11, 6), (5, 6, 15),
            (13, 7, 31), (17, 3, 40), (9, 4, 24),
        ] {
            let a = (0..<(m * k)).map { _ in generator.nextGaussian() },
                b = (0..<(k * n)).map { _ in generator.nextGaussian() }
            let start = (0..<(m * n)).map { _ in generator.nextGaussian() }
            // The textbook loop: C[i][j] += A[i][p]·B[p][j] for p in order.
            var expected = start
            for i in 0..<m { for j in 0..<n { for p in 0..<k { expected[i * n + j] += a[i * k + p] * b[p * n + j] } } }
            var fast = start, portable = start, transposed = start
            let aT = (0..<(k * m)).map { a[($0 % m) * k + $0 / m] } // aT[p·m + i] = A[i][p]
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    fast.withUnsafeMutableBufferPointer {
                        MatrixProduct.multiply(
                            rows: m, inner: k, columns: n, pa.baseAddress!, rowStride: k, columnStride: 1,
                            pb.baseAddress!, into: $0.baseAddress!, accumulate: true)
                    }
                    portable.withUnsafeMutableBufferPointer {
                        MatrixProduct.portableMultiply(
                            rows: m, inner: k, columns: n, pa.baseAddress!, rowStride: k,
                            columnStride: 1, pb.baseAddress!, into: $0.baseAddress!)
                    }
                    aT.withUnsafeBufferPointer { pt in
                        transposed.withUnsafeMutableBufferPointer {
                            MatrixProduct.multiply(
                                rows: m, inner: k, columns: n, pt.baseAddress!, rowStride: 1, columnStride: m,
                                pb.baseAddress!, into: $0.baseAddress!, accumulate: true)
                        }
                    }
                }
            }
            #expect(fast == expected && portable == expected && transposed == expected, "\(m)×\(k)×\(n)")
            #if arch(x86_64)
            // Both AVX kernels, whichever the process picked (the 512-bit one where AVX-512F is usable).
            var kernels: [(String, (UnsafeMutablePointer<Double>) -> Void)] = []
            if KernelPath.avxUsable {
                kernels.append(("avx", { gdbench_avx_matrix_product(m, k, n, a, k, 1, b, $0) }))
            }
            if gdbench_avx512_usable() {
                kernels.append(("avx512", { gdbench_avx512_matrix_product(m, k, n, a, k, 1, b, $0) }))
            }
            for (name, kernel) in kernels {
                var wide = start
                wide.withUnsafeMutableBufferPointer { kernel($0.baseAddress!) }
                #expect(wide == expected, "\(name) \(m)×\(k)×\(n)")
            }
            #endif
            var copied = [Double](repeating: 0, count: m * k)
            a.withUnsafeBufferPointer { pa in
                copied.withUnsafeMutableBufferPointer {
                    MatrixProduct.transpose(pa.baseAddress!, rows: m, columns: k, into: $0.baseAddress!)
                }
            }
            #expect(copied == aT, "transpose of \(m)×\(k)")
        }
    }
}
