/// The dense row-major matrix-vector product y = A·v used by the rotated quadratic, written for
/// throughput: two rows at a time share each load of v, and each row keeps two SIMD2 accumulators
/// (four independent partial sums), so the loop is bound by the loads of A rather than by the
/// latency of one running sum. The summation order is fixed by the code, so results are
/// reproducible to the bit on a given platform.
enum DenseMatrixKernel {
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// y ← A·v for an n×n row-major A. `y` must not alias `v`.
    static func multiply(
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
