import Randomness
import Testing

@testable import LinearAlgebra
@testable import Objectives

/// The blocked construction products against the textbook triple loops, at sizes that cross the
/// kernels' block edges (3×4 entries, 256-long chunks, 64 columns), and the size limits.
struct ConstructionKernelTests {
    static func gaussian(_ count: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        var values = [Double](repeating: 0, count: count)
        generator.fillGaussian(&values)
        return values
    }

    @Test(arguments: [1, 5, 67, 130, 300])
    func rotatedDiagonalIsQΛQᵀExactlySymmetricOnEveryPath(dimension d: Int) {
        let q = Self.gaussian(d * d, seed: UInt64(d))
        let lambda = (0..<d).map { 1 + Double($0) }
        let portable = SymmetricProducts.rotatedDiagonal(rotation: q, eigenvalues: lambda, path: .portable)
        let wide = SymmetricProducts.rotatedDiagonal(rotation: q, eigenvalues: lambda, path: .current)
        #expect(portable.map(\.bitPattern) == wide.map(\.bitPattern))
        var worst = 0.0
        for i in 0..<d {
            for j in 0..<d {
                var exact = 0.0, size = 0.0
                for k in 0..<d {
                    exact += q[i * d + k] * lambda[k] * q[j * d + k]
                    size += abs(q[i * d + k] * lambda[k] * q[j * d + k])
                }
                worst = max(worst, abs(portable[i * d + j] - exact) / size)
                #expect(portable[i * d + j].bitPattern == portable[j * d + i].bitPattern)
            }
        }
        #expect(worst < 1e-13)
    }

    @Test(arguments: [(1, 1), (7, 3), (300, 13), (513, 70)])
    func gramIsXᵀXOnEveryPath(rows n: Int, columns d: Int) {
        let x = Self.gaussian(n * d, seed: 9)
        let portable = SymmetricProducts.gram(rows: x, rowCount: n, columnCount: d, path: .portable)
        let wide = SymmetricProducts.gram(rows: x, rowCount: n, columnCount: d, path: .current)
        #expect(portable.map(\.bitPattern) == wide.map(\.bitPattern))
        var worst = 0.0
        for i in 0..<d {
            for j in 0..<d {
                var exact = 0.0, size = 0.0
                for r in 0..<n {
                    exact += x[r * d + i] * x[r * d + j]
                    size += abs(x[r * d + i] * x[r * d + j])
                }
                worst = max(worst, abs(portable[i * d + j] - exact) / size)
            }
        }
        #expect(worst < 1e-13)
    }

    @Test(arguments: [(1, 1), (5, 9), (40, 300), (131, 70)])
    func rowGramIsXXᵀOnEveryPath(rows n: Int, columns d: Int) {
        let x = Self.gaussian(n * d, seed: 11)
        let portable = SymmetricProducts.rowGram(rows: x, rowCount: n, columnCount: d, path: .portable)
        let wide = SymmetricProducts.rowGram(rows: x, rowCount: n, columnCount: d, path: .current)
        #expect(portable.map(\.bitPattern) == wide.map(\.bitPattern))
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var exact = 0.0, size = 0.0
                for k in 0..<d {
                    exact += x[i * d + k] * x[j * d + k]
                    size += abs(x[i * d + k] * x[j * d + k])
                }
                worst = max(worst, abs(portable[i * n + j] - exact) / size)
                #expect(portable[i * n + j].bitPattern == portable[j * n + i].bitPattern)
            }
        }
        #expect(worst < 1e-13)
    }

    /// The rows' scores of the synthetic data, four rows at a time, against each row summed alone left to
    /// right: the same bits.
    @Test(arguments: [(1, 3), (7, 5), (9, 1)])
    func syntheticRowScoresAreTheLeftToRightSums(rows n: Int, columns d: Int) {
        let x = Self.gaussian(n * d, seed: 12), w = Self.gaussian(d, seed: 13)
        let scores = GaussianDesign.rowScores(x, columnCount: d, weights: w)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<d { sum += x[i * d + j] * w[j] }
            #expect(scores[i].bitPattern == sum.bitPattern)
        }
    }

    @Test func denseProblemsAreAllowedTo8192AndRefusedBeyondTheLimitOrTheMemory() throws {
        try InstanceLimits.checkDense(dimension: 8192, available: 2e9)
        #expect(throws: ParameterError.self) {
            try InstanceLimits.checkDense(dimension: InstanceLimits.maximumDenseDimension + 1)
        }
        do {
            try InstanceLimits.checkDense(dimension: 8192, available: 1e9)
            Issue.record("8192 needs 1.6 GB and must be refused with 1 GB")
        } catch let error as ParameterError {
            #expect(error.key == "d")
            #expect(error.expected.contains("1.6 GB") && error.expected.contains("1.0 GB"))
        }
    }

    @Test func finiteSumsAreAllowedTo1e8EntriesAndRefusedBeyond() throws {
        let d = InstanceLimits.maximumFeatures
        #expect(InstanceLimits.maximumEntries / d == 10_000)
        #expect(InstanceLimits.finiteSumBytes(rows: 10_000, features: d) == 3 * 8e8 + 4 * 8e8)
        do {
            try InstanceLimits.checkMemory(
                InstanceLimits.finiteSumBytes(rows: 10_000, features: d), key: "n", found: "10000", what: "n·d = 1e8",
                available: 4e9)
            Issue.record("5.6 GB must be refused with 4 GB")
        } catch let error as ParameterError {
            #expect(error.key == "n" && error.expected.contains("5.6 GB"))
        }
    }
}

/// The extreme eigenvalues by tridiagonalisation and bisection against the Jacobi eigenvalues (orders that
/// cross the 32-column panels and the 4-row groups of the blocked tridiagonalisation).
struct ExtremeEigenvalueTests {
    @Test(arguments: [2, 3, 33, 40, 97, 130])
    func tridiagonalBisectionMatchesJacobi(order d: Int) {
        let x = ConstructionKernelTests.gaussian(3 * d * d, seed: UInt64(d))
        var gram = SymmetricProducts.gram(rows: x, rowCount: 3 * d, columnCount: d, path: .portable)
        gram[0] *= 50 // a spread-out spectrum
        let jacobi = SymmetricEigenvalues.compute(gram, order: d)
        let portable = ExtremeEigenvalues.tridiagonalExtremes(gram, order: d, path: .portable)
        let wide = ExtremeEigenvalues.tridiagonalExtremes(gram, order: d, path: .current)
        #expect(portable.min.bitPattern == wide.min.bitPattern && portable.max.bitPattern == wide.max.bitPattern)
        let scale = jacobi.last ?? 1
        #expect(abs(portable.max - (jacobi.last ?? 0)) <= 1e-12 * scale)
        #expect(abs(portable.min - (jacobi.first ?? 0)) <= 1e-12 * scale)
    }
}
