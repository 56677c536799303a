/// The Cholesky factorisation A = LLᵀ of a symmetric positive definite matrix and solves with it
/// (Golub & Van Loan, "Matrix Computations", 4th ed., Algorithm 4.2.1, the row-oriented
/// Cholesky–Banachiewicz form). Used to build x* exactly: Newton steps for logistic regression and
/// the normal equations of least squares.
public struct Cholesky: Sendable {
    /// The order n of the factored matrix.
    public let order: Int
    /// L, row-major n×n, zero above the diagonal.
    public let lower: [Double]

    /// Factors the row-major n×n matrix `matrix` (only its lower triangle is read). Returns nil when a
    /// pivot is not positive and finite, i.e. the matrix is not numerically positive definite.
    public init?(matrix: [Double], order n: Int) {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        order = n
        lower = l
    }

    /// The solution x of A x = b by forward substitution L z = b and back substitution Lᵀ x = z.
    public func solve(_ b: [Double]) -> [Double] {
        let n = order
        var x = b
        for i in 0..<n {
            var sum = x[i]
            for k in 0..<i { sum -= lower[i * n + k] * x[k] }
            x[i] = sum / lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<n { sum -= lower[k * n + i] * x[k] }
            x[i] = sum / lower[i * n + i]
        }
        return x
    }
}
