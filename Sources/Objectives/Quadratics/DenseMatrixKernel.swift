import LinearAlgebra

#if arch(x86_64)
import WideKernels
#endif

/// The dense row-major matrix-vector product y = A·v used by the rotated quadratic and the index
/// saddle. ``portableMultiply(_:dimension:_:into:)`` defines the result and is written for
/// throughput: two rows at a time share each load of v, and each row keeps two SIMD2 accumulators
/// s0 (columns j, j+1) and s1 (columns j+2, j+3) for j = 0, 4, 8, …, so the loop is bound by the loads
/// of A rather than by the latency of one running sum; a row's value is (s0 + s1).sum() plus the
/// last n mod 4 products added in turn. The summation order is fixed by the code, so results are
/// reproducible to the bit.
///
/// ``multiply(_:dimension:_:into:path:)`` runs it on ``KernelPath/current`` (by default): on `.avx`
/// the `WideKernels` C function keeps one 256-bit accumulator per row with lanes (s0[0], s0[1], s1[0],
/// s1[1]), reduced as (l0 + l2) + (l1 + l3), products rounded before they are added (no FMA) —
/// bitwise the portable result — and works on 8 rows at a time, whose independent sums hide the
/// latency of the additions. Timings: docs/performance.md.
enum DenseMatrixKernel {
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// y ← A·v for an n×n row-major A on `path` (bitwise the same on either). `y` must not alias `v`.
    static func multiply(
        _ a: UnsafePointer<Double>, dimension n: Int, _ v: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>,
        path: KernelPath = .current
    ) {
        #if arch(x86_64)
        if path == .avx { return gdbench_avx_multiply(a, n, v, y) }
        #endif
        portableMultiply(a, dimension: n, v, into: y)
    }

    /// y ← A·v for an n×n row-major A by the portable kernel. `y` must not alias `v`.
    static func portableMultiply(
        _ a: UnsafePointer<Double>, dimension n: Int, _ v: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>
    ) {
        var i = 0
        while i + 1 < n {
            let row0 = a + i * n
            let row1 = row0 + n
            var s00 = SIMD2<Double>(), s01 = SIMD2<Double>(), s10 = SIMD2<Double>(), s11 = SIMD2<Double>()
            var j = 0
            while j + 4 <= n {
                let v0 = load(v + j), v1 = load(v + j + 2)
                s00 += load(row0 + j) * v0
                s01 += load(row0 + j + 2) * v1
                s10 += load(row1 + j) * v0
                s11 += load(row1 + j + 2) * v1
                j += 4
            }
            var t0 = (s00 + s01).sum(), t1 = (s10 + s11).sum()
            while j < n {
                t0 += row0[j] * v[j]
                t1 += row1[j] * v[j]
                j += 1
            }
            y[i] = t0
            y[i + 1] = t1
            i += 2
        }
        if i < n {
            let row = a + i * n
            var s0 = SIMD2<Double>(), s1 = SIMD2<Double>()
            var j = 0
            while j + 4 <= n {
                s0 += load(row + j) * load(v + j)
                s1 += load(row + j + 2) * load(v + j + 2)
                j += 4
            }
            var t = (s0 + s1).sum()
            while j < n {
                t += row[j] * v[j]
                j += 1
            }
            y[i] = t
        }
    }
}
