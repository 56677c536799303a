import WideKernels

/// The smallest and largest eigenvalue of a real symmetric matrix, as the constants of the finite-sum
/// problems need them (L from λ_max, μ from λ_min).
///
/// Up to ``jacobiLimit`` the cyclic Jacobi method (``SymmetricEigenvalues``), whose small eigenvalues
/// keep high relative accuracy. Above it, where Jacobi's ≈ 8 sweeps × 4n³ flops take hours, Householder
/// tridiagonalisation (`gdbench_tridiagonalize`, 4n³/3 flops, blocked as LAPACK dsytrd: half the flops in
/// one read of the trailing upper triangle per column, half in rank-64 updates) followed by bisection on
/// Sturm counts
/// (Golub & Van Loan, "Matrix Computations", 4th ed., §8.4.1, with LAPACK dstebz's pivot guard): both
/// extremes to within a few ulps of ‖A‖ (absolute, O(ε‖A‖)), the same accuracy as LAPACK's dsyevr.
public enum ExtremeEigenvalues {
    /// The largest order solved by Jacobi sweeps.
    public static let jacobiLimit = 500

    /// (λ_min, λ_max) of the row-major n×n symmetric `matrix`.
    public static func compute(_ matrix: [Double], order n: Int, path: KernelPath = .current) -> (
        min: Double, max: Double
    ) {
        guard n > 0 else { return (0, 0) }
        if n <= jacobiLimit {
            let all = SymmetricEigenvalues.compute(matrix, order: n)
            return (all.first ?? 0, all.last ?? 0)
        }
        return tridiagonalExtremes(matrix, order: n, path: path)
    }

    /// (λ_min, λ_max) by tridiagonalisation and bisection, at any order.
    static func tridiagonalExtremes(_ matrix: [Double], order n: Int, path: KernelPath) -> (min: Double, max: Double) {
        guard n > 1 else { return (matrix[0], matrix[0]) }
        var a = matrix
        var diagonal = [Double](repeating: 0, count: n)
        var offDiagonal = [Double](repeating: 0, count: n - 1)
        var work = [Double](repeating: 0, count: gdbench_tridiagonalize_work(n))
        a.withUnsafeMutableBufferPointer { a in
            diagonal.withUnsafeMutableBufferPointer { d in
                offDiagonal.withUnsafeMutableBufferPointer { e in
                    work.withUnsafeMutableBufferPointer { w in
                        gdbench_tridiagonalize(
                            a.baseAddress, n, d.baseAddress, e.baseAddress, w.baseAddress, path == .avx)
                    }
                }
            }
        }
        return (bisect(diagonal, offDiagonal, index: 0), bisect(diagonal, offDiagonal, index: n - 1))
    }

    /// The eigenvalue of rank `index` (0 = smallest) of the tridiagonal (d, e) by bisection.
    static func bisect(_ d: [Double], _ e: [Double], index: Int) -> Double {
        let n = d.count
        var lower = Double.infinity, upper = -Double.infinity
        var largestSquare = 0.0
        for i in 0..<n {
            let radius = (i > 0 ? abs(e[i - 1]) : 0) + (i < n - 1 ? abs(e[i]) : 0)
            lower = min(lower, d[i] - radius)
            upper = max(upper, d[i] + radius)
            if i < n - 1 { largestSquare = max(largestSquare, e[i] * e[i]) }
        }
        let pivotMinimum = Double.leastNormalMagnitude * max(1, largestSquare)
        while true {
            let middle = 0.5 * (lower + upper)
            if middle <= lower || middle >= upper { return upper }
            if count(below: middle, d, e, pivotMinimum) > index { upper = middle } else { lower = middle }
        }
    }

    /// The number of eigenvalues below x (Sturm sequence of the LDLᵀ pivots of T − xI).
    static func count(below x: Double, _ d: [Double], _ e: [Double], _ pivotMinimum: Double) -> Int {
        var pivot = d[0] - x
        if abs(pivot) < pivotMinimum { pivot = -pivotMinimum }
        var negatives = pivot < 0 ? 1 : 0
        for i in 1..<max(d.count, 1) {
            pivot = d[i] - x - e[i - 1] * e[i - 1] / pivot
            if abs(pivot) < pivotMinimum { pivot = -pivotMinimum }
            if pivot < 0 { negatives += 1 }
        }
        return negatives
    }
}
