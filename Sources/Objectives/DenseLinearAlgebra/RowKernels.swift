/// The inner loops of the finite-sum objectives: dot products and axpy on contiguous rows of a
/// row-major matrix, through raw pointers so that no bounds checks or copies reach the loop.
///
/// Both kernels work on 8 doubles per step with two `SIMD4<Double>` accumulators (4 independent
/// packed lanes each), which hides the latency of the additions and lets the compiler emit packed
/// SSE2/AVX instructions; the tail (count mod 8) is handled by a scalar loop. The summation order is
/// therefore fixed by the code (not by the compiler), so results are identical on every run.
public enum RowKernels {
    /// Σᵢ a[i]·b[i] for i in 0..<count.
    @inlinable
    public static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        let stride = MemoryLayout<Double>.stride
        var sum0 = SIMD4<Double>(), sum1 = SIMD4<Double>()
        var i = 0
        while i &+ 8 <= count {
            let offset = i &* stride
            sum0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            sum1 += rawA.loadUnaligned(fromByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
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

    /// y[i] += alpha·x[i] for i in 0..<count.
    @inlinable
    public static func axpy(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        let rawX = UnsafeRawPointer(x), rawY = UnsafeMutableRawPointer(y)
        let stride = MemoryLayout<Double>.stride
        let scale = SIMD4<Double>(repeating: alpha)
        var i = 0
        while i &+ 8 <= count {
            let offset = i &* stride
            let y0 = rawY.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                + scale * rawX.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            let y1 = rawY.loadUnaligned(fromByteOffset: offset &+ 4 &* stride, as: SIMD4<Double>.self)
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
}
