/// Dense Cholesky factorisation A = LLᵀ of a symmetric d×d row-major matrix, in place, and the
/// triangular solves, for ``NewtonMethod``. Only the lower triangle of the input is read.
@usableFromInline
enum CholeskyFactorization {
    /// Overwrites the lower triangle of `matrix` with L. Returns false (leaving `matrix` partly
    /// overwritten) when a pivot is not positive and finite, i.e. A is not positive definite.
    @inlinable
    static func factor(_ matrix: inout [Double], dimension d: Int) -> Bool {
        matrix.withUnsafeMutableBufferPointer { a in
            for j in 0..<d {
                var pivot = a[j * d + j]
                for k in 0..<j { pivot -= a[j * d + k] * a[j * d + k] }
                guard pivot > 0, pivot.isFinite else { return false }
                let root = pivot.squareRoot()
                a[j * d + j] = root
                for i in (j + 1)..<max(j + 1, d) {
                    var sum = a[i * d + j]
                    for k in 0..<j { sum -= a[i * d + k] * a[j * d + k] }
                    a[i * d + j] = sum / root
                }
            }
            return true
        }
    }

    /// Solves LLᵀz = b in place (`vector` holds b on entry, z on return), L from ``factor``.
    @inlinable
    static func solve(_ factor: [Double], dimension d: Int, _ vector: inout [Double]) {
        factor.withUnsafeBufferPointer { l in
            vector.withUnsafeMutableBufferPointer { z in
                for i in 0..<d {
                    var sum = z[i]
                    for k in 0..<i { sum -= l[i * d + k] * z[k] }
                    z[i] = sum / l[i * d + i]
                }
                var i = d - 1
                while i >= 0 {
                    var sum = z[i]
                    for k in (i + 1)..<max(i + 1, d) { sum -= l[k * d + i] * z[k] }
                    z[i] = sum / l[i * d + i]
                    i -= 1
                }
            }
        }
    }
}
