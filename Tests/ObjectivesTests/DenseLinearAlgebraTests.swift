import Foundation
import LinearAlgebra
import Randomness
import Testing
@testable import Objectives

/// Cholesky and Jacobi on matrices with known factors and spectra.
@Suite struct DenseLinearAlgebraTests {
    /// Q·diag(λ)·Qᵀ with a Haar-random Q, row-major.
    static func matrix(eigenvalues: [Double], seed: UInt64) -> [Double] {
        let n = eigenvalues.count
        var generator = Xoshiro256StarStar(seed: seed)
        let q = RandomOrthogonalMatrix.make(dimension: n, using: &generator)
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i * n + j] += q[i * n + k] * eigenvalues[k] * q[j * n + k] } } }
        return a
    }

    @Test func jacobiRecoversAKnownSpectrum() {
        let eigenvalues = (0..<40).map { pow(10.0, -3 + 6 * Double($0) / 39) }  // κ = 10⁶
        let computed = SymmetricEigenvalues.compute(Self.matrix(eigenvalues: eigenvalues, seed: 1), order: 40)
        // Backward stable: errors ≲ n·ε·‖A‖ ≈ 40·2.2e−16·10³ ≈ 1e−11 (the test matrix itself carries as much rounding).
        for (a, b) in zip(computed, eigenvalues) { #expect(abs(a - b) <= 1e-10) }
        #expect(abs(computed[0] - 1e-3) <= 1e-10)
    }

    @Test func jacobiHandlesTwoByTwoClosedForm() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3 (one rotation by π/4, exact up to the rounding of
        // cos and sin); a diagonal matrix is returned as is, sorted.
        let computed = SymmetricEigenvalues.compute([2, 1, 1, 2], order: 2)
        #expect(abs(computed[0] - 1) <= 4e-16 && abs(computed[1] - 3) <= 8e-16)
        #expect(SymmetricEigenvalues.compute([5, 0, 0, -1], order: 2) == [-1, 5])
    }

    @Test func choleskySolvesAndRejectsIndefiniteMatrices() throws {
        let a = Self.matrix(eigenvalues: (1...12).map(Double.init), seed: 2)
        let factor = try #require(Cholesky(matrix: a, order: 12))
        var generator = Xoshiro256StarStar(seed: 3)
        let solution = (0..<12).map { _ in generator.nextGaussian() }
        let b = (0..<12).map { i in (0..<12).reduce(0.0) { $0 + a[i * 12 + $1] * solution[$1] } }
        let x = factor.solve(b)
        for (computed, exact) in zip(x, solution) { #expect(abs(computed - exact) <= 1e-13) }
        // L Lᵀ = A.
        for i in 0..<12 {
            for j in 0..<12 {
                let product = (0..<12).reduce(0.0) { $0 + factor.lower[i * 12 + $1] * factor.lower[j * 12 + $1] }
                #expect(abs(product - a[i * 12 + j]) <= 1e-13)
            }
        }
        #expect(Cholesky(matrix: [1, 2, 2, 1], order: 2) == nil)  // eigenvalues 3 and −1
    }

    @Test func rowKernelsMatchPlainLoopsForEveryTailLength() {
        var generator = Xoshiro256StarStar(seed: 4)
        for count in 1...19 {
            let a = (0..<count).map { _ in generator.nextGaussian() }
            let b = (0..<count).map { _ in generator.nextGaussian() }
            let dot = a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in VectorKernels.dot(pa.baseAddress!, pb.baseAddress!, count: count) }
            }
            let plain = zip(a, b).reduce(0.0) { $0 + $1.0 * $1.1 }
            #expect(abs(dot - plain) <= 1e-14 * max(1, zip(a, b).reduce(0.0) { $0 + abs($1.0 * $1.1) }))
            var y = b
            a.withUnsafeBufferPointer { pa in
                y.withUnsafeMutableBufferPointer { py in VectorKernels.axpy(0.75, pa.baseAddress!, py.baseAddress!, count: count) }
            }
            #expect(y == zip(a, b).map { 0.75 * $0 + $1 })
        }
    }
}
