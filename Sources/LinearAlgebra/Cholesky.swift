import WideKernels

/// The Cholesky factorisation A = LLᵀ of a symmetric positive definite matrix and solves with it
/// (Golub & Van Loan, "Matrix Computations", 4th ed., Algorithms 4.2.1 and 4.2.3: each entry
/// Lᵢⱼ = (Aᵢⱼ − Σ_{k<j} LᵢₖLⱼₖ)/Lⱼⱼ, blocked as LAPACK dpotrf, see
/// ``factorInPlace(_:order:path:)``). The one dense Cholesky of gdbench:
/// the constants of logistic regression and least squares (x* by Newton steps and the normal
/// equations) build a ``Cholesky`` value; Newton's method factors its shifted Hessian every iteration
/// in place with ``factorInPlace(_:order:path:)`` and ``solveInPlace(lower:order:_:)`` (no allocation).
public struct Cholesky: Sendable {
    /// The order n of the factored matrix.
    public let order: Int
    /// L, row-major n×n, zero above the diagonal.
    public let lower: [Double]

    /// Factors the row-major n×n matrix `matrix` (only its lower triangle is read). Returns nil when a
    /// pivot is not positive and finite, i.e. the matrix is not numerically positive definite.
    public init?(matrix: [Double], order n: Int) {
        var l = matrix
        guard Cholesky.factorInPlace(&l, order: n) else { return nil }
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { l[i * n + j] = 0 } }
        order = n
        lower = l
    }

    /// The solution x of A x = b by forward substitution L z = b and back substitution Lᵀ x = z.
    public func solve(_ b: [Double]) -> [Double] {
        var x = b
        Cholesky.solveInPlace(lower: lower, order: order, &x)
        return x
    }

    /// Overwrites the lower triangle of the row-major n×n `matrix` with L. Returns false, leaving
    /// `matrix` partly overwritten, when a pivot is not positive and finite.
    ///
    /// Blocked right-looking (Golub & Van Loan, Algorithm 4.2.3, as LAPACK dpotrf), ``blockSize``
    /// columns at a time. Within a block column every row i is finished in turn: for each column j of
    /// the block, Lᵢⱼ = aᵢⱼ/Lⱼⱼ, then aᵢq −= Lᵢⱼ·L_qj for the later columns q ≤ i of the block, so every
    /// entry subtracts the products of its block in increasing j, one rounding each — exactly the
    /// unblocked column-by-column rule (the whole factorisation when n ≤ ``blockSize``). The trailing
    /// matrix then subtracts the block's products at once by `gdbench_dot_block` (entries summed in
    /// 4 lanes, the same rounding on the portable and the AVX path). The strict upper triangle is
    /// not read; entries of it next to the diagonal may be overwritten.
    @inlinable
    public static func factorInPlace(_ matrix: inout [Double], order n: Int, path: KernelPath = .current) -> Bool {
        guard n > 0 else { return true }
        let width = min(blockSize, n)
        let trailingRows = max(n - width, 0)
        return matrix.withUnsafeMutableBufferPointer { buffer in
            let capacity = width * width + 2 * trailingRows * width
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { scratch in
                let a = buffer.baseAddress.unsafelyUnwrapped
                // t[(j − j0)·width + (q − j0)] = L_qj of the block's finished rows q.
                let t = scratch.baseAddress.unsafelyUnwrapped
                let panel = t + width * width, negated = panel + trailingRows * width
                var j0 = 0
                while j0 < n {
                    let j1 = min(j0 + width, n), w = j1 - j0
                    for i in j0..<n {
                        let row = a + i * n
                        let end = min(i + 1, j1)
                        for j in j0..<min(i, j1) {
                            let value = row[j] / a[j * n + j]
                            row[j] = value
                            let column = t + (j - j0) * width - j0
                            if i < j1 { column[i] = value }
                            for q in (j + 1)..<max(j + 1, end) { row[q] -= value * column[q] }
                        }
                        if i < j1 {
                            let pivot = row[i]
                            guard pivot > 0, pivot.isFinite else { return false }
                            row[i] = pivot.squareRoot()
                        }
                    }
                    let m = n - j1
                    if m > 0 {
                        // A₂₂ −= L₂₁L₂₁ᵀ on the lower triangle: entry (r, c), c ≤ r, adds Σ_j (−L_cj)·L_rj.
                        for r in 0..<m {
                            for k in 0..<w {
                                let value = a[(j1 + r) * n + j0 + k]
                                panel[r * w + k] = value
                                negated[r * w + k] = -value
                            }
                        }
                        gdbench_dot_block(
                            negated, w, m, panel, w, m, w, a + j1 * n + j1, 1, n, true, true, path == .avx)
                    }
                    j0 = j1
                }
                return true
            }
        }
    }

    /// Columns per block of ``factorInPlace(_:order:path:)``.
    public static let blockSize = 128

    /// Solves LLᵀz = b in place (`vector` holds b on entry, z on return); L is the lower triangle of
    /// `lower` as ``factorInPlace(_:order:path:)`` leaves it.
    @inlinable
    public static func solveInPlace(lower: [Double], order n: Int, _ vector: inout [Double]) {
        lower.withUnsafeBufferPointer { l in
            vector.withUnsafeMutableBufferPointer { z in
                for i in 0..<n {
                    var sum = z[i]
                    for k in 0..<i { sum -= l[i * n + k] * z[k] }
                    z[i] = sum / l[i * n + i]
                }
                var i = n - 1
                while i >= 0 {
                    var sum = z[i]
                    for k in (i + 1)..<max(i + 1, n) { sum -= l[k * n + i] * z[k] }
                    z[i] = sum / l[i * n + i]
                    i -= 1
                }
            }
        }
    }
}
