import WideKernels

/// The O(d³) and O(n·d²) symmetric products that build instances, on the blocked
/// `gdbench_dot_block` kernel of `WideKernels` (include/ConstructionKernels.h): entries summed in
/// 256-long chunks of four lanes, the same rounded operations in the portable and the AVX build, so the
/// result does not depend on the ``KernelPath``, the machine or the thread count. Only the upper
/// triangle is computed; the lower one is its mirror, so the results are exactly symmetric.
public enum SymmetricProducts {
    /// A = Q·diag(λ)·Qᵀ, row-major d×d, for a row-major d×d `rotation` Q: A_ij = Σ_k (Q_ik·λ_k)·Q_jk.
    public static func rotatedDiagonal(rotation q: [Double], eigenvalues: [Double], path: KernelPath = .current)
        -> [Double]
    {
        let d = eigenvalues.count
        precondition(q.count == d * d, "rotation must be d×d")
        var scaled = q
        for i in 0..<d { for k in 0..<d { scaled[i * d + k] *= eigenvalues[k] } }
        return symmetricProduct(scaled, q, order: d, depth: d, path: path)
    }

    /// X·Yᵀ for row-major p×k matrices X and Y whose product is symmetric (XYᵀ = YXᵀ in exact arithmetic):
    /// entry (i, j), i ≤ j, is the dot-block sum of x_il·y_jl over l, and the lower triangle its mirror.
    static func symmetricProduct(_ x: [Double], _ y: [Double], order p: Int, depth k: Int, path: KernelPath)
        -> [Double]
    {
        var product = [Double](repeating: 0, count: p * p)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                product.withUnsafeMutableBufferPointer { out in
                    gdbench_dot_block(
                        x.baseAddress, k, p, y.baseAddress, k, p, k, out.baseAddress, p, 1, false, true, path == .avx)
                }
            }
        }
        mirrorUpper(&product, order: p)
        return product
    }

    /// XᵀX, row-major d×d, for the row-major n×d `rows` X (``weightedGram(rows:weights:rowCount:columnCount:path:)``
    /// with no weights).
    public static func gram(rows x: [Double], rowCount n: Int, columnCount d: Int, path: KernelPath = .current)
        -> [Double]
    {
        weightedGram(rows: x, weights: nil, rowCount: n, columnCount: d, path: path)
    }

    /// XᵀDX = Σᵢ wᵢ·xᵢxᵢᵀ, row-major d×d, for the row-major n×d `rows` X and weights w (nil: all 1):
    /// rows are transposed 256 at a time into column-major blocks B (entries x_ij) and W (entries
    /// wᵢ·x_ij, rounded) and each block adds WᵀB — an entry (j, k), j ≤ k, is Σ over blocks, in row
    /// order, of the kernel's chunk sum of (wᵢ·x_ij)·x_ik (the dot-block rule with k = the row index).
    public static func weightedGram(
        rows x: [Double], weights: [Double]?, rowCount n: Int, columnCount d: Int, path: KernelPath = .current
    ) -> [Double] {
        precondition(x.count == n * d, "rows must be n×d")
        precondition(weights.map { $0.count == n } ?? true, "one weight per row")
        let blockRows = 256
        var gram = [Double](repeating: 0, count: d * d)
        var block = [Double](repeating: 0, count: d * blockRows)
        var weighted = weights == nil ? [] : block
        let rowWeights = weights ?? []
        rowWeights.withUnsafeBufferPointer { rowWeights in
            x.withUnsafeBufferPointer { x in
                block.withUnsafeMutableBufferPointer { block in
                    weighted.withUnsafeMutableBufferPointer { weighted in
                        gram.withUnsafeMutableBufferPointer { g in
                            let b = block.baseAddress.unsafelyUnwrapped
                            let scaled = weights == nil ? b : weighted.baseAddress.unsafelyUnwrapped
                            var start = 0
                            while start < n {
                                let count = min(blockRows, n - start)
                                // Eight rows at a time, so each column of the block gets one cache line per pass.
                                let first = x.baseAddress.unsafelyUnwrapped + start * d
                                var r0 = 0
                                while r0 < count {
                                    let r1 = min(r0 + 8, count)
                                    for j in 0..<d {
                                        let column = b + j * count
                                        for r in r0..<r1 { column[r] = first[r * d + j] }
                                    }
                                    if weights != nil {
                                        let w = rowWeights.baseAddress.unsafelyUnwrapped + start
                                        for j in 0..<d {
                                            let column = scaled + j * count
                                            for r in r0..<r1 { column[r] = w[r] * first[r * d + j] }
                                        }
                                    }
                                    r0 = r1
                                }
                                gdbench_dot_block(
                                    scaled, count, d, b, count, d, count, g.baseAddress, d, 1, true, true, path == .avx)
                                start += count
                            }
                        }
                    }
                }
            }
        }
        mirrorUpper(&gram, order: d)
        return gram
    }

    /// XXᵀ, row-major n×n, for the row-major n×d `rows` X: entry (i, j) is the dot-block sum of x_ik·x_jk
    /// over k (the rows are already contiguous, so no transposition), upper triangle mirrored.
    public static func rowGram(rows x: [Double], rowCount n: Int, columnCount d: Int, path: KernelPath = .current)
        -> [Double]
    {
        precondition(x.count == n * d, "rows must be n×d")
        return symmetricProduct(x, x, order: n, depth: d, path: path)
    }

    /// a_ji ← a_ij for j > i, in 32×32 tiles (a column of the lower triangle is written a tile at a time,
    /// not across the whole matrix).
    static func mirrorUpper(_ a: inout [Double], order d: Int) {
        let tile = 32
        a.withUnsafeMutableBufferPointer { buffer in
            let a = buffer.baseAddress.unsafelyUnwrapped
            for i0 in stride(from: 0, to: d, by: tile) {
                for j0 in stride(from: i0, to: d, by: tile) {
                    for i in i0..<min(i0 + tile, d) {
                        for j in max(j0, i + 1)..<max(min(j0 + tile, d), i + 1) { a[j * d + i] = a[i * d + j] }
                    }
                }
            }
        }
    }
}
