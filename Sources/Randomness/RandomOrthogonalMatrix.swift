/// Haar-distributed random orthogonal matrices (Mezzadri 2007, "How to generate random matrices
/// from the classical compact groups"; the same construction as `scipy.stats.ortho_group`).
///
/// Z has i.i.d. N(0, 1) entries drawn row by row; Z = QR by Householder reflections; then column j
/// of Q is multiplied by sign(R_jj), which makes the factorisation unique and the distribution Haar.
public enum RandomOrthogonalMatrix {
    /// A `dimension × dimension` orthogonal matrix, row-major.
    public static func make(dimension n: Int, using generator: inout Xoshiro256StarStar) -> [Double] {
        precondition(n > 0, "dimension must be positive")
        var a = [Double](repeating: 0, count: n * n)
        generator.fillGaussian(&a)
        // Householder QR: reflectors stored one per column, R's diagonal kept for the sign fix.
        var reflectors = [Double](repeating: 0, count: n * n)  // column k holds v_k in rows k..<n
        var diagonalSigns = [Double](repeating: 1, count: n)
        var v = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var norm = 0.0
            for i in k..<n { norm += a[i * n + k] * a[i * n + k] }
            norm = norm.squareRoot()
            let x0 = a[k * n + k]
            let alpha = x0 >= 0 ? -norm : norm  // R_kk = alpha; the sign avoids cancellation
            diagonalSigns[k] = alpha >= 0 ? 1 : -1
            for i in 0..<n { v[i] = 0 }
            for i in k..<n { v[i] = a[i * n + k] }
            v[k] -= alpha
            var vNorm = 0.0
            for i in k..<n { vNorm += v[i] * v[i] }
            vNorm = vNorm.squareRoot()
            if vNorm == 0 { continue }  // column already reduced (measure zero)
            for i in k..<n { v[i] /= vNorm }
            for i in k..<n { reflectors[i * n + k] = v[i] }
            // A[k..<n, k..<n] -= 2 v (vᵀ A[k..<n, k..<n])
            for j in k..<n {
                var dot = 0.0
                for i in k..<n { dot += v[i] * a[i * n + j] }
                dot *= 2
                for i in k..<n { a[i * n + j] -= dot * v[i] }
            }
        }
        // Q = H_0 H_1 … H_{n−1}: apply the reflectors to the identity from the last one back.
        var q = [Double](repeating: 0, count: n * n)
        for i in 0..<n { q[i * n + i] = 1 }
        for k in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<n {
                var dot = 0.0
                for i in k..<n { dot += reflectors[i * n + k] * q[i * n + j] }
                dot *= 2
                if dot == 0 { continue }
                for i in k..<n { q[i * n + j] -= dot * reflectors[i * n + k] }
            }
        }
        for j in 0..<n where diagonalSigns[j] < 0 {
            for i in 0..<n { q[i * n + j] = -q[i * n + j] }
        }
        return q
    }
}
