/// The Cholesky factorisation A = LLᵀ of a symmetric positive definite matrix and solves with it
/// (Golub & Van Loan, "Matrix Computations", 4th ed., Algorithm 4.2.1; column by column, each entry
/// Lᵢⱼ = (Aᵢⱼ − Σ_{k<j} LᵢₖLⱼₖ)/Lⱼⱼ with the sum in increasing k). The one dense Cholesky of gdbench:
/// the constants of logistic regression and least squares (x* by Newton steps and the normal
/// equations) build a ``Cholesky`` value; Newton's method factors its shifted Hessian every iteration
/// in place with ``factorInPlace(_:order:)`` and ``solveInPlace(lower:order:_:)`` (no allocation).
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

    /// Overwrites the lower triangle of the row-major n×n `matrix` with L (the strict upper triangle
    /// is neither read nor written). Returns false, leaving `matrix` partly overwritten, when a pivot
    /// is not positive and finite.
    @inlinable
    public static func factorInPlace(_ matrix: inout [Double], order n: Int) -> Bool {
        matrix.withUnsafeMutableBufferPointer { a in
            for j in 0..<n {
                var pivot = a[j * n + j]
                for k in 0..<j { pivot -= a[j * n + k] * a[j * n + k] }
                guard pivot > 0, pivot.isFinite else { return false }
                let root = pivot.squareRoot()
                a[j * n + j] = root
                for i in (j + 1)..<max(j + 1, n) {
                    var sum = a[i * n + j]
                    for k in 0..<j { sum -= a[i * n + k] * a[j * n + k] }
                    a[i * n + j] = sum / root
                }
            }
            return true
        }
    }

    /// Solves LLᵀz = b in place (`vector` holds b on entry, z on return); L is the lower triangle of
    /// `lower` as ``factorInPlace(_:order:)`` leaves it.
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
