#if arch(x86_64)
import WideKernels
#endif

/// The vector kernels of gdbench, on `Double` storage in place with no allocation: the
/// pointer kernels of the finite-sum objectives' row loops (dot products and axpy on contiguous rows of
/// a row-major matrix) and whole-array operations for the methods' O(d) steps, through unsafe buffer
/// pointers so that no bounds checks or copies reach the loops.
///
/// ``portableDot(_:_:count:)`` and ``portableAxpy(_:_:_:count:)`` define the results: they work on 8
/// doubles per step with two `SIMD4<Double>` accumulators (4 independent packed lanes each), which
/// hides the latency of the additions and lets the compiler emit packed SSE2 instructions; the tail
/// (count mod 8) is handled by a scalar loop. The summation order is therefore fixed by the code (not
/// by the compiler), so results are identical on every run.
///
/// ``dot(_:_:count:)`` and ``axpy(_:_:_:count:)`` run them on the process's ``KernelPath``: on
/// `.avx` (x86-64 with AVX, chosen at run time) the `WideKernels` C functions do the same work with
/// 256-bit registers — each `SIMD4` accumulator is one YMM register, products are rounded before they
/// are added (no FMA), and the lanes are reduced in the same order — so the result is bitwise the
/// portable one (checked for every length 0…70 by `WideKernelTests`); below 8 elements both paths are
/// the scalar tail and the Swift code runs. Hot row loops read ``KernelPath/current`` once and pass it
/// to the `path:` variants.
public enum VectorKernels {
    /// Σᵢ a[i]·b[i] for i in 0..<count, on ``KernelPath/current``.
    @inlinable
    public static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        #if arch(x86_64)
        if count >= 8 && KernelPath.current == .avx { return gdbench_avx_dot(a, b, count) }
        #endif
        return portableDot(a, b, count: count)
    }

    /// Σᵢ a[i]·b[i] for i in 0..<count, on the given path (bitwise the same on either).
    @inlinable @inline(__always)
    public static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int, path: KernelPath)
        -> Double
    {
        #if arch(x86_64)
        if count >= 8 && path == .avx { return gdbench_avx_dot(a, b, count) }
        #endif
        return portableDot(a, b, count: count)
    }

    /// Σᵢ a[i]·b[i] for i in 0..<count by the portable kernel: ((s[0] + s[1]) + (s[2] + s[3])) + tail,
    /// where s = sum0 + sum1, sum0 and sum1 accumulate a[i..<i+4]·b[i..<i+4] and a[i+4..<i+8]·b[i+4..<i+8]
    /// for i = 0, 8, 16, …, and tail is the sequential sum of the last count mod 8 products from 0.
    @inlinable
    public static func portableDot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        let stride = MemoryLayout<Double>.stride
        var sum0 = SIMD4<Double>(), sum1 = SIMD4<Double>()
        var i = 0
        while i &+ 8 <= count {
            let offset = i &* stride
            sum0 +=
                rawA.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            sum1 +=
                rawA.loadUnaligned(fromByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
                * rawB.loadUnaligned(fromByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
            i &+= 8
        }
        var tail = 0.0
        while i < count {
            tail += a[i] * b[i]
            i &+= 1
        }
        let sum = sum0 + sum1
        return ((sum[0] + sum[1]) + (sum[2] + sum[3])) + tail
    }

    /// y[i] += alpha·x[i] for i in 0..<count, on ``KernelPath/current``.
    @inlinable
    public static func axpy(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int)
    {
        #if arch(x86_64)
        if count >= 8 && KernelPath.current == .avx { return gdbench_avx_axpy(alpha, x, y, count) }
        #endif
        portableAxpy(alpha, x, y, count: count)
    }

    /// y[i] += alpha·x[i] for i in 0..<count, on the given path (bitwise the same on either).
    @inlinable @inline(__always)
    public static func axpy(
        _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int, path: KernelPath
    ) {
        #if arch(x86_64)
        if count >= 8 && path == .avx { return gdbench_avx_axpy(alpha, x, y, count) }
        #endif
        portableAxpy(alpha, x, y, count: count)
    }

    /// y[i] += alpha·x[i] for i in 0..<count by the portable kernel (each entry a rounded product,
    /// then a rounded sum; 8 entries per step).
    @inlinable
    public static func portableAxpy(
        _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int
    ) {
        let rawX = UnsafeRawPointer(x), rawY = UnsafeMutableRawPointer(y)
        let stride = MemoryLayout<Double>.stride
        let scale = SIMD4<Double>(repeating: alpha)
        var i = 0
        while i &+ 8 <= count {
            let offset = i &* stride
            let y0 =
                rawY.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                + scale * rawX.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            let y1 =
                rawY.loadUnaligned(fromByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
                + scale * rawX.loadUnaligned(fromByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
            rawY.storeBytes(of: y0, toByteOffset: offset, as: SIMD4<Double>.self)
            rawY.storeBytes(of: y1, toByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
            i &+= 8
        }
        while i < count {
            y[i] += alpha * x[i]
            i &+= 1
        }
    }

    // MARK: blocks of rows

    /// out[r] ← rows[r·stride ..< r·stride + count]ᵀ w for r in 0..<rowCount: each entry bitwise
    /// ``portableDot(_:_:count:)`` of its row. On `.avx` four rows at a time share each load of w, so
    /// their eight independent accumulators hide the latency of the additions.
    @inlinable
    public static func dotRows(
        _ rows: UnsafePointer<Double>, stride: Int, rowCount: Int, _ w: UnsafePointer<Double>, count: Int,
        into out: UnsafeMutablePointer<Double>, path: KernelPath
    ) {
        #if arch(x86_64)
        if path == .avx { return gdbench_avx_dot_rows(rows, stride, rowCount, w, count, out) }
        #endif
        for r in 0..<rowCount { out[r] = portableDot(rows + r &* stride, w, count: count) }
    }

    /// y ← y + coefficients[r]·rows[r·stride ..< r·stride + count] for r = 0, 1, …, rowCount − 1 in
    /// turn: bitwise the rowCount calls of ``portableAxpy(_:_:_:count:)`` in order. On `.avx` each
    /// entry of y takes four rows' terms, in row order, per load and store.
    @inlinable
    public static func axpyRows(
        _ coefficients: UnsafePointer<Double>, _ rows: UnsafePointer<Double>, stride: Int, rowCount: Int,
        _ y: UnsafeMutablePointer<Double>, count: Int, path: KernelPath
    ) {
        #if arch(x86_64)
        if path == .avx { return gdbench_avx_axpy_rows(coefficients, rows, stride, rowCount, y, count) }
        #endif
        for r in 0..<rowCount { portableAxpy(coefficients[r], rows + r &* stride, y, count: count) }
    }

    // MARK: whole arrays

    /// aᵀb, by ``dot(_:_:count:)`` over the whole arrays (equal lengths).
    @inlinable
    public static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let first = a.baseAddress, let second = b.baseAddress else { return 0 }
                return dot(first, second, count: a.count)
            }
        }
    }

    /// ‖a‖₂: the one Euclidean norm of gdbench (methods, monitoring and constants alike).
    @inlinable
    public static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    /// ‖a − b‖₂ over the common length, as ``norm(_:)`` of the difference (formed in a temporary
    /// buffer, on the stack for short vectors).
    @inlinable
    public static func distance(_ a: [Double], _ b: [Double]) -> Double {
        let count = min(a.count, b.count)
        guard count > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { difference in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<count { difference[i] = a[i] - b[i] }
                }
            }
            let base = UnsafePointer(difference.baseAddress!)
            return dot(base, base, count: count).squareRoot()
        }
    }

    /// ‖a‖∞.
    @inlinable
    public static func maxNorm(_ a: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            var worst = 0.0
            for value in a { worst = max(worst, abs(value)) }
            return worst
        }
    }

    /// ‖a‖₁.
    @inlinable
    public static func sumNorm(_ a: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            var sum = 0.0
            for value in a { sum += abs(value) }
            return sum
        }
    }

    /// y ← y + αx, by ``axpy(_:_:_:count:)`` over the whole arrays (equal lengths).
    @inlinable
    public static func addScaled(_ y: inout [Double], _ alpha: Double, _ x: [Double]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                guard let source = x.baseAddress, let target = y.baseAddress else { return }
                axpy(alpha, source, target, count: y.count)
            }
        }
    }

    /// out ← x + αp.
    @inlinable
    public static func setSum(_ out: inout [Double], _ x: [Double], _ alpha: Double, _ p: [Double]) {
        x.withUnsafeBufferPointer { x in
            p.withUnsafeBufferPointer { p in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = x[i] + alpha * p[i] }
                }
            }
        }
    }

    /// out ← αx.
    @inlinable
    public static func setScaled(_ out: inout [Double], _ alpha: Double, _ x: [Double]) {
        x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                for i in 0..<out.count { out[i] = alpha * x[i] }
            }
        }
    }

    /// out ← a − b.
    @inlinable
    public static func setDifference(_ out: inout [Double], _ a: [Double], _ b: [Double]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = a[i] - b[i] }
                }
            }
        }
    }

    /// out ← source, element by element (never shares storage).
    @inlinable
    public static func copy(_ source: [Double], into out: inout [Double]) {
        source.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { out in
                for i in 0..<out.count { out[i] = source[i] }
            }
        }
    }
}
