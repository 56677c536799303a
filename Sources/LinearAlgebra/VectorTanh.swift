#if arch(x86_64)
import WideKernels
#endif

/// The hyperbolic tangent of gdbench's networks, four lanes at a time and bitwise the same on every
/// kernel path, every build and every machine (the C library's `tanh` differs between libraries and
/// between its FMA and non-FMA variants, so it cannot define a record).
///
/// The method of Cephes `tanh.c` (S. L. Moshier, Cephes Math Library 2.8, 2000), with its exponential
/// from Cephes `exp.c`, on a = |x|:
/// - a < 0.625: tanh a = a + a·s·P(s)/Q(s), s = a² (the Cody & Waite rational form);
/// - otherwise tanh a = 1 − 2/(e^(2t) + 1), t = min(a, 20) (tanh rounds to 1 beyond 19.1), with
///   e^y = 2^k · (1 + 2r·P(r²)/(Q(r²) − r·P(r²))), k = y/ln 2 rounded to nearest (by adding and
///   subtracting 1.5·2^52), r = y − k·C₁ − k·C₂ (C₁ + C₂ = ln 2, C₁ with few bits so that k·C₁ is exact),
///   and 2^k built from the exponent bits;
/// - the sign of x is copied onto the result (so tanh(−0) = −0; ±∞ give ±1, NaN gives NaN).
///
/// Both branches are computed in every lane and one is selected, each product rounded before it is
/// added (no fused multiply-add), so ``portableApply(_:into:count:)`` (Swift `SIMD4<Double>`) and the
/// AVX kernel `gdbench_avx_tanh` (WideKernels) agree to the bit. Largest error against an 80-bit
/// `tanhl` over 2·10⁷ points in ±25: 1.39 ulp (glibc's `tanh`: 2.16 ulp by the same measure);
/// `VectorTanhTests` bounds it by 1.5 ulp.
public enum VectorTanh {
    /// y[i] = tanh(x[i]) for i in 0..<count on the given path; `y` may be `x`.
    @inlinable
    public static func apply(
        _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int,
        path: KernelPath = KernelPath.current
    ) {
        #if arch(x86_64)
        if path == .avx {
            gdbench_avx_tanh(x, y, count)
            return
        }
        #endif
        portableApply(x, into: y, count: count)
    }

    /// The Swift kernel of ``apply(_:into:count:path:)``, the definition of its results.
    @inlinable
    public static func portableApply(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        let source = UnsafeRawPointer(x), target = UnsafeMutableRawPointer(y)
        let stride = MemoryLayout<Double>.stride
        var i = 0
        while i &+ 4 <= count {
            let lanes = source.loadUnaligned(fromByteOffset: i &* stride, as: SIMD4<Double>.self)
            target.storeBytes(of: tanh(lanes), toByteOffset: i &* stride, as: SIMD4<Double>.self)
            i &+= 4
        }
        guard i < count else { return }
        var tail = SIMD4<Double>()
        for lane in 0..<(count - i) { tail[lane] = x[i + lane] }
        let result = tanh(tail)
        for lane in 0..<(count - i) { y[i + lane] = result[lane] }
    }

    /// tanh x, the same bits as one lane of ``apply(_:into:count:path:)``.
    @inlinable
    public static func value(_ x: Double) -> Double { tanh(SIMD4(repeating: x))[0] }

    /// tanh of each lane (see the type's description for the method).
    @inlinable @inline(__always)
    public static func tanh(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let signMask: UInt64 = 0x8000_0000_0000_0000
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        let a = unsafeBitCast(bits & ~signMask, to: SIMD4<Double>.self)
        // Small: a + a·s·P(s)/Q(s).
        let s = a * a
        let p = (-9.64399179425052238628e-1 * s + -9.92877231001918586564e1) * s + -1.61468768441708447952e3
        let q = ((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s + 4.84406305325125486048e3
        let small = a + (a * s) * (p / q)
        // Large: 1 − 2/(e^(2t) + 1).
        let t = a.replacing(with: 20, where: a .> 20)
        let y = t + t
        let magic = 6_755_399_441_055_744.0 // 1.5·2^52
        let shifted = y * 1.4426950408889634073599 + magic
        let k = shifted - magic
        var r = y - k * 6.93145751953125e-1
        r = r - k * 1.42860682030941723212e-6
        let rr = r * r
        let pr = r * ((1.26177193074810590878e-4 * rr + 3.02994407707441961300e-2) * rr + 9.99999999999999999910e-1)
        let qr =
            ((3.00198505138664455042e-6 * rr + 2.52448340349684104192e-3) * rr + 2.27265548208155028766e-1) * rr
            + 2.00000000000000000009e0
        let mantissa = 1 + 2 * (pr / (qr - pr))
        let power = unsafeBitCast(
            (unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &<< 52) &+ 0x3FF0_0000_0000_0000, to: SIMD4<Double>.self)
        let large = 1 - 2 / (mantissa * power + 1)
        let magnitude = large.replacing(with: small, where: a .< 0.625)
        let result = (unsafeBitCast(magnitude, to: SIMD4<UInt64>.self) & ~signMask) | (bits & signMask)
        return unsafeBitCast(result, to: SIMD4<Double>.self)
    }
}
