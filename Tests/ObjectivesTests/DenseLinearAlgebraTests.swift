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
        for i in 0..<n {
            for j in 0..<n { for k in 0..<n { a[i * n + j] += q[i * n + k] * eigenvalues[k] * q[j * n + k] } }
        }
        return a
    }

    @Test func jacobiRecoversAKnownSpectrum() {
        let eigenvalues = (0..<40).map { pow(10.0, -3 + 6 * Double($0) / 39) } // κ = 10⁶
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
        #expect(Cholesky(matrix: [1, 2, 2, 1], order: 2) == nil) // eigenvalues 3 and −1
    }

    /// The unblocked column-by-column rule (Golub & Van Loan, Algorithm 4.2.1), sums in increasing k.
    static func unblockedCholesky(_ a: [Double], order n: Int) -> [Double] {
        var l = a
        for j in 0..<n {
            var pivot = l[j * n + j]
            for k in 0..<j { pivot -= l[j * n + k] * l[j * n + k] }
            l[j * n + j] = pivot.squareRoot()
            for i in (j + 1)..<max(j + 1, n) {
                var sum = l[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / l[j * n + j]
            }
        }
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { l[i * n + j] = 0 } }
        return l
    }

    @Test func blockedCholeskyIsTheUnblockedRuleWithinABlockAndBackwardStableAcrossBlocks() throws {
        // Up to one block the blocked factor is the unblocked rule bit for bit; across blocks (n = 300,
        // three block columns of 128) it is another rounding of the same L: LLᵀ = A to n·ε·‖A‖, and the
        // same bits on both kernel paths.
        for n in [Cholesky.blockSize, 300] {
            let a = Self.matrix(eigenvalues: (0..<n).map { pow(10.0, 4 * Double($0) / Double(n - 1)) }, seed: 5)
            let factor = try #require(Cholesky(matrix: a, order: n))
            if n <= Cholesky.blockSize { #expect(factor.lower == Self.unblockedCholesky(a, order: n)) }
            var worst = 0.0
            for i in 0..<n {
                for j in 0...i {
                    var product = 0.0
                    for k in 0...j { product += factor.lower[i * n + k] * factor.lower[j * n + k] }
                    worst = max(worst, abs(product - a[i * n + j]))
                }
            }
            #expect(worst <= Double(n) * 2.3e-16 * 1e4, "n = \(n): max |LLᵀ − A| = \(worst)")
            var portable = a, avx = a
            #expect(Cholesky.factorInPlace(&portable, order: n, path: .portable))
            #expect(Cholesky.factorInPlace(&avx, order: n, path: KernelPath.avxUsable ? .avx : .portable))
            for i in 0..<n { for j in 0...i { #expect(portable[i * n + j] == avx[i * n + j]) } }
        }
        // A non-positive pivot in the second block column is found.
        var indefinite = Self.matrix(eigenvalues: (0..<200).map { $0 == 150 ? -1 : 1 }, seed: 6)
        #expect(!Cholesky.factorInPlace(&indefinite, order: 200))
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
                y.withUnsafeMutableBufferPointer { py in
                    VectorKernels.axpy(0.75, pa.baseAddress!, py.baseAddress!, count: count)
                }
            }
            #expect(y == zip(a, b).map { 0.75 * $0 + $1 })
        }
    }
}
