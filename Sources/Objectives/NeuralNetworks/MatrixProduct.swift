import LinearAlgebra

#if arch(x86_64)
import WideKernels
#endif

/// The dense products of back-propagation, C ← C₀ + A·B with A an m×k matrix read through strides
/// (so Aᵀ costs no copy), B a k×n row-major matrix and C an m×n row-major matrix.
///
/// Every entry is summed in the same order, C[i,j] = (…((C₀[i,j] + A[i,0]B[0,j]) + A[i,1]B[1,j]) …),
/// each product rounded before it is added (no fused multiply-add), so the result does not depend on
/// the blocking, the vector width or the kernel path: bitwise the textbook triple loop. Loops run
/// i, p, j with j innermost and contiguous, which the compiler vectorises without reassociating;
/// rows of C are taken four at a time so that each load of a row of B serves four rows. On
/// ``KernelPath/avx`` the same sums run in the `WideKernels` C kernels, bitwise equal: with 512-bit
/// registers (blocks of 8 × 16 entries of C held over the whole of p) where the CPU and OS support
/// AVX-512F (``wideRegisters``), else with 256-bit ones (blocks of 4 × 8); neither uses FMA.
public enum MatrixProduct {
    /// Whether the AVX path runs the 512-bit kernel (AVX-512F usable; same results as the 256-bit one).
    static let wideRegisters: Bool = {
        #if arch(x86_64)
        return gdbench_avx512_usable()
        #else
        return false
        #endif
    }()

    /// C (m×n) = C₀ + A·B, where C₀ is C's current content when `accumulate` is true, else 0.
    /// A[i,p] = a[i·rowStride + p·columnStride].
    @inline(__always)
    public static func multiply(
        rows m: Int, inner k: Int, columns n: Int,
        _ a: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, accumulate: Bool
    ) {
        if !accumulate { c.update(repeating: 0, count: m * n) }
        #if arch(x86_64)
        if KernelPath.current == .avx {
            if wideRegisters {
                gdbench_avx512_matrix_product(m, k, n, a, rowStride, columnStride, b, c)
            } else {
                gdbench_avx_matrix_product(m, k, n, a, rowStride, columnStride, b, c)
            }
            return
        }
        #endif
        portableMultiply(rows: m, inner: k, columns: n, a, rowStride: rowStride, columnStride: columnStride, b, into: c)
    }

    /// The Swift kernel of ``multiply(rows:inner:columns:_:rowStride:columnStride:_:into:accumulate:)``
    /// (C += A·B), the definition of its results.
    @inline(__always)
    static func portableMultiply(
        rows m: Int, inner k: Int, columns n: Int,
        _ a: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>
    ) {
        var i = 0
        while i + 4 <= m {
            let c0 = c + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
            let a0 = a + i * rowStride, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride
            for p in 0..<k {
                let offset = p * columnStride
                let s0 = a0[offset], s1 = a1[offset], s2 = a2[offset], s3 = a3[offset]
                let row = b + p * n
                for j in 0..<n {
                    let value = row[j]
                    c0[j] += s0 * value
                    c1[j] += s1 * value
                    c2[j] += s2 * value
                    c3[j] += s3 * value
                }
            }
            i += 4
        }
        while i < m {
            let ci = c + i * n, ai = a + i * rowStride
            for p in 0..<k {
                let s = ai[p * columnStride]
                let row = b + p * n
                for j in 0..<n { ci[j] += s * row[j] }
            }
            i += 1
        }
    }

    /// Writes the transpose of the r×c row-major matrix `source` into `target` (c×r), eight source rows
    /// at a time so that each write fills a whole cache line of the target.
    @inline(__always)
    static func transpose(
        _ source: UnsafePointer<Double>, rows r: Int, columns c: Int, into target: UnsafeMutablePointer<Double>
    ) {
        var i = 0
        while i + 8 <= r {
            for j in 0..<c {
                let from = source + i * c + j, to = target + j * r + i
                for q in 0..<8 { to[q] = from[q * c] }
            }
            i += 8
        }
        while i < r {
            for j in 0..<c { target[j * r + i] = source[i * c + j] }
            i += 1
        }
    }
}
